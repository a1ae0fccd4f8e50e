import type { Role } from './roles';
import type { TokenSet } from './session';

/**
 * How the app obtains an access token for the gateway. Two implementations behind this one
 * interface: the development role picker (dev-picker.ts: the gateway's development issuer
 * mints a token for the chosen role and commune) and OpenID Connect (oidc.ts: authorization
 * code with PKCE against the configured issuer). The rest of the app only sees the tokens.
 */
export interface AuthProvider {
  readonly kind: 'dev' | 'oidc';
  /**
   * Development: a token for `choice` at once. OpenID Connect: leaves the page for the identity
   * provider's login (the promise does not resolve); `choice` is ignored, the provider decides.
   */
  signIn(choice?: { role: Role; commune?: string }): Promise<TokenSet>;
  /** After the provider's redirect back to the app: the tokens, or null when the URL is not a sign-in response. */
  completeSignIn(url: URL): Promise<TokenSet | null>;
}

export class SignInError extends Error {}

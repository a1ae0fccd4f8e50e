import { codeChallenge, randomToken } from './pkce';
import type { AuthProvider } from './provider';
import { SignInError } from './provider';
import { jwtClaims } from './session';

/** The OpenID Connect client, as the gateway's `/app/config.json` describes it (WEB_OIDC_*). */
export interface OidcSettings {
  /** Issuer URL (or a path on this origin, e.g. the development issuer `/dev-issuer`). */
  issuer: string;
  clientId: string;
  scope: string;
  audience?: string;
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
}

interface Pending {
  verifier: string;
  state: string;
  nonce: string;
  issuer: string;
  tokenEndpoint: string;
  redirectUri: string;
}

const PENDING_KEY = 'nct.oidc.pending';

/**
 * OpenID Connect, authorization code flow with PKCE (S256), for a public client (no secret in
 * the browser): discovery, a redirect to the provider's login with `state`, `nonce` and the
 * code challenge, then, back at `redirectUri`, the code exchanged for tokens with the verifier.
 * The ID token's nonce, audience and issuer are checked; its signature is not (the browser is
 * no place to trust a token: the gateway verifies the access token on every request).
 */
export function oidcClient(settings: OidcSettings, redirectUri: string): AuthProvider {
  const issuerUrl = new URL(settings.issuer, window.location.origin).toString().replace(/\/+$/, '');
  return {
    kind: 'oidc',
    async signIn() {
      const res = await fetch(`${issuerUrl}/.well-known/openid-configuration`);
      if (!res.ok) throw new SignInError(`discovery: HTTP ${res.status}`);
      const discovery = (await res.json()) as Discovery;
      const pending: Pending = {
        verifier: randomToken(32),
        state: randomToken(16),
        nonce: randomToken(16),
        issuer: discovery.issuer,
        tokenEndpoint: discovery.token_endpoint,
        redirectUri,
      };
      sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
      const url = new URL(discovery.authorization_endpoint);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: settings.clientId,
        redirect_uri: redirectUri,
        scope: settings.scope,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await codeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        ...(settings.audience ? { audience: settings.audience } : {}),
      }).toString();
      window.location.assign(url.toString());
      return new Promise(() => undefined);
    },
    async completeSignIn(url) {
      const error = url.searchParams.get('error');
      const code = url.searchParams.get('code');
      if (!error && !code) return null;
      const raw = sessionStorage.getItem(PENDING_KEY);
      sessionStorage.removeItem(PENDING_KEY);
      if (error) throw new SignInError(url.searchParams.get('error_description') ?? error);
      const pending = raw ? (JSON.parse(raw) as Pending) : null;
      if (!pending || url.searchParams.get('state') !== pending.state) throw new SignInError('state mismatch');
      const res = await fetch(pending.tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: code!,
          redirect_uri: pending.redirectUri,
          client_id: settings.clientId,
          code_verifier: pending.verifier,
        }),
      });
      const json = (await res.json().catch(() => ({}))) as {
        access_token?: string;
        id_token?: string;
        expires_in?: number;
        error?: string;
        error_description?: string;
      };
      if (!res.ok || !json.access_token) throw new SignInError(json.error_description ?? json.error ?? `HTTP ${res.status}`);
      if (json.id_token) {
        const claims = jwtClaims(json.id_token);
        const aud = claims?.aud;
        const audiences = Array.isArray(aud) ? aud : [aud];
        if (!claims || claims.nonce !== pending.nonce) throw new SignInError('ID token nonce mismatch');
        if (!audiences.includes(settings.clientId)) throw new SignInError('ID token audience mismatch');
        if (claims.iss !== pending.issuer) throw new SignInError('ID token issuer mismatch');
      }
      return { accessToken: json.access_token, idToken: json.id_token, expiresIn: json.expires_in };
    },
  };
}

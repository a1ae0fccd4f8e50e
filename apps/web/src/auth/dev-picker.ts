import type { AuthProvider } from './provider';
import { SignInError } from './provider';

/** The development issuer's role grant (gateway/src/web-app/dev-issuer.ts). */
const DEV_ROLE_GRANT = 'urn:nct:dev:role';

/** Development sign-in: the gateway's development issuer mints a token for the role picked. */
export function devPicker(tokenEndpoint: string): AuthProvider {
  return {
    kind: 'dev',
    async signIn(choice) {
      if (!choice) throw new SignInError('choose a role');
      const body = new URLSearchParams({
        grant_type: DEV_ROLE_GRANT,
        role: choice.role,
        ...(choice.commune ? { commune: choice.commune } : {}),
      });
      const res = await fetch(tokenEndpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      const json = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error_description?: string };
      if (!res.ok || !json.access_token) throw new SignInError(json.error_description ?? `HTTP ${res.status}`);
      return { accessToken: json.access_token, expiresIn: json.expires_in };
    },
    async completeSignIn() {
      return null;
    },
  };
}

import path from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER, devIssuerFiles } from '@nct/auth';
import type { WebAppOidc } from './static-app';

/** The built web app, next to the gateway in the repository (same path from src/ and dist/). */
export const DEFAULT_WEB_APP_DIR = path.resolve(__dirname, '..', '..', '..', 'apps', 'web', 'dist');
/** The province of the seed (Lai Châu), the dashboard's default. */
export const DEFAULT_WEB_PROVINCE_CODE = '12';

export interface WebAppConfig {
  /** Serve the app from here at `/app/` (WEB_APP_DIR; empty: off). Nothing is served when it holds no build. */
  dir: string | null;
  provinceCode: string;
  oidc?: WebAppOidc;
  /**
   * Development sign-in (`/dev-issuer/`): the issuer folder whose tokens the gateway trusts.
   * Only outside production, only when the gateway trusts the development issuer itself.
   */
  devIssuerDir?: string;
}

type Env = Record<string, string | undefined>;

/**
 * WEB_APP_DIR, WEB_PROVINCE_CODE, WEB_OIDC_ISSUER, WEB_OIDC_CLIENT_ID, WEB_OIDC_SCOPE,
 * WEB_OIDC_AUDIENCE and DEV_SIGN_IN (docs/web-app.md). Problems are pushed to `problems`.
 */
export function loadWebAppConfig(
  env: Env,
  production: boolean,
  auth: { jwksUrl?: string; jwksFile?: string; issuer: string; audience: string },
  defaultIssuerDir: string,
  problems: string[],
): WebAppConfig {
  const dir = env.WEB_APP_DIR === undefined ? DEFAULT_WEB_APP_DIR : env.WEB_APP_DIR.trim() ? path.resolve(env.WEB_APP_DIR) : null;
  const provinceCode = env.WEB_PROVINCE_CODE ?? DEFAULT_WEB_PROVINCE_CODE;
  if (!/^\d{2}$/.test(provinceCode)) problems.push(`WEB_PROVINCE_CODE must be a 2-digit province code, got "${provinceCode}"`);

  let oidc: WebAppOidc | undefined;
  const issuer = env.WEB_OIDC_ISSUER?.trim();
  const clientId = env.WEB_OIDC_CLIENT_ID?.trim();
  if (issuer || clientId) {
    if (!issuer || !clientId) problems.push('WEB_OIDC_ISSUER and WEB_OIDC_CLIENT_ID go together (the web app signs in with both)');
    else {
      let ok = issuer.startsWith('/');
      try {
        const url = new URL(issuer);
        ok = url.protocol === 'https:' || (!production && url.protocol === 'http:');
      } catch {
        /* a path on this origin */
      }
      if (!ok) problems.push(`WEB_OIDC_ISSUER must be an https URL (http only outside production), got "${issuer}"`);
      oidc = {
        issuer: issuer.replace(/\/+$/, ''),
        clientId,
        scope: env.WEB_OIDC_SCOPE?.trim() || 'openid',
        ...(env.WEB_OIDC_AUDIENCE?.trim() ? { audience: env.WEB_OIDC_AUDIENCE.trim() } : {}),
      };
    }
  }

  const devSignIn = env.DEV_SIGN_IN ?? 'auto';
  if (!['auto', 'true', 'false'].includes(devSignIn)) problems.push(`DEV_SIGN_IN must be true or false, got "${devSignIn}"`);
  if (production && devSignIn === 'true')
    problems.push('DEV_SIGN_IN=true is for development only: production signs in with OpenID Connect');
  let devIssuerDir: string | undefined;
  if (!production && devSignIn !== 'false') {
    const issuerDir = env.DEV_ISSUER_DIR?.trim() ? path.resolve(env.DEV_ISSUER_DIR) : defaultIssuerDir;
    // Only when the gateway trusts exactly that issuer: its tokens must verify here.
    const trusted =
      !auth.jwksUrl &&
      auth.issuer === DEV_ISSUER &&
      auth.audience === DEV_AUDIENCE &&
      (auth.jwksFile ? path.resolve(auth.jwksFile) === devIssuerFiles(issuerDir).jwksFile : issuerDir === defaultIssuerDir);
    if (trusted) devIssuerDir = issuerDir;
    else if (devSignIn === 'true') problems.push('DEV_SIGN_IN=true needs the gateway to trust the development issuer of DEV_ISSUER_DIR');
  }
  return { dir, provinceCode, ...(oidc ? { oidc } : {}), ...(devIssuerDir ? { devIssuerDir } : {}) };
}

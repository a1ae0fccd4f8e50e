import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEV_ISSUER, devIssuerFiles, issueDevToken, isRole, ROLES, type Role } from '@nct/auth';
import { sendJson, type HttpRoute } from '@nct/subgraph-kit';
import { WEB_APP_PREFIX } from './static-app';

/**
 * Development sign-in: a tiny OpenID-Connect-style provider in front of the repository's own
 * development issuer (`.data/dev-issuer/`, the one `npm run token` uses), so that the web app
 * can sign in as any role without a real identity provider. Never in production: the gateway
 * refuses to start with it when NODE_ENV=production (server.ts, config.ts), and its routes are
 * then simply absent (404).
 *
 * - `POST /dev-issuer/token`, `grant_type=urn:nct:dev:role` with `role` (and `commune`): the
 *   app's role picker. A token for that role, as `npm run token -- --role ...` prints.
 * - The authorization code flow with PKCE (S256), as a real provider runs it, for the app's
 *   OpenID Connect module: discovery at `/dev-issuer/.well-known/openid-configuration`, a plain
 *   form at `/dev-issuer/authorize` (pick a role), a one-time code, and `POST /dev-issuer/token`
 *   with `grant_type=authorization_code` and the code verifier. Redirects only to this origin's
 *   `/app/`; the client id is `nct-web`.
 */
export const DEV_ISSUER_PREFIX = '/dev-issuer/';
export const DEV_TOKEN_ENDPOINT = `${DEV_ISSUER_PREFIX}token`;
export const DEV_CLIENT_ID = 'nct-web';
/** The app's OpenID Connect client in development: this provider, on the gateway's own origin. */
export const DEV_OIDC_CLIENT = { issuer: DEV_ISSUER_PREFIX.replace(/\/$/, ''), clientId: DEV_CLIENT_ID, scope: 'openid' };
/** The role picker's grant (not an OAuth standard grant: development only). */
export const DEV_ROLE_GRANT = 'urn:nct:dev:role';

const TOKEN_TTL_SECONDS = 8 * 3600;
const CODE_TTL_MS = 60_000;
const MAX_FORM_BYTES = 16 * 1024;
const MAX_PENDING_CODES = 1000;

interface PendingCode {
  role: Role;
  commune?: string;
  redirectUri: string;
  challenge: string;
  nonce?: string;
  expires: number;
}

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function oauthError(res: ServerResponse, status: number, error: string, description: string): void {
  res.setHeader('cache-control', 'no-store');
  sendJson(res, status, { error, error_description: description });
}

function readForm(req: IncomingMessage): Promise<URLSearchParams | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/** The role and commune of a request, or why not (English: this is a developer tool). */
export function devSubject(role: string | null, commune: string | null): { role: Role; commune?: string } | string {
  if (!isRole(role)) return `role must be one of ${ROLES.join(', ')}`;
  const code = commune?.trim() || undefined;
  if (code !== undefined && !/^\d{5}$/.test(code)) return 'commune must be a 5-digit commune code';
  if (role === 'commune-officer' && !code) return 'a commune officer needs a commune';
  if (code && role !== 'commune-officer' && role !== 'health') return `role ${role} has no commune`;
  return { role, ...(code ? { commune: code } : {}) };
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function originOfRequest(req: IncomingMessage): string {
  return `http://${req.headers.host ?? 'localhost'}`;
}

/** The authorization request's parameters, checked: only this origin's app, PKCE S256. */
function authorizationRequest(params: URLSearchParams, origin: string): { redirectUri: string; challenge: string } | string {
  if (params.get('response_type') !== 'code') return 'response_type must be code';
  if (params.get('client_id') !== DEV_CLIENT_ID) return `client_id must be ${DEV_CLIENT_ID}`;
  const redirectUri = params.get('redirect_uri') ?? '';
  let redirect: URL;
  try {
    redirect = new URL(redirectUri);
  } catch {
    return 'redirect_uri must be an absolute URL';
  }
  if (redirect.origin !== origin || !redirect.pathname.startsWith(WEB_APP_PREFIX) || redirect.search || redirect.hash)
    return `redirect_uri must be ${origin}${WEB_APP_PREFIX}...`;
  if (params.get('code_challenge_method') !== 'S256') return 'code_challenge_method must be S256';
  const challenge = params.get('code_challenge') ?? '';
  if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) return 'code_challenge must be a base64url SHA-256';
  return { redirectUri, challenge };
}

const HIDDEN = ['response_type', 'client_id', 'redirect_uri', 'code_challenge', 'code_challenge_method', 'state', 'nonce', 'scope'];

function loginPage(params: URLSearchParams, problem?: string): string {
  const hidden = HIDDEN.filter((name) => params.has(name))
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name)!)}">`)
    .join('\n');
  const options = ROLES.map((r) => `<option value="${r}">${r}</option>`).join('');
  return `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập thử nghiệm / Development sign-in</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}label{display:block;margin-top:1rem}select,input,button{font-size:1rem;padding:.4rem}button{margin-top:1.2rem;background:#0b5394;color:#fff;border:0;border-radius:4px;padding:.5rem 1rem}.problem{color:#a00000}</style>
</head>
<body>
<main>
<h1>Đăng nhập thử nghiệm / Development sign-in</h1>
<p>Nhà cung cấp định danh thử nghiệm (không dùng trong môi trường thật). / The development identity provider (never in production).</p>
${problem ? `<p class="problem" role="alert">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="${DEV_ISSUER_PREFIX}authorize">
${hidden}
<label for="role">Vai trò / Role</label>
<select id="role" name="role">${options}</select>
<label for="commune">Mã xã (cán bộ xã, trạm y tế) / Commune code (commune officers, health stations)</label>
<input id="commune" name="commune" inputmode="numeric" pattern="[0-9]{5}" autocomplete="off">
<button type="submit">Đăng nhập / Sign in</button>
</form>
</main>
</body>
</html>
`;
}

function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PAGE_CSP,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  });
  res.end(html);
}

/** The development sign-in routes, minting tokens of the issuer kept in `issuerDir`. */
export function devIssuerRoutes(issuerDir: string): HttpRoute[] {
  const codes = new Map<string, PendingCode>();
  const token = (subject: { role: Role; commune?: string }, extra: { audience?: string; nonce?: string } = {}) =>
    issueDevToken(issuerDir, { ...subject, ttlSeconds: TOKEN_TTL_SECONDS, ...extra });

  const discovery = (req: IncomingMessage) => {
    const base = `${originOfRequest(req)}${DEV_ISSUER_PREFIX}`;
    return {
      issuer: DEV_ISSUER,
      authorization_endpoint: `${base}authorize`,
      token_endpoint: `${base}token`,
      jwks_uri: `${base}jwks.json`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', DEV_ROLE_GRANT],
      code_challenge_methods_supported: ['S256'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['ES256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: ['openid'],
    };
  };

  async function tokenEndpoint(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      oauthError(res, 400, 'invalid_request', 'the body must be application/x-www-form-urlencoded');
      return;
    }
    const form = await readForm(req);
    if (!form) {
      oauthError(res, 413, 'invalid_request', 'body too large');
      return;
    }
    const grant = form.get('grant_type');
    if (grant === DEV_ROLE_GRANT) {
      const subject = devSubject(form.get('role'), form.get('commune'));
      if (typeof subject === 'string') return oauthError(res, 400, 'invalid_request', subject);
      res.setHeader('cache-control', 'no-store');
      sendJson(res, 200, { access_token: await token(subject), token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS });
      return;
    }
    if (grant !== 'authorization_code') return oauthError(res, 400, 'unsupported_grant_type', `grant_type ${grant ?? '(none)'}`);
    const code = form.get('code') ?? '';
    const pending = codes.get(code);
    codes.delete(code); // one use, whatever happens next
    if (!pending || pending.expires < Date.now()) return oauthError(res, 400, 'invalid_grant', 'unknown, used or expired code');
    if (form.get('client_id') !== DEV_CLIENT_ID) return oauthError(res, 400, 'invalid_client', `client_id must be ${DEV_CLIENT_ID}`);
    if (form.get('redirect_uri') !== pending.redirectUri) return oauthError(res, 400, 'invalid_grant', 'redirect_uri differs');
    if (s256(form.get('code_verifier') ?? '') !== pending.challenge)
      return oauthError(res, 400, 'invalid_grant', 'PKCE verification failed');
    const subject = { role: pending.role, ...(pending.commune ? { commune: pending.commune } : {}) };
    res.setHeader('cache-control', 'no-store');
    sendJson(res, 200, {
      access_token: await token(subject),
      id_token: await token(subject, { audience: DEV_CLIENT_ID, nonce: pending.nonce }),
      token_type: 'Bearer',
      expires_in: TOKEN_TTL_SECONDS,
      scope: 'openid',
    });
  }

  async function authorizeSubmit(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await readForm(req);
    if (!form) return oauthError(res, 413, 'invalid_request', 'body too large');
    const request = authorizationRequest(form, originOfRequest(req));
    if (typeof request === 'string') return sendPage(res, 400, `<!doctype html><title>400</title><p>${escapeHtml(request)}</p>`);
    const subject = devSubject(form.get('role'), form.get('commune'));
    if (typeof subject === 'string') return sendPage(res, 400, loginPage(form, subject));
    const now = Date.now();
    for (const [key, value] of codes) if (value.expires < now) codes.delete(key);
    if (codes.size >= MAX_PENDING_CODES) return oauthError(res, 503, 'temporarily_unavailable', 'too many pending sign-ins');
    const code = randomBytes(24).toString('base64url');
    codes.set(code, { ...subject, ...request, nonce: form.get('nonce') || undefined, expires: now + CODE_TTL_MS });
    const location = new URL(request.redirectUri);
    location.searchParams.set('code', code);
    const state = form.get('state');
    if (state) location.searchParams.set('state', state);
    res.writeHead(302, { location: location.toString(), 'cache-control': 'no-store' });
    res.end();
  }

  return [
    {
      methods: ['GET', 'HEAD'],
      path: `${DEV_ISSUER_PREFIX}.well-known/openid-configuration`,
      handle: (req, res) => sendJson(res, 200, discovery(req)),
    },
    {
      methods: ['GET', 'HEAD'],
      path: `${DEV_ISSUER_PREFIX}jwks.json`,
      handle: (_req, res) => sendJson(res, 200, JSON.parse(fs.readFileSync(devIssuerFiles(issuerDir).jwksFile, 'utf8'))),
    },
    {
      methods: ['GET', 'HEAD'],
      path: `${DEV_ISSUER_PREFIX}authorize`,
      handle: (req, res, url) => {
        const request = authorizationRequest(url.searchParams, originOfRequest(req));
        if (typeof request === 'string') return sendPage(res, 400, `<!doctype html><title>400</title><p>${escapeHtml(request)}</p>`);
        sendPage(res, 200, loginPage(url.searchParams));
      },
    },
    { methods: ['POST'], path: `${DEV_ISSUER_PREFIX}authorize`, handle: authorizeSubmit },
    { methods: ['POST'], path: DEV_TOKEN_ENDPOINT, handle: tokenEndpoint },
  ];
}

// The officials' web app as the gateway serves it (apps/web/dist at /app/) and the development
// sign-in (/dev-issuer/), which must never exist in production.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { generateInternalKeyPair } from '@nct/auth';
import { loadConfig } from '../src/config';
import type { GatewayServerOptions, RunningGateway } from '../src/server';
import { DEV_ROLE_GRANT } from '../src/web-app/dev-issuer';
import { webAppCsp } from '../src/web-app/static-app';
import { startTestGateway } from './test-gateway';
import { FakeSubgraph, postGraphQL, startHealth, startHomeaffairs, testAuth } from './fixtures';

const TODAY = '2026-11-01';

/** A JWT's claims (the gateway verifies signatures; here only what was minted matters). */
const decodeJwt = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

/** A build as Vite writes it: index.html, hashed assets and the manifest (never served). */
function fakeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nct-web-build-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.mkdirSync(path.join(dir, '.vite'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html lang="vi"><head><script type="module" src="/app/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>',
  );
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
  fs.writeFileSync(path.join(dir, '.vite', 'manifest.json'), '{}');
  return dir;
}

function form(values: Record<string, string>) {
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(values).toString() };
}

describe('the web app and development sign-in at the gateway', () => {
  let homeaffairs: FakeSubgraph;
  let health: FakeSubgraph;
  let kit: Awaited<ReturnType<typeof testAuth>>;
  let build: string;
  const started: RunningGateway[] = [];

  async function start(options: Partial<GatewayServerOptions> = {}): Promise<string> {
    const gateway = await startTestGateway([homeaffairs, health], {
      auth: kit.auth,
      webApp: { dir: build, provinceCode: '12', today: () => TODAY },
      devIssuerDir: kit.issuerDir,
      ...options,
    });
    started.push(gateway);
    return new URL(gateway.url).origin;
  }

  let origin: string;
  beforeAll(async () => {
    [homeaffairs, health, kit] = await Promise.all([startHomeaffairs(), startHealth(), testAuth()]);
    build = fakeBuild();
    origin = await start();
  });
  afterAll(async () => {
    await Promise.all(started.map((g) => g.close()));
    await homeaffairs.stop();
    await health.stop();
    fs.rmSync(build, { recursive: true, force: true });
  });

  it('serves the build at /app/ with a same-origin Content-Security-Policy, hashed assets cached for a year', async () => {
    const page = await fetch(`${origin}/app/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toBe(webAppCsp());
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    // The runtime configuration rides in the page as a JSON data block (no inline script to allow).
    const config = JSON.parse(/<script type="application\/json" id="nct-config">(.*?)<\/script>/s.exec(html)![1]);
    expect(config).toMatchObject({ provinceCode: '12', today: TODAY, auth: { devTokenEndpoint: '/dev-issuer/token' } });

    const asset = await fetch(`${origin}/app/assets/index-abc123.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    const etag = asset.headers.get('etag')!;
    expect((await fetch(`${origin}/app/assets/index-abc123.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    // Node's fetch inflates gzip itself; ask for the raw bytes through http to see the encoding.
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      require('node:http')
        .get(`${origin}/app/assets/index-abc123.js`, { headers: { 'accept-encoding': 'gzip' } }, (res: any) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
    expect(raw.encoding).toBe('gzip');
    expect(gunzipSync(raw.body).toString()).toContain('console.log');
  });

  it('redirects /app to /app/, and answers 404 for unknown files and for the build manifest', async () => {
    const redirect = await fetch(`${origin}/app`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/app/');
    for (const p of ['/app/.vite/manifest.json', '/app/assets/nope.js', '/app/../package.json', '/app/%2e%2e/package.json']) {
      const res = await fetch(`${origin}${p}`);
      expect([p, res.status]).toEqual([p, 404]);
    }
  });

  it('gives the app its runtime configuration: province, the system date and how to sign in', async () => {
    const res = await fetch(`${origin}/app/config.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      provinceCode: '12',
      today: TODAY,
      // In development the app's OpenID Connect login runs against the development issuer.
      auth: { devTokenEndpoint: '/dev-issuer/token', oidc: { issuer: '/dev-issuer', clientId: 'nct-web', scope: 'openid' } },
    });
  });

  it('development role picker: a token for the chosen role and commune, which the gateway accepts', async () => {
    const res = await fetch(`${origin}/dev-issuer/token`, form({ grant_type: DEV_ROLE_GRANT, role: 'commune-officer', commune: '00004' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body.token_type).toBe('Bearer');
    expect(decodeJwt(body.access_token)).toMatchObject({ role: 'commune-officer', commune: '00004', iss: 'urn:nct:dev-issuer' });
    const answer = await postGraphQL(
      `${origin}/graphql`,
      { query: '{ __typename }' },
      { authorization: `Bearer ${body.access_token}`, 'x-access-purpose': 'CARE_COORDINATION' },
    );
    expect(answer.status).toBe(200);

    for (const [values, problem] of [
      [{ role: 'root' }, /role must be one of/],
      [{ role: 'commune-officer' }, /needs a commune/],
      [{ role: 'coordinator', commune: '00004' }, /has no commune/],
      [{ role: 'health', commune: '4' }, /5-digit/],
    ] as const) {
      const refused = await fetch(`${origin}/dev-issuer/token`, form({ grant_type: DEV_ROLE_GRANT, ...values }));
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error_description: string }).error_description).toMatch(problem);
    }
  });

  it('development OpenID Connect: authorization code with PKCE (S256), one-time code, ID token with the nonce', async () => {
    const discovery = (await (await fetch(`${origin}/dev-issuer/.well-known/openid-configuration`)).json()) as Record<string, any>;
    expect(discovery).toMatchObject({
      issuer: 'urn:nct:dev-issuer',
      authorization_endpoint: `${origin}/dev-issuer/authorize`,
      token_endpoint: `${origin}/dev-issuer/token`,
      code_challenge_methods_supported: ['S256'],
    });
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const params = {
      response_type: 'code',
      client_id: 'nct-web',
      redirect_uri: `${origin}/app/`,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'st-1',
      nonce: 'n-1',
      scope: 'openid',
    };
    const login = await fetch(`${discovery.authorization_endpoint}?${new URLSearchParams(params)}`);
    expect(login.status).toBe(200);
    expect(login.headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(await login.text()).toContain('<select id="role" name="role">');

    // Only this origin's app may receive a code.
    const foreign = await fetch(
      `${discovery.authorization_endpoint}?${new URLSearchParams({ ...params, redirect_uri: 'https://evil.example/app/' })}`,
    );
    expect(foreign.status).toBe(400);
    const plain = await fetch(`${discovery.authorization_endpoint}?${new URLSearchParams({ ...params, code_challenge_method: 'plain' })}`);
    expect(plain.status).toBe(400);

    const submitted = await fetch(discovery.authorization_endpoint, {
      ...form({ ...params, role: 'health', commune: '' }),
      redirect: 'manual',
    });
    expect(submitted.status).toBe(302);
    const back = new URL(submitted.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(`${origin}/app/`);
    expect(back.searchParams.get('state')).toBe('st-1');
    const code = back.searchParams.get('code')!;

    const exchange = (values: Record<string, string>) =>
      fetch(
        discovery.token_endpoint,
        form({ grant_type: 'authorization_code', client_id: 'nct-web', redirect_uri: `${origin}/app/`, ...values }),
      );
    // A wrong verifier burns the code: the right one afterwards is refused too.
    const wrong = await exchange({ code, code_verifier: randomBytes(32).toString('base64url') });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await exchange({ code, code_verifier: verifier })).status).toBe(400);

    const again = await fetch(discovery.authorization_endpoint, { ...form({ ...params, role: 'health' }), redirect: 'manual' });
    const code2 = new URL(again.headers.get('location')!).searchParams.get('code')!;
    const ok = await exchange({ code: code2, code_verifier: verifier });
    expect(ok.status).toBe(200);
    const tokens = (await ok.json()) as { access_token: string; id_token: string };
    expect(decodeJwt(tokens.access_token)).toMatchObject({ role: 'health', aud: 'nct-gateway' });
    expect(decodeJwt(tokens.id_token)).toMatchObject({ role: 'health', aud: 'nct-web', nonce: 'n-1' });
    expect((await exchange({ code: code2, code_verifier: verifier })).status).toBe(400);
  });

  it('serves nothing at /app/ when the folder holds no build', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'nct-web-empty-'));
    try {
      const other = await start({ webApp: { dir: empty, provinceCode: '12', today: () => TODAY } });
      expect((await fetch(`${other}/app/`)).status).toBe(404);
      expect((await fetch(`${other}/app/config.json`)).status).toBe(404);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  describe('production', () => {
    it('refuses to start with development sign-in', async () => {
      await expect(start({ production: true })).rejects.toThrow(/devIssuerDir is for development only/);
    });

    it('has no development sign-in, and serves the app only with an OpenID Connect client', async () => {
      const without = await start({ production: true, devIssuerDir: undefined });
      expect((await fetch(`${without}/app/`)).status).toBe(404);
      expect((await fetch(`${without}/dev-issuer/token`, form({ grant_type: DEV_ROLE_GRANT, role: 'admin' }))).status).toBe(404);
      expect((await fetch(`${without}/dev-issuer/.well-known/openid-configuration`)).status).toBe(404);

      const oidc = { issuer: 'https://idp.example.vn/realms/nct', clientId: 'nct-web', scope: 'openid' };
      const withOidc = await start({
        production: true,
        devIssuerDir: undefined,
        webApp: { dir: build, provinceCode: '12', today: () => TODAY, oidc },
      });
      const page = await fetch(`${withOidc}/app/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("connect-src 'self' https://idp.example.vn");
      expect(await (await fetch(`${withOidc}/app/config.json`)).json()).toMatchObject({ auth: { devTokenEndpoint: null, oidc } });
      expect((await fetch(`${withOidc}/dev-issuer/token`, form({ grant_type: DEV_ROLE_GRANT, role: 'admin' }))).status).toBe(404);
      // No IDE in production: `/` leads to the app.
      const root = await fetch(`${withOidc}/`, { redirect: 'manual' });
      expect(root.status).toBe(302);
      expect(root.headers.get('location')).toBe('/app/');
    });
  });
});

describe('web app configuration', () => {
  const { signingKey } = generateInternalKeyPair();
  const BASE = { INTERNAL_SIGNING_KEY: signingKey };
  const PROD = {
    ...BASE,
    NODE_ENV: 'production',
    AUTH_JWKS_URL: 'https://idp.example.vn/jwks.json',
    AUTH_ISSUER: 'https://idp.example.vn',
    AUTH_AUDIENCE: 'nct',
  };

  it('never turns development sign-in on with NODE_ENV=production', () => {
    expect(loadConfig([], PROD).webApp.devIssuerDir).toBeUndefined();
    expect(() => loadConfig([], { ...PROD, DEV_SIGN_IN: 'true' })).toThrow(/DEV_SIGN_IN=true is for development only/);
  });

  it('turns it on only when the gateway trusts that development issuer', () => {
    const dir = path.join(os.tmpdir(), 'some-issuer');
    expect(loadConfig([], { ...BASE, DEV_ISSUER_DIR: dir, AUTH_JWKS_FILE: path.join(dir, 'jwks.json') }).webApp.devIssuerDir).toBe(dir);
    expect(loadConfig([], { ...BASE, DEV_ISSUER_DIR: dir, AUTH_JWKS_FILE: '/elsewhere/jwks.json' }).webApp.devIssuerDir).toBeUndefined();
    expect(loadConfig([], { ...BASE, DEV_SIGN_IN: 'false' }).webApp.devIssuerDir).toBeUndefined();
    expect(() => loadConfig([], { ...BASE, AUTH_JWKS_URL: 'https://idp.example.vn/jwks', DEV_SIGN_IN: 'true' })).toThrow(
      /DEV_SIGN_IN=true needs the gateway to trust/,
    );
  });

  it('reads the OpenID Connect client, the province and the folder', () => {
    const config = loadConfig([], {
      ...PROD,
      WEB_APP_DIR: '/srv/nct-web',
      WEB_PROVINCE_CODE: '01',
      WEB_OIDC_ISSUER: 'https://idp.example.vn/realms/nct/',
      WEB_OIDC_CLIENT_ID: 'nct-web',
      WEB_OIDC_AUDIENCE: 'nct',
    });
    expect(config.webApp).toEqual({
      dir: '/srv/nct-web',
      provinceCode: '01',
      oidc: { issuer: 'https://idp.example.vn/realms/nct', clientId: 'nct-web', scope: 'openid', audience: 'nct' },
    });
    expect(loadConfig([], { ...BASE, WEB_APP_DIR: '' }).webApp.dir).toBeNull();
    expect(() => loadConfig([], { ...PROD, WEB_OIDC_ISSUER: 'http://idp.example.vn', WEB_OIDC_CLIENT_ID: 'x' })).toThrow(
      /must be an https URL/,
    );
    expect(() => loadConfig([], { ...BASE, WEB_OIDC_CLIENT_ID: 'x' })).toThrow(/go together/);
    expect(() => loadConfig([], { ...BASE, WEB_PROVINCE_CODE: 'LC' })).toThrow(/2-digit/);
  });
});

import http, { IncomingHttpHeaders } from 'node:http';
import { parseOrigins } from '../src/config';
import type { RunningGateway } from '../src/server';
import { startTestGateway } from './test-gateway';
import { FakeSubgraph, startHealth, startHomeaffairs, testAuth } from './fixtures';

const ALLOWED = 'https://app.nct.example.vn';
const OTHER = 'https://evil.example.com';

/** One request with exactly these headers (fetch may not send an `Origin` of our choosing). */
function raw(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const preflight = (url: string, origin: string) =>
  raw(url, 'OPTIONS', {
    origin,
    'access-control-request-method': 'POST',
    'access-control-request-headers': 'authorization,content-type,x-access-purpose',
  });

describe('CORS at the gateway', () => {
  let homeaffairs: FakeSubgraph;
  let health: FakeSubgraph;
  let open: RunningGateway;
  let closed: RunningGateway;

  beforeAll(async () => {
    homeaffairs = await startHomeaffairs();
    health = await startHealth();
    const base = { auth: (await testAuth()).auth, ide: false };
    open = await startTestGateway([homeaffairs, health], { ...base, corsAllowedOrigins: [ALLOWED] });
    closed = await startTestGateway([homeaffairs, health], base); // the default: no origin allowed
  });
  afterAll(async () => {
    await open.close();
    await closed.close();
    await homeaffairs.stop();
    await health.stop();
  });

  it('answers the preflight of an allowed origin with its origin, the headers it may send, and a max-age', async () => {
    const res = await preflight(open.url, ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    const allowed = String(res.headers['access-control-allow-headers']).split(',');
    expect(allowed).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'x-access-purpose', 'apollo-require-preflight', 'x-request-id']),
    );
    expect(res.headers['access-control-allow-methods']).toMatch(/POST/);
    expect(Number(res.headers['access-control-max-age'])).toBeGreaterThan(0);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers.vary).toMatch(/Origin/);
  });

  it('gives a not-allowed origin no Access-Control-Allow-Origin, on the preflight and on the request', async () => {
    const pre = await preflight(open.url, OTHER);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    // (the other Access-Control-* headers the cors package sends grant nothing without it)
    const post = await raw(
      open.url,
      'POST',
      { origin: OTHER, 'content-type': 'application/json' },
      JSON.stringify({ query: '{ __typename }' }),
    );
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows no origin at all by default', async () => {
    const res = await preflight(closed.url, ALLOWED);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("exposes the request id, retry-after and server-timing to an allowed origin's scripts, keeping Vary: Origin", async () => {
    const res = await raw(
      open.url,
      'POST',
      { origin: ALLOWED, 'content-type': 'application/json' },
      JSON.stringify({ query: '{ __typename }' }),
    );
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(String(res.headers['access-control-expose-headers']).split(',')).toEqual(['x-request-id', 'retry-after', 'server-timing']);
    expect(res.headers.vary).toMatch(/Origin/);
  });

  it("keeps Apollo's CSRF prevention: a simple (non-preflighted) request is refused even from an allowed origin", async () => {
    const res = await raw(open.url, 'POST', { origin: ALLOWED, 'content-type': 'text/plain' }, JSON.stringify({ query: '{ __typename }' }));
    expect(res.status).toBe(400);
    expect(res.body).toMatch(/CSRF/);
  });

  it('leaves subgraphs without CORS: they are internal', async () => {
    const res = await preflight(homeaffairs.url, ALLOWED);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS_ALLOWED_ORIGINS', () => {
  it('takes exact origins, comma-separated', () => {
    expect(parseOrigins(undefined)).toEqual([]);
    expect(parseOrigins(' https://app.nct.example.vn , http://localhost:5173 ')).toEqual([
      'https://app.nct.example.vn',
      'http://localhost:5173',
    ]);
  });

  it.each([
    ['*', /not an exact origin/],
    ['https://app.nct.example.vn/', /did you mean "https:\/\/app\.nct\.example\.vn"/],
    ['https://app.nct.example.vn/graphql', /did you mean/],
    ['app.nct.example.vn', /not an exact origin/],
    ['ftp://files.example.vn', /not an exact origin/],
    ['https://App.Example.vn', /did you mean "https:\/\/app\.example\.vn"/],
  ])('refuses %s with a clear message', (value, message) => {
    expect(() => parseOrigins(value)).toThrow(message);
  });
});

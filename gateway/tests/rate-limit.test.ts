import { MongoClient } from 'mongodb';
import { testMongoUri, uniqueDbName } from '@nct/testing';
import type { IncomingMessage } from 'node:http';
import { clientAddress } from '../src/context';
import { RATE_LIMIT_COLLECTION, RateLimiter } from '../src/rate-limit';
import type { RunningGateway } from '../src/server';
import { startTestGateway } from './test-gateway';
import { FakeSubgraph, startHealth, startHomeaffairs, testAuth } from './fixtures';

/** The AppError `take` threw, or undefined when it let the request through. */
async function refusal(limiter: RateLimiter, key: string): Promise<any> {
  try {
    await limiter.take(key);
    return undefined;
  } catch (err) {
    return err;
  }
}

describe('rate limiter (in memory)', () => {
  it('allows the burst of 120, refuses the 121st with RATE_LIMITED, retry-after and both languages', async () => {
    const limiter = await RateLimiter.create({ perMinute: 600, burst: 120 });
    for (let i = 0; i < 120; i++) await limiter.take('sub:a');
    const err = await refusal(limiter, 'sub:a');
    expect(err?.extensions?.code).toBe('RATE_LIMITED');
    // 120 per 12 s window at 600/minute: retry within the window
    expect(err.extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(err.extensions.retryAfterSeconds).toBeLessThanOrEqual(12);
    expect(err.extensions.http).toEqual({ status: 429, headers: new Map([['retry-after', String(err.extensions.retryAfterSeconds)]]) });
    expect(err.message).toMatch(/Quá nhiều yêu cầu/);
    expect(err.message).toMatch(/Too many requests/);
  });

  it('keeps each subject independent', async () => {
    const limiter = await RateLimiter.create({ perMinute: 60, burst: 2 });
    await limiter.take('sub:a');
    await limiter.take('sub:a');
    expect(await refusal(limiter, 'sub:a')).toBeDefined();
    expect(await refusal(limiter, 'sub:b')).toBeUndefined();
    expect(await refusal(limiter, 'anon:127.0.0.1')).toBeUndefined();
  });

  it('gives the budget back when the window ends (short window: 3 per second)', async () => {
    const limiter = await RateLimiter.create({ perMinute: 180, burst: 3 });
    for (let i = 0; i < 3; i++) await limiter.take('k');
    expect((await refusal(limiter, 'k'))?.extensions.retryAfterSeconds).toBe(1);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await refusal(limiter, 'k')).toBeUndefined();
  });
});

describe('rate limiter on a shared MongoDB store (several gateway replicas)', () => {
  const dbName = uniqueDbName('ratelimit');
  const replicas: RateLimiter[] = [];
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close()));
  });

  it('makes two instances share one budget per subject', async () => {
    // a generous store timeout: a slow test machine must not fall back to each replica's memory
    const store = { kind: 'mongodb' as const, uri: testMongoUri(), dbName, timeoutMs: 10_000 };
    // a window of 4 minutes (4 per 4 min): a slow machine never crosses it during the test
    const [a, b] = [
      await RateLimiter.create({ perMinute: 1, burst: 4, store }),
      await RateLimiter.create({ perMinute: 1, burst: 4, store }),
    ];
    replicas.push(a, b);
    await a.take('sub:x');
    await b.take('sub:x');
    await a.take('sub:x');
    await b.take('sub:x');
    // 4 taken across both replicas: the fifth is refused on either
    expect((await refusal(a, 'sub:x'))?.extensions.code).toBe('RATE_LIMITED');
    expect((await refusal(b, 'sub:x'))?.extensions.code).toBe('RATE_LIMITED');
    // another subject still has its whole budget
    expect(await refusal(b, 'sub:y')).toBeUndefined();

    // the counts are in the database, not in either process
    const client = new MongoClient(testMongoUri());
    try {
      const doc = await client.db(dbName).collection(RATE_LIMIT_COLLECTION).findOne({ key: 'nct-gateway:sub:x' });
      expect(doc?.points).toBeGreaterThanOrEqual(5);
      expect(doc?.expire).toBeInstanceOf(Date);
    } finally {
      await client.close();
    }
  });
});

describe('rate limit through the gateway', () => {
  let homeaffairs: FakeSubgraph;
  let health: FakeSubgraph;
  let gateway: RunningGateway;

  beforeAll(async () => {
    homeaffairs = await startHomeaffairs();
    health = await startHealth();
    gateway = await startTestGateway([homeaffairs, health], {
      auth: (await testAuth()).auth,
      ide: false,
      rateLimitPerMinute: 1,
      rateLimitBurst: 2,
    });
  });
  afterAll(async () => {
    await gateway.close();
    await homeaffairs.stop();
    await health.stop();
  });

  it('answers 429 RATE_LIMITED with a retry-after header once the burst is spent', async () => {
    const post = () =>
      fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    const res = await post();
    expect(res.status).toBe(429);
    const retry = Number(res.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    const json: any = await res.json();
    expect(json.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: retry });
    expect(json.errors[0].extensions.messageVi).toMatch(/Quá nhiều yêu cầu/);
    expect(json.data).toBeUndefined();
  });
});

describe('rate limit by client address, before the token is verified', () => {
  let homeaffairs: FakeSubgraph;
  let health: FakeSubgraph;
  const gateways: RunningGateway[] = [];
  let verifications = 0;

  const start = async (trustedProxies?: string[]) => {
    const { auth } = await testAuth();
    const counting = { ...auth, verify: async (token: string) => (verifications++, auth.verify(token)) };
    const gateway = await startTestGateway([homeaffairs, health], {
      auth: counting,
      ide: false,
      rateLimitPerMinute: 1,
      rateLimitBurst: 2,
      trustedProxies,
    });
    gateways.push(gateway);
    return gateway;
  };
  const post = (url: string, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ __typename }' }),
    });

  beforeAll(async () => {
    homeaffairs = await startHomeaffairs();
    health = await startHealth();
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.close()));
    await homeaffairs.stop();
    await health.stop();
  });

  it('answers 429 to a flood of invalid tokens, without verifying them', async () => {
    const gateway = await start();
    verifications = 0;
    const bad = { authorization: 'Bearer not.a.valid-token' };
    expect((await post(gateway.url, bad)).status).toBe(401);
    expect((await post(gateway.url, bad)).status).toBe(401);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(gateway.url, bad)).status);
    expect(statuses).toEqual([429, 429, 429, 429, 429]);
    expect(verifications).toBe(2);
  });

  it('ignores X-Forwarded-For without trusted proxies', async () => {
    const gateway = await start();
    expect((await post(gateway.url, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(200);
    expect((await post(gateway.url, { 'x-forwarded-for': '203.0.113.2' })).status).toBe(200);
    // a new forged address each time does not buy a new budget
    expect((await post(gateway.url, { 'x-forwarded-for': '203.0.113.3' })).status).toBe(429);
  });

  it('behind a trusted proxy, counts the right-most untrusted X-Forwarded-For hop', async () => {
    const gateway = await start(['127.0.0.1', '10.0.0.9']);
    // the client forges a left-most hop; the proxies append the real one (198.51.100.7)
    const from = (forged: string) => ({ 'x-forwarded-for': `${forged}, 198.51.100.7, 10.0.0.9` });
    expect((await post(gateway.url, from('203.0.113.1'))).status).toBe(200);
    expect((await post(gateway.url, from('203.0.113.2'))).status).toBe(200);
    expect((await post(gateway.url, from('203.0.113.3'))).status).toBe(429);
    // another client behind the same proxy has its own budget
    expect((await post(gateway.url, { 'x-forwarded-for': '198.51.100.8' })).status).toBe(200);
  });
});

describe('clientAddress', () => {
  const req = (remoteAddress: string, xff?: string) =>
    ({ socket: { remoteAddress }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }) as unknown as IncomingMessage;
  it.each([
    ['no trusted proxy: the peer, XFF ignored', req('::ffff:192.0.2.1', '203.0.113.1'), [], '192.0.2.1'],
    ['untrusted peer: XFF ignored', req('192.0.2.1', '203.0.113.1'), ['10.0.0.9'], '192.0.2.1'],
    [
      'trusted peer: right-most untrusted hop',
      req('10.0.0.9', '1.1.1.1, 198.51.100.7, 10.0.0.8'),
      ['10.0.0.9', '10.0.0.8'],
      '198.51.100.7',
    ],
    ['trusted peer without XFF: the peer', req('10.0.0.9'), ['10.0.0.9'], '10.0.0.9'],
    ['trusted peer, garbage hop: the peer', req('10.0.0.9', 'evil'), ['10.0.0.9'], '10.0.0.9'],
  ])('%s', (_name, request, trusted, expected) => {
    expect(clientAddress(request, new Set(trusted as string[]))).toBe(expected);
  });
});

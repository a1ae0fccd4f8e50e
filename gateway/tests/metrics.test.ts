import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningGateway } from '../src/server';
import { startTestGateway } from './test-gateway';
import { FakeSubgraph, postGraphQL, startHealth, startHomeaffairs, testAuth } from './fixtures';

// The gateway's /metrics (subgraph fetches and errors) and its readiness, which needs the
// audit subgraph (the access log is fail-closed). The fakes have no audit subgraph: a tiny
// server answering /health/ready stands in for it.

const PERSON = '{ person(citizenId: "001055000001") { fullName lastHealthCheck { resultClass } } }';

function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return 0;
}

/** A stand-in audit subgraph: only `/health/ready`, answering `status`. */
async function fakeAudit(): Promise<{ url: string; status: number; hits: number; close(): Promise<void> }> {
  const audit = { url: '', status: 200, hits: 0, close: async () => undefined as void };
  const server = http.createServer((req, res) => {
    if (req.url === '/health/ready') audit.hits++;
    res.writeHead(req.url === '/health/ready' ? audit.status : 404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  audit.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  audit.close = () => new Promise<void>((r) => server.close(() => r()));
  return audit;
}

describe('gateway metrics', () => {
  const authKit = testAuth();
  let homeaffairs: FakeSubgraph;
  let health: FakeSubgraph;
  let gateway: RunningGateway;
  const scrape = async () => {
    const res = await fetch(gateway.url.replace(/graphql$/, 'metrics'));
    expect(res.status).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    homeaffairs = await startHomeaffairs();
    health = await startHealth();
    gateway = await startTestGateway([homeaffairs, health], { auth: (await authKit).auth, ide: false });
  });
  afterAll(async () => {
    await gateway.close();
    await homeaffairs.stop();
    await health.stop().catch(() => undefined);
  });

  it('times every subgraph fetch, by subgraph, and counts the operation', async () => {
    const before = await scrape();
    const { status, json } = await postGraphQL(gateway.url, { query: PERSON, operationName: null });
    expect(status).toBe(200);
    expect(json.data.person.fullName).toBe('Nguyễn Văn An');
    const after = await scrape();
    for (const subgraph of ['homeaffairs', 'health']) {
      const labels = { subgraph, outcome: '2xx' };
      expect([
        subgraph,
        sample(after, 'nct_gateway_subgraph_fetch_seconds_count', labels) -
          sample(before, 'nct_gateway_subgraph_fetch_seconds_count', labels),
      ]).toEqual([subgraph, 1]);
    }
    const ok = { operation_type: 'query', outcome: 'ok' };
    expect(sample(after, 'nct_graphql_operations_total', ok) - sample(before, 'nct_graphql_operations_total', ok)).toBe(1);
    expect(after).not.toMatch(/="[^"]*\d{12}[^"]*"/);
  });

  it('counts a subgraph error by code, and SUBGRAPH_UNAVAILABLE once a subgraph is down', async () => {
    const before = await scrape();
    await postGraphQL(gateway.url, { query: '{ person(citizenId: "001099999999") { fullName } }' });
    const notFound = { subgraph: 'homeaffairs', code: 'NOT_FOUND' };
    let after = await scrape();
    expect(
      sample(after, 'nct_gateway_subgraph_errors_total', notFound) - sample(before, 'nct_gateway_subgraph_errors_total', notFound),
    ).toBe(1);
    expect(after).not.toContain('001099999999');

    await health.stop();
    const { json } = await postGraphQL(gateway.url, { query: PERSON });
    expect(json.errors[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'health' });
    after = await scrape();
    const down = { subgraph: 'health', code: 'SUBGRAPH_UNAVAILABLE' };
    expect(sample(after, 'nct_gateway_subgraph_errors_total', down) - sample(before, 'nct_gateway_subgraph_errors_total', down)).toBe(1);
    expect(sample(after, 'nct_gateway_subgraph_fetch_seconds_count', { subgraph: 'health', outcome: 'error' })).toBeGreaterThanOrEqual(1);
    const outcome = { operation_type: 'query', outcome: 'SUBGRAPH_UNAVAILABLE' };
    expect(sample(after, 'nct_graphql_operations_total', outcome) - sample(before, 'nct_graphql_operations_total', outcome)).toBe(1);
    expect(sample(after, 'nct_graphql_errors_total', { code: 'SUBGRAPH_UNAVAILABLE' })).toBeGreaterThanOrEqual(1);
  });
});

describe('gateway readiness and the audit subgraph', () => {
  const authKit = testAuth();
  let homeaffairs: FakeSubgraph;
  let health: FakeSubgraph;
  let gateway: RunningGateway | undefined;
  const get = (path: string) => fetch(gateway!.url.replace(/\/graphql$/, path));

  beforeAll(async () => {
    homeaffairs = await startHomeaffairs();
    health = await startHealth();
  });
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
  });
  afterAll(async () => {
    await homeaffairs.stop();
    await health.stop();
  });

  it('is not ready without an audit subgraph, but live', async () => {
    gateway = await startTestGateway([homeaffairs, health], { auth: (await authKit).auth, ide: false, readinessRequiresAudit: true });
    const ready = await get('/health/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable' });
    expect((await get('/health')).status).toBe(503);
    expect((await get('/health/live')).status).toBe(200);
  });

  it('is ready while audit answers its /health/ready, 503 when it is down; the probe is cached', async () => {
    const audit = await fakeAudit();
    try {
      gateway = await startTestGateway([homeaffairs, health], {
        auth: (await authKit).auth,
        ide: false,
        readinessRequiresAudit: true,
        readinessCacheMs: 300,
        subgraphUrls: { audit: audit.url },
      });
      expect((await get('/health/ready')).status).toBe(200);
      expect((await get('/health')).status).toBe(200);
      // cached: three checks in a row ask audit once
      const hits = audit.hits;
      await get('/health/ready');
      await get('/health/ready');
      expect(audit.hits).toBe(hits);

      audit.status = 503; // audit not ready (e.g. its database is down)
      await new Promise((r) => setTimeout(r, 350));
      expect((await get('/health/ready')).status).toBe(503);
      expect((await get('/health/live')).status).toBe(200);

      audit.status = 200;
      await new Promise((r) => setTimeout(r, 350));
      expect((await get('/health/ready')).status).toBe(200);

      await audit.close(); // audit gone
      await new Promise((r) => setTimeout(r, 350));
      expect((await get('/health/ready')).status).toBe(503);
    } finally {
      await audit.close().catch(() => undefined);
    }
  });

  it('turns readiness 503 "draining" before the listener closes, liveness 200, requests still served', async () => {
    const audit = await fakeAudit();
    try {
      gateway = await startTestGateway([homeaffairs, health], {
        auth: (await authKit).auth,
        ide: false,
        readinessRequiresAudit: true,
        readinessCacheMs: 0,
        subgraphUrls: { audit: audit.url },
        shutdownReadinessDelayMs: 500,
      });
      expect((await get('/health/ready')).status).toBe(200);
      const closing = gateway.close();
      const ready = await get('/health/ready');
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'draining' });
      expect((await get('/health/live')).status).toBe(200);
      expect((await postGraphQL(gateway.url, { query: '{ __typename }' })).status).toBe(200);
      await closing;
      await expect(get('/health/live')).rejects.toThrow(/fetch failed/);
      gateway = undefined;
    } finally {
      await audit.close();
    }
  });
});

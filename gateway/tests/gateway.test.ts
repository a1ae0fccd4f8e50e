import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { INTERNAL_HEADER, issueDevToken, verifyInternal } from '@nct/auth';
import { createLogger } from '@nct/logger';
import { createGatewayServer, RunningGateway } from '../src/server';
import { FakeSubgraph, postGraphQL, startHealth, startHomeaffairs, supergraphOf, testAuth } from './fixtures';

const authKit = testAuth();

const quiet = createLogger('gateway-test', 'silent');

const JOINED = `query {
  people(first: 5) { edges { node { citizenId fullName lastHealthCheck { resultClass } } } }
}`;

/** No host, port or transport detail may reach a client. */
function expectNoInternals(json: unknown): void {
  const text = JSON.stringify(json);
  expect(text).not.toMatch(/127\.0\.0\.1|localhost|:\d{4,5}\b|ECONNREFUSED|fetch failed|stacktrace|TimeoutError|aborted/i);
}

describe('gateway over two subgraphs', () => {
  let homeaffairs: FakeSubgraph;
  let health: FakeSubgraph;
  let gateway: RunningGateway | undefined;

  beforeEach(async () => {
    homeaffairs = await startHomeaffairs();
    health = await startHealth();
  });
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
    await homeaffairs.stop();
    await health.stop().catch(() => undefined);
  });

  async function start(timeoutMs = 2000, extra: { production?: boolean; subgraphUrls?: Record<string, string> } = {}) {
    gateway = await createGatewayServer({
      auth: (await authKit).auth,
      supergraphSdl: supergraphOf(homeaffairs, health),
      host: '127.0.0.1',
      port: 0,
      subgraphTimeoutMs: timeoutMs,
      logger: quiet,
      readinessRequiresAudit: false, // the fakes have no audit subgraph (metrics.test.ts has one)
      ...extra,
    });
    return gateway;
  }

  it('answers a query joined across both subgraphs', async () => {
    const { url } = await start();
    const { status, json } = await postGraphQL(url, { query: JOINED });
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(json.data.people.edges[1].node).toEqual({
      citizenId: '001160000002',
      fullName: 'Trần Thị Bình',
      lastHealthCheck: { resultClass: 'II' },
    });
  });

  it('passes its own request id and an internal credential made for each subgraph and body, never the client headers', async () => {
    const { url } = await start();
    const kit = await authKit;
    const token = await kit.token('commune-officer', { commune: '03199' });
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': 'req-42',
        authorization: `Bearer ${token}`,
        'x-access-purpose': 'CARE_COORDINATION',
        cookie: 'secret=1',
      },
      body: JSON.stringify({ query: JOINED }),
    });
    // The gateway's own id, echoed to the caller; the client's is not adopted.
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    for (const subgraph of [homeaffairs, health]) {
      expect(subgraph.lastHeaders?.['x-request-id']).toBe(requestId);
      expect(subgraph.lastHeaders?.authorization).toBeUndefined();
      expect(subgraph.lastHeaders?.cookie).toBeUndefined();
      const credential = subgraph.lastHeaders?.[INTERNAL_HEADER] as string;
      const claims = await verifyInternal(credential, { keys: kit.verifyKeys, subgraph: subgraph.name, body: subgraph.lastBody! });
      expect(claims).toEqual({
        identity: { subject: 'dev-commune-officer-03199', role: 'commune-officer', commune: '03199', agency: null },
        purpose: 'CARE_COORDINATION',
        requestId,
      });
      // Made for this subgraph only.
      const other = subgraph === homeaffairs ? 'health' : 'homeaffairs';
      expect(await verifyInternal(credential, { keys: kit.verifyKeys, subgraph: other, body: subgraph.lastBody! })).toBeNull();
    }
    // A second request with the same client id gets another gateway id.
    const again = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-42' },
      body: JSON.stringify({ query: JOINED }),
    });
    expect(again.headers.get('x-request-id')).not.toBe(requestId);
  });

  it.each([
    ['a malformed header', async () => 'Token abc'],
    ['a forged token', async () => `Bearer ${await issueDevToken(fs.mkdtempSync(path.join(os.tmpdir(), 'nct-evil-')), { role: 'admin' })}`],
    ['an expired token', async () => `Bearer ${await (await authKit).token('health', { ttlSeconds: -300 })}`],
    ['a token for another audience', async () => `Bearer ${await (await authKit).token('health', { audience: 'other-app' })}`],
  ])('refuses %s with 401 before any subgraph is called', async (_name, header) => {
    const { url } = await start();
    homeaffairs.lastHeaders = undefined;
    const { status, json } = await postGraphQL(url, { query: JOINED }, { authorization: await header() });
    expect(status).toBe(401);
    expect(json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(json.data).toBeUndefined();
    expect(homeaffairs.lastHeaders).toBeUndefined();
  });

  it('refuses an unknown access purpose with 400', async () => {
    const { url } = await start();
    const { status, json } = await postGraphQL(url, { query: JOINED }, { 'x-access-purpose': 'CURIOSITY' });
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('keeps the other data and names the subgraph when one is down', async () => {
    const { url } = await start();
    await health.stop();
    const { status, json } = await postGraphQL(url, { query: JOINED });
    expect(status).toBe(200);
    expect(json.data.people.edges.map((e: any) => e.node.fullName)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    expect(json.data.people.edges[0].node.lastHealthCheck).toBeNull();
    expect(json.errors).toEqual([
      {
        // Connection refused: the request never left the gateway.
        message: 'Dịch vụ health không phản hồi; yêu cầu chưa được gửi đi / The health subgraph is unavailable; nothing was sent',
        extensions: {
          code: 'SUBGRAPH_UNAVAILABLE',
          serviceName: 'health',
          messageVi: 'Dịch vụ health không phản hồi; yêu cầu chưa được gửi đi',
          messageEn: 'The health subgraph is unavailable; nothing was sent',
        },
      },
    ]);
    expectNoInternals(json);
  });

  it('reports the root subgraph being down without crashing', async () => {
    const { url } = await start();
    await homeaffairs.stop();
    const { status, json } = await postGraphQL(url, { query: JOINED });
    expect(status).toBe(200);
    expect(json.data).toBeNull();
    expect(json.errors.map((e: any) => [e.extensions.code, e.extensions.serviceName])).toEqual([['SUBGRAPH_UNAVAILABLE', 'homeaffairs']]);
    expectNoInternals(json);
    homeaffairs = await startHomeaffairs(); // afterEach stops it again
  });

  it('starts while a subgraph is down, and serves it once it is back', async () => {
    const port = health.http.port;
    const supergraphSdl = supergraphOf(homeaffairs, health);
    await health.stop();
    gateway = await createGatewayServer({
      auth: (await authKit).auth,
      supergraphSdl,
      host: '127.0.0.1',
      port: 0,
      subgraphTimeoutMs: 2000,
      logger: quiet,
      readinessRequiresAudit: false,
    });
    const health200 = await fetch(gateway.url.replace('/graphql', '/health'));
    expect(health200.status).toBe(200);
    const down = await postGraphQL(gateway.url, { query: JOINED });
    expect(down.json.errors[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'health' });

    health = await startHealth(port);
    const up = await postGraphQL(gateway.url, { query: JOINED });
    expect(up.json.errors).toBeUndefined();
    expect(up.json.data.people.edges[0].node.lastHealthCheck).toEqual({ resultClass: 'II' });
  });

  it('gives up on a hanging subgraph after the timeout', async () => {
    const { url } = await start(300);
    health.delayMs = 1500;
    const started = Date.now();
    const { json } = await postGraphQL(url, { query: JOINED });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(2000);
    expect(json.data.people.edges[0].node.fullName).toBe('Nguyễn Văn An');
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'health' });
    expectNoInternals(json);
  });

  it('uses subgraphUrls over the URLs in the supergraph file', async () => {
    const supergraphSdl = supergraphOf(homeaffairs, { ...health, url: 'http://127.0.0.1:9/graphql' });
    gateway = await createGatewayServer({
      auth: (await authKit).auth,
      supergraphSdl,
      host: '127.0.0.1',
      port: 0,
      subgraphTimeoutMs: 2000,
      subgraphUrls: { health: health.url },
      logger: quiet,
    });
    const { json } = await postGraphQL(gateway.url, { query: JOINED });
    expect(json.errors).toBeUndefined();
  });

  it('passes a subgraph typed error on, with its code and service name', async () => {
    const { url } = await start();
    const { json } = await postGraphQL(url, { query: '{ person(citizenId: "001099999999") { fullName } }' });
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0]).toMatchObject({
      message: 'Không tìm thấy người này / Person not found',
      path: ['person'],
      extensions: { code: 'NOT_FOUND', serviceName: 'homeaffairs' },
    });
    expectNoInternals(json);
  });

  it('answers /health with 200 once the supergraph is loaded', async () => {
    const { url } = await start();
    const res = await fetch(url.replace('/graphql', '/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('refuses introspection in production, allows it otherwise', async () => {
    const { url } = await start(2000, { production: true });
    const prod = await postGraphQL(url, { query: '{ __schema { queryType { name } } }' });
    expect(prod.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await gateway!.close();
    const dev = await start();
    const ok = await postGraphQL(dev.url, { query: '{ __schema { queryType { name } } }' });
    expect(ok.json.data.__schema.queryType.name).toBe('Query');
  });

  it('refuses bodies above the limit and simple-request CSRF', async () => {
    const { url } = await start();
    const big = await postGraphQL(url, { query: `{ people { pageInfo { hasNextPage } } } # ${'x'.repeat(300 * 1024)}` });
    expect(big.status).toBe(413);
    const csrf = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(csrf.status).toBe(400);
  });
});

describe('gateway start failures', () => {
  it.each([
    ['unparsable', 'type Query {'],
    ['not a supergraph', 'type Query { hello: String }'],
  ])('rejects a supergraph that is %s, and frees the port', async (_, supergraphSdl) => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((r) => probe.close(r));

    await expect(
      createGatewayServer({ auth: (await authKit).auth, supergraphSdl, host: '127.0.0.1', port, subgraphTimeoutMs: 1000, logger: quiet }),
    ).rejects.toThrow();
    const again = net.createServer();
    await new Promise<void>((resolve, reject) => again.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise((r) => again.close(r));
  });
});

import type { RunningGateway } from '../src/server';
import { startTestGateway } from './test-gateway';
import { FakeSubgraph, postGraphQL, startHealth, startHomeaffairs, testAuth } from './fixtures';

const JOINED = '{ people(first: 1) { edges { node { fullName lastHealthCheck { resultClass } } } } }';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('graceful shutdown of the gateway', () => {
  const authKit = testAuth();
  let homeaffairs: FakeSubgraph;
  let health: FakeSubgraph;
  let gateway: RunningGateway | undefined;

  beforeEach(async () => {
    homeaffairs = await startHomeaffairs();
    health = await startHealth();
  });
  afterEach(async () => {
    await gateway?.close().catch(() => undefined);
    gateway = undefined;
    await homeaffairs.stop();
    await health.stop();
  });

  async function start(shutdownGraceMs: number): Promise<RunningGateway> {
    gateway = await startTestGateway([homeaffairs, health], {
      auth: (await authKit).auth,
      subgraphTimeoutMs: 10_000,
      ide: false,
      shutdownGraceMs,
    });
    return gateway;
  }

  /** Sends the joined query and waits until the slow subgraph has it (the request is in flight). */
  async function inFlight(url: string): Promise<{ pending: Promise<{ status: number; json: any }> }> {
    health.lastHeaders = undefined;
    const pending = postGraphQL(url, { query: JOINED });
    pending.catch(() => undefined);
    while (!health.lastHeaders) await sleep(10);
    return { pending }; // wrapped: an async function would otherwise wait for it
  }

  it('lets an in-flight request finish with its data, and refuses new connections meanwhile', async () => {
    const { url } = await start(10_000);
    health.delayMs = 1000;
    const { pending } = await inFlight(url);

    let closedAt = 0;
    const closing = gateway!.close().then(() => (closedAt = Date.now()));
    await sleep(100); // the drain has started: the listener is closed
    await expect(fetch(url.replace(/graphql$/, 'health'))).rejects.toThrow(/fetch failed/);
    await expect(postGraphQL(url, { query: '{ __typename }' })).rejects.toThrow(/fetch failed/);

    const { status, json } = await pending;
    const answeredAt = Date.now();
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(json.data.people.edges[0].node).toEqual({ fullName: 'Nguyễn Văn An', lastHealthCheck: { resultClass: 'II' } });
    await closing;
    // close() waited for the request rather than cutting it
    expect(closedAt).toBeGreaterThanOrEqual(answeredAt - 50);
    gateway = undefined;
  });

  it('cuts a request that outlasts the grace period, so a stop is bounded', async () => {
    const { url } = await start(200);
    health.delayMs = 5000;
    const { pending } = await inFlight(url);
    const started = Date.now();
    await gateway!.close();
    gateway = undefined;
    expect(Date.now() - started).toBeLessThan(3000);
    await expect(pending).rejects.toThrow();
  });
});

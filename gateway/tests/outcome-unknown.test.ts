// A write whose answer never came is OUTCOME_UNKNOWN, not SUBGRAPH_UNAVAILABLE
// (docs/consistency.md section 4): the client must retry it with the same idempotency key.
import net from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { startHttpServer } from '@nct/subgraph-kit';
import { createGatewayServer, RunningGateway } from '../src/server';
import { fetchFailure, isMutation } from '../src/datasource';
import { postGraphQL, supergraphOf, testAuth } from './fixtures';
import { QUIET } from './test-gateway';

const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Query { count: Int! }
type Mutation { addOne(idempotencyKey: String): Int! }
`;

/** A subgraph `ledger` whose answers take `delayMs`; counts the writes it ran. */
async function startLedger() {
  const state = { delayMs: 0, writes: 0 };
  const wait = () => new Promise((r) => setTimeout(r, state.delayMs));
  const schema = buildSubgraphSchema([
    {
      typeDefs: parse(SDL),
      resolvers: {
        Query: { count: async () => (await wait(), state.writes) },
        Mutation: { addOne: async () => (await wait(), ++state.writes) },
      },
    },
  ]);
  const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await apollo.start();
  const http = await startHttpServer({ apollo, host: '127.0.0.1', port: 0, context: async () => ({}) });
  return {
    name: 'ledger',
    url: http.url,
    sdl: SDL,
    state,
    async stop() {
      await http.close();
      await apollo.stop();
    },
  };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** A listener that reads a request and then drops the connection without answering. */
async function startDropper(): Promise<{ url: string; close(): Promise<void> }> {
  const server = net.createServer((socket) => socket.once('data', () => socket.destroy()));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, close: () => new Promise((r) => server.close(() => r())) };
}

const ADD = { query: 'mutation { addOne(idempotencyKey: "key-0001") }' };
const COUNT = { query: '{ count }' };

describe('the gateway tells an unknown outcome from an unavailable subgraph', () => {
  let ledger: Awaited<ReturnType<typeof startLedger>>;
  let gateway: RunningGateway | undefined;
  const auth = testAuth();

  beforeEach(async () => {
    ledger = await startLedger();
  });
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
    await ledger.stop();
  });

  const start = async (subgraphUrls?: Record<string, string>) =>
    (gateway = await createGatewayServer({
      auth: (await auth).auth,
      supergraphSdl: supergraphOf(ledger),
      host: '127.0.0.1',
      port: 0,
      subgraphTimeoutMs: 300,
      logger: QUIET,
      readinessRequiresAudit: false,
      ...(subgraphUrls ? { subgraphUrls } : {}),
    }));

  it('answers a mutation slower than the timeout with OUTCOME_UNKNOWN (the write did happen)', async () => {
    const { url } = await start();
    ledger.state.delayMs = 1000;
    const { json } = await postGraphQL(url, ADD);
    expect(json.errors).toHaveLength(1);
    expect(json.errors[0].extensions).toEqual({
      code: 'OUTCOME_UNKNOWN',
      serviceName: 'ledger',
      retrySafeWithSameKey: true,
      messageVi: expect.stringContaining('quá thời gian chờ'),
      messageEn: 'The write to ledger may or may not have happened (timed out); retrying with the same idempotencyKey is safe',
    });
    expect(JSON.stringify(json)).not.toMatch(/127\.0\.0\.1|TimeoutError|aborted/);
    await new Promise((r) => setTimeout(r, 900));
    expect(ledger.state.writes).toBe(1);
  });

  it('answers a query slower than the timeout with SUBGRAPH_UNAVAILABLE', async () => {
    const { url } = await start();
    ledger.state.delayMs = 1000;
    const { json } = await postGraphQL(url, COUNT);
    expect(json.errors[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'ledger' });
  });

  it('answers a mutation whose connection was refused with SUBGRAPH_UNAVAILABLE: nothing was sent', async () => {
    const { url } = await start({ ledger: `http://127.0.0.1:${await closedPort()}/graphql` });
    const { json } = await postGraphQL(url, ADD);
    expect(json.errors[0].extensions).toMatchObject({
      code: 'SUBGRAPH_UNAVAILABLE',
      serviceName: 'ledger',
      messageEn: 'The ledger subgraph is unavailable; nothing was sent',
    });
  });

  it('answers a mutation whose connection broke after it was sent with OUTCOME_UNKNOWN', async () => {
    const dropper = await startDropper();
    try {
      const { url } = await start({ ledger: dropper.url });
      const { json } = await postGraphQL(url, ADD);
      expect(json.errors[0].extensions).toMatchObject({
        code: 'OUTCOME_UNKNOWN',
        serviceName: 'ledger',
        retrySafeWithSameKey: true,
        messageEn: expect.stringContaining('(connection lost)'),
      });
      // The same broken connection for a query: unavailable.
      const query = await postGraphQL(url, COUNT);
      expect(query.json.errors[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE' });
    } finally {
      await dropper.close();
    }
  });

  it('counts OUTCOME_UNKNOWN by its own code in the metrics', async () => {
    const { url } = await start();
    ledger.state.delayMs = 1000;
    await postGraphQL(url, ADD);
    const metrics = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
    expect(metrics).toMatch(/nct_gateway_subgraph_errors_total\{subgraph="ledger",code="OUTCOME_UNKNOWN"\} [1-9]/);
  });
});

describe('fetchFailure (table)', () => {
  const fetchError = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
  const timeout = () => Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
  it.each([
    ['refused mutation', fetchError('ECONNREFUSED'), undefined, true, { kind: 'not-sent' }],
    ['refused query', fetchError('ECONNREFUSED'), undefined, false, { kind: 'not-sent' }],
    ['timed-out mutation', timeout(), undefined, true, { kind: 'unknown', cause: 'timeout' }],
    ['timed-out body of a mutation', timeout(), { status: 200 }, true, { kind: 'unknown', cause: 'timeout' }],
    ['timed-out query', timeout(), undefined, false, { kind: 'unavailable' }],
    ['reset mutation', fetchError('ECONNRESET'), undefined, true, { kind: 'unknown', cause: 'connection' }],
    ['socket closed mutation', fetchError('UND_ERR_SOCKET'), undefined, true, { kind: 'unknown', cause: 'connection' }],
    ['mutation refused by HTTP 401', new Error('401: Unauthorized'), { status: 401 }, true, { kind: 'unavailable' }],
    ['mutation answered HTTP 502', new Error('502: Bad Gateway'), { status: 502 }, true, { kind: 'unknown', cause: 'answer' }],
  ] as const)('%s', (_name, error, response, mutation, expected) => {
    expect(fetchFailure(error, response, mutation)).toEqual(expected);
  });

  it.each([
    ['mutation { addOne }', true],
    ['mutation Add__ledger__0($k: String) { addOne(idempotencyKey: $k) }', true],
    ['  mutation{addOne}', true],
    ['query { count }', false],
    ['{ count }', false],
    ['query mutationCount { count }', false],
  ])('isMutation(%j) = %s', (query, expected) => {
    expect(isMutation(query)).toBe(expected);
  });
});

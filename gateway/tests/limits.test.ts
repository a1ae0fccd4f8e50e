import { createHash } from 'node:crypto';
import { getIntrospectionQuery, parse, OperationDefinitionNode } from 'graphql';
import { createLogger } from '@nct/logger';
import { measureOperation } from '../src/limits';
import { RateLimiter } from '../src/rate-limit';
import { createGatewayServer, RunningGateway } from '../src/server';
import { FakeSubgraph, postGraphQL, startHealth, startHomeaffairs, supergraphOf, testAuth } from './fixtures';

const measure = (query: string, variables?: Record<string, unknown>) => {
  const doc = parse(query);
  return measureOperation(doc, doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode, variables);
};

describe('operation measure', () => {
  it.each([
    ['{ person(citizenId: "1") { fullName } }', { depth: 2, aliases: 0, cost: 2 }],
    ['{ a: person(citizenId: "1") { fullName } b: person(citizenId: "2") { fullName } }', { depth: 2, aliases: 2, cost: 4 }],
    // a page of 100: the fields below the list count 100 times
    ['{ people(first: 100) { edges { node { fullName age } } } }', { depth: 4, aliases: 0, cost: 1 + 100 * 4 }],
    ['query($n: Int) { people(first: $n) { edges { cursor } } }', { depth: 3, aliases: 0, cost: 1 + 50 * 2 }],
    ['{ people { edges { cursor } } }', { depth: 3, aliases: 0, cost: 3 }],
    ['{ ...F } fragment F on Query { person(citizenId: "1") { ... on Person { fullName } } }', { depth: 2, aliases: 0, cost: 2 }],
    ['{ __schema { types { name } } }', { depth: 0, aliases: 0, cost: 0 }],
    ['{ person(citizenId: "1") { __typename fullName } }', { depth: 2, aliases: 0, cost: 2 }],
  ])('%s', (query, expected) => {
    expect(measure(query, { n: 50 })).toEqual(expected);
  });
});

describe('rate limiter', () => {
  it('allows the burst, refuses with 429, refills over time', () => {
    let t = 0;
    const limiter = new RateLimiter(60, 3, () => t);
    for (let i = 0; i < 3; i++) limiter.take('a');
    expect(() => limiter.take('a')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', retryAfterSeconds: 1 }) }));
    limiter.take('b'); // another subject has its own bucket
    t += 1000; // one token per second at 60/minute
    limiter.take('a');
    expect(() => limiter.take('a')).toThrow(/Too many requests/);
  });
});

describe('limits through the gateway', () => {
  const quiet = createLogger('gateway-test', 'silent');
  let homeaffairs: FakeSubgraph;
  let health: FakeSubgraph;
  let gateway: RunningGateway;

  beforeAll(async () => {
    homeaffairs = await startHomeaffairs();
    health = await startHealth();
    gateway = await createGatewayServer({
      auth: (await testAuth()).auth,
      supergraphSdl: supergraphOf(homeaffairs, health),
      host: '127.0.0.1',
      port: 0,
      subgraphTimeoutMs: 2000,
      logger: quiet,
      limits: { maxDepth: 4, maxAliases: 5, maxCost: 500, maxTokens: 400 },
      rateLimitPerMinute: 60,
      rateLimitBurst: 1000,
    });
  });
  afterAll(async () => {
    await gateway.close();
    await homeaffairs.stop();
    await health.stop();
  });

  it.each([
    ['an alias bomb', `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: person(citizenId: "1") { fullName }`).join(' ')} }`, 'aliases'],
    ['a depth bomb', '{ people { edges { node { residence { code } } } } }', 'depth'],
    ['an expensive page', '{ people(first: 100) { edges { node { fullName sex age citizenId } } } }', 'cost'],
  ])('refuses %s before calling any subgraph', async (_name, query, limit) => {
    homeaffairs.lastHeaders = undefined;
    const { status, json } = await postGraphQL(gateway.url, { query });
    expect(status).toBe(400);
    expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(json.errors[0].extensions.limits[limit]).toBeDefined();
    expect(homeaffairs.lastHeaders).toBeUndefined();
  });

  it('refuses a document with too many tokens', async () => {
    const query = `{ people { edges { node { ${'fullName '.repeat(500)} } } } }`;
    const { status, json } = await postGraphQL(gateway.url, { query });
    expect(status).toBe(400);
    expect(json.errors[0].message).toMatch(/token/i);
  });

  it("lets the IDE's standard introspection query through", async () => {
    const { status, json } = await postGraphQL(gateway.url, { query: getIntrospectionQuery() });
    expect(status).toBe(200);
    expect(json.data.__schema.queryType.name).toBe('Query');
  });

  it('supports automatic persisted queries', async () => {
    const query = '{ people { edges { node { fullName } } } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const miss = await postGraphQL(gateway.url, { extensions });
    expect(miss.json.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const register = await postGraphQL(gateway.url, { query, extensions });
    expect(register.json.errors).toBeUndefined();
    const hit = await postGraphQL(gateway.url, { extensions });
    expect(hit.json).toEqual(register.json);
  });
});

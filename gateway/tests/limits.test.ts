import { createHash } from 'node:crypto';
import { getIntrospectionQuery, parse, OperationDefinitionNode } from 'graphql';
import { measureOperation } from '../src/limits';
import { QUERY_FAMILIES } from '../src/query-families';
import type { RunningGateway } from '../src/server';
import { startTestGateway } from './test-gateway';
import { FakeSubgraph, postGraphQL, startHealth, startHomeaffairs, testAuth } from './fixtures';

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
    // introspection costs like any selection, outside `depth` but with its own depth
    ['{ __schema { types { name } } }', { depth: 0, introspectionDepth: 3, aliases: 0, cost: 3 }],
    ['{ __type(name: "Person") { fields { type { ofType { name } } } } }', { depth: 0, introspectionDepth: 5, cost: 5 }],
    ['{ person(citizenId: "1") { __typename fullName } }', { depth: 2, aliases: 0, cost: 3 }],
    ['{ __typename }', { depth: 1, cost: 1 }],
    // each spread or inline fragment is at least one executed selection
    ['{ ...F ... on Query { ...F } } fragment F on Query { __typename }', { depth: 1, cost: 2 }],
    // a variable page size: its value, else its default, else the servers' maximum (100)
    ['query($m: Int = 100) { people(first: $m) { edges { cursor } } }', { cost: 1 + 100 * 2 }],
    ['query($m: Int = 7) { people(first: $m) { edges { cursor } } }', { cost: 1 + 7 * 2 }],
    ['query($n: Int = 7) { people(first: $n) { edges { cursor } } }', { cost: 1 + 50 * 2 }],
    ['query($m: Int) { people(first: $m) { edges { cursor } } }', { cost: 1 + 100 * 2 }],
    ['{ people(first: null) { edges { cursor } } }', { cost: 1 + 20 * 2 }],
    // directives count wherever they stand, and as often as their fragment is spread
    [
      'query Q @live { ...F @include(if: true) ...F } fragment F on Query @x { person(citizenId: "1") @skip(if: false) { fullName } }',
      { depth: 2, directives: 1 + 1 + 2 * 2, cost: 4 },
    ],
    // a fragment cycle (invalid GraphQL, refused by validation) does not loop
    ['{ ...A } fragment A on Query { ...B person(citizenId: "1") { fullName } } fragment B on Query { ...A }', { depth: 2, cost: 3 }],
    ['{ ...Unknown }', { depth: 0, cost: 1 }],
  ])('%s', (query, expected) => {
    expect(measure(query, { n: 50 })).toMatchObject(expected);
  });

  it('counts page sizes through fragments, with each fragment analysed once', () => {
    // F2 spreads F1 twice under a page of 10, F1 spreads F0 twice: 4 x 10 persons.
    const m = measure(
      '{ people(first: 10) { edges { node { ...F2 } } } } fragment F2 on Person { ...F1 ...F1 } fragment F1 on Person { ...F0 ...F0 } fragment F0 on Person { fullName age }',
    );
    expect(m).toEqual({
      depth: 4,
      introspectionDepth: 0,
      aliases: 0,
      directives: 0,
      cost: 1 + 10 * (1 + 1 + 4 * 2),
      visited: 4 + 2 + 2 + 2,
    });
  });
});

// The rate limiter's tests are in rate-limit.test.ts.

describe('limits through the gateway', () => {
  let homeaffairs: FakeSubgraph;
  let health: FakeSubgraph;
  let gateway: RunningGateway;

  beforeAll(async () => {
    homeaffairs = await startHomeaffairs();
    health = await startHealth();
    gateway = await startTestGateway([homeaffairs, health], {
      auth: (await testAuth()).auth,
      limits: { maxDepth: 4, maxAliases: 5, maxDirectives: 10, maxCost: 500, maxTokens: 1000 },
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
    ['a directive bomb', `{ person(citizenId: "1") { ${'fullName @include(if: true) '.repeat(11)} } }`, 'directives'],
  ])('refuses %s before calling any subgraph', async (_name, query, limit) => {
    homeaffairs.lastHeaders = undefined;
    const { status, json } = await postGraphQL(gateway.url, { query });
    expect(status).toBe(400);
    expect(json.errors).toHaveLength(1);
    const { code, messageVi, messageEn, limits } = json.errors[0].extensions;
    expect(code).toBe('BAD_USER_INPUT');
    expect(messageVi).toMatch(new RegExp(`^Truy vấn vượt giới hạn \\(${limit} \\d+ > \\d+\\)$`));
    expect(messageEn).toMatch(new RegExp(`^Query exceeds the limits \\(${limit} \\d+ > \\d+\\)$`));
    expect(limits[limit]).toEqual({ value: expect.any(Number), max: expect.any(Number) });
    expect(limits[limit].value).toBeGreaterThan(limits[limit].max);
    expect(homeaffairs.lastHeaders).toBeUndefined();
  });

  // Fragments that spread the previous one twice, 30 levels: ~1 KB, 2^30 fields once expanded.
  // The analysis used to walk each spread again (minutes); now each fragment is analysed once.
  it.each([
    ['doubleSpread', 'cost'],
    ['spreadAliases', 'aliases'],
    ['spreadDirectives', 'directives'],
  ])(
    'refuses a 30-level %s document at once, naming the %s limit',
    async (family, limit) => {
      homeaffairs.lastHeaders = undefined;
      const query = QUERY_FAMILIES[family](30);
      expect(query.length).toBeLessThan(3000);
      const { status, json } = await postGraphQL(gateway.url, { query });
      expect(status).toBe(400);
      expect(json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limits: { [limit]: { value: expect.any(Number) } } });
      // (armor counts 2^30 - 1 directives here: at a repeated spread it forgets the spread's own.)
      expect(json.errors[0].extensions.limits[limit].value).toBeGreaterThanOrEqual(2 ** 30 - 1);
      expect(homeaffairs.lastHeaders).toBeUndefined();
    },
    30_000,
  );

  // `__typename` and fragments only: once free, it went through to the query planner, which
  // expands it (20 levels, 1.2 KB: 16 s of synchronous gateway CPU). Now its cost is 2^20.
  it('refuses a 20-level typenameDoubleSpread document quickly, before the planner and any subgraph', async () => {
    homeaffairs.lastHeaders = undefined;
    health.lastHeaders = undefined;
    const query = QUERY_FAMILIES.typenameDoubleSpread(20);
    expect(query.length).toBeLessThan(1500);
    const started = Date.now();
    const { status, json } = await postGraphQL(gateway.url, { query });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(status).toBe(400);
    expect(json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limits: { cost: { value: 2 ** 20, max: 500 } } });
    expect(homeaffairs.lastHeaders).toBeUndefined();
    expect(health.lastHeaders).toBeUndefined();
  }, 30_000);

  it('counts a variable page size as its default, else the maximum page size', async () => {
    const query = 'query($n: Int = 100) { people(first: $n) { edges { cursor node { fullName sex age citizenId } } } }';
    const { status, json } = await postGraphQL(gateway.url, { query });
    expect(status).toBe(400); // measured as 20 a page before: 141
    expect(json.errors[0].extensions.limits.cost).toEqual({ value: 1 + 100 * 7, max: 500 });
    const small = await postGraphQL(gateway.url, { query, variables: { n: 2 } });
    expect(small.status).toBe(200);
    expect(small.json.data.people.edges).toHaveLength(2);
  });

  it('caps the depth of introspection subtrees', async () => {
    // (graphql-js's own MaxIntrospectionDepthRule only counts nested `fields`, `interfaces`, …)
    const deep = `{ __schema { types { ${'ofType { '.repeat(20)}name${' }'.repeat(20)} } } }`;
    const { status, json } = await postGraphQL(gateway.url, { query: deep });
    expect(json.errors.map((e: { message: string }) => e.message)).toEqual([expect.stringMatching(/introspectionDepth 23 > 20/)]);
    expect(status).toBe(400);
    expect(json.errors[0].extensions.limits.introspectionDepth).toEqual({ value: 23, max: 20 });
  });

  it('refuses a document with too many tokens, typed and in both languages', async () => {
    const query = `{ people { edges { node { ${'fullName '.repeat(1000)} } } } }`;
    const { status, json } = await postGraphQL(gateway.url, { query });
    expect(status).toBe(400);
    expect(json.errors[0].message).toBe('Truy vấn vượt giới hạn (tokens > 1000) / Query exceeds the limits (tokens > 1000)');
    expect(json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limits: { tokens: { max: 1000 } } });
  });

  it('suggests field names outside production', async () => {
    const { status, json } = await postGraphQL(gateway.url, { query: '{ person(citizenId: "1") { fulName } }' });
    expect(status).toBe(400);
    expect(json.errors[0].message).toMatch(/Did you mean "fullName"\?/);
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

describe('errors in production', () => {
  let homeaffairs: FakeSubgraph;
  let health: FakeSubgraph;
  let gateway: RunningGateway;

  beforeAll(async () => {
    homeaffairs = await startHomeaffairs();
    health = await startHealth();
    gateway = await startTestGateway([homeaffairs, health], {
      auth: (await testAuth()).auth,
      production: true,
      ide: false,
    });
  });
  afterAll(async () => {
    await gateway.close();
    await homeaffairs.stop();
    await health.stop();
  });

  it.each([
    ['a misspelt field', '{ person(citizenId: "1") { fulName } }', 'fullName'],
    ['a misspelt type', '{ ...F } fragment F on Persn { fullName }', 'Person'],
    ['a misspelt root field', '{ peple { edges { cursor } } }', 'people'],
  ])('hides the schema suggestion for %s', async (_name, query, hidden) => {
    const { status, json } = await postGraphQL(gateway.url, { query });
    expect(status).toBe(400);
    expect(json.errors.length).toBeGreaterThan(0);
    for (const error of json.errors) {
      expect(error.message).not.toMatch(/Did you mean/);
      expect(error.message).not.toContain(hidden);
    }
  });

  it('still refuses a 30-level double-spread document with the default limits', async () => {
    const { status, json } = await postGraphQL(gateway.url, { query: QUERY_FAMILIES.doubleSpread(30) });
    expect(status).toBe(400);
    expect(json.errors[0].extensions.limits.cost).toEqual({ value: 2 ** 31, max: 25_000 });
  }, 30_000);
});

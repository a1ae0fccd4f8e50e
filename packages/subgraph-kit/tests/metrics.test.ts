import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { Connection, Schema } from 'mongoose';
import { generateInternalKeyPair, INTERNAL_HEADER, parseSigningKey, parseVerifyKeys, signInternal } from '@nct/auth';
import { testMongoUri, uniqueDbName } from '@nct/testing';
import { runSubgraph, RunningSubgraph, SubgraphDefinition } from '../src/subgraph';
import { startHttpServer } from '../src/http';

// /metrics, /health/live and /health/ready of a real subgraph (kit's runSubgraph, real database).

const SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Query { note(citizenId: ID!): String }`;

const noteSchema = new Schema({ citizenId: String, text: String });
const makeModels = (conn: Connection) => ({ Note: conn.model('Note', noteSchema) });
type Models = ReturnType<typeof makeModels>;
const definition: SubgraphDefinition<Models> = {
  name: 'metricsdemo',
  staffRole: 'social',
  createModels: makeModels,
  async buildSchema(models) {
    const resolvers = {
      Query: {
        note: async (_: unknown, { citizenId }: { citizenId: string }) => {
          const found = (await models.Note.findOne({ citizenId }).lean()) as { text?: string } | null;
          return found?.text ?? null;
        },
      },
    };
    return { schema: buildSubgraphSchema([{ typeDefs: parse(SDL), resolvers }]), sdl: SDL };
  },
};

const pair = generateInternalKeyPair();
const signingKey = parseSigningKey(pair.signingKey);

function start(extra: { readinessCacheMs?: number; shutdownReadinessDelayMs?: number } = {}): Promise<RunningSubgraph<Models>> {
  return runSubgraph(definition, {
    uri: testMongoUri(),
    dbName: uniqueDbName('metrics'),
    host: '127.0.0.1',
    port: 0,
    internalVerifyKeys: parseVerifyKeys(pair.verifyKey),
    readinessCacheMs: 0,
    ...extra,
  });
}

async function query(url: string, query: string): Promise<{ status: number; json: any }> {
  const body = JSON.stringify({ query });
  const credential = await signInternal(
    { identity: { subject: 'test', role: 'social', commune: null, agency: null }, purpose: 'CARE_COORDINATION', requestId: randomUUID() },
    signingKey,
    { subgraph: definition.name, body },
  );
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_HEADER]: credential }, body });
  return { status: res.status, json: await res.json() };
}

const base = (s: { url: string }) => s.url.replace(/\/graphql$/, '');
const scrape = async (s: { url: string }) => {
  const res = await fetch(`${base(s)}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/plain/);
  return res.text();
};

/** The value of one sample (`name{labels}`, labels in any order), 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return 0;
}

const has = (text: string, name: string) => text.split('\n').some((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));

describe('/metrics of a subgraph', () => {
  let subgraph: RunningSubgraph<Models>;
  beforeAll(async () => {
    subgraph = await start();
    await subgraph.models.Note.create({ citizenId: '001055000001', text: 'ghi chú' });
  });
  afterAll(async () => {
    await subgraph.stop();
  });

  it('counts exactly the requests made, moves the latency histograms, shows the pool and Node metrics', async () => {
    const before = await scrape(subgraph);
    const N = 3;
    for (let i = 0; i < N; i++) {
      const { status, json } = await query(subgraph.url, '{ note(citizenId: "001055000001") }');
      expect(status).toBe(200);
      expect(json.data.note).toBe('ghi chú');
    }
    const after = await scrape(subgraph);

    const ok = { route: '/graphql', status_class: '2xx' };
    expect(sample(after, 'nct_http_requests_total', ok) - sample(before, 'nct_http_requests_total', ok)).toBe(N);
    expect(
      sample(after, 'nct_http_request_duration_seconds_count', ok) - sample(before, 'nct_http_request_duration_seconds_count', ok),
    ).toBe(N);
    const op = { operation_type: 'query', outcome: 'ok' };
    expect(sample(after, 'nct_graphql_operations_total', op) - sample(before, 'nct_graphql_operations_total', op)).toBe(N);
    expect(sample(after, 'nct_graphql_operation_duration_seconds_count', op)).toBeGreaterThan(
      sample(before, 'nct_graphql_operation_duration_seconds_count', op),
    );

    // the database pool of this subgraph's connection
    const db = { database: subgraph.conn.name };
    expect(has(after, 'nct_db_pool_checked_out_connections')).toBe(true);
    expect(sample(after, 'nct_db_pool_connections', db)).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'nct_db_pool_checked_out_connections', db)).toBeGreaterThanOrEqual(0);
    expect(sample(after, 'nct_db_pool_max_connections', db)).toBe(20);
    // Node's default process metrics, prefixed
    expect(has(after, 'nct_process_cpu_user_seconds_total')).toBe(true);
    expect(has(after, 'nct_nodejs_eventloop_lag_seconds')).toBe(true);

    // no label value carries a citizen id (or any 12-digit number), a raw path or an operation name
    const labelValues = [...after.matchAll(/\w+="((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
    expect(labelValues.filter((v) => /\d{12}/.test(v))).toEqual([]);
    expect(after).not.toContain('001055000001');
  });

  it('counts errors by code and operation outcome, and a refused request by status class', async () => {
    const before = await scrape(subgraph);
    const { json } = await query(subgraph.url, '{ nope }');
    expect(json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const refused = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(refused.status).toBe(401);
    await fetch(`${base(subgraph)}/people/001055000001`);
    const after = await scrape(subgraph);
    const code = { code: 'GRAPHQL_VALIDATION_FAILED' };
    expect(sample(after, 'nct_graphql_errors_total', code) - sample(before, 'nct_graphql_errors_total', code)).toBe(1);
    const failed = { operation_type: 'unknown', outcome: 'GRAPHQL_VALIDATION_FAILED' };
    expect(sample(after, 'nct_graphql_operations_total', failed) - sample(before, 'nct_graphql_operations_total', failed)).toBe(1);
    const c4 = { route: '/graphql', status_class: '4xx' };
    expect(sample(after, 'nct_http_requests_total', c4) - sample(before, 'nct_http_requests_total', c4)).toBe(2);
    // an unknown path is counted as `other`, never by its path
    const other = { route: 'other', status_class: '4xx' };
    expect(sample(after, 'nct_http_requests_total', other) - sample(before, 'nct_http_requests_total', other)).toBe(1);
    expect(after).not.toContain('/people');
  });

  it('answers liveness and readiness while the database answers', async () => {
    for (const path of ['/health/live', '/health/ready', '/health']) {
      const res = await fetch(`${base(subgraph)}${path}`);
      expect([path, res.status]).toEqual([path, 200]);
      expect(await res.json()).toEqual({ status: 'ok' });
    }
    expect(sample(await scrape(subgraph), 'nct_ready')).toBe(1);
  });
});

describe('readiness of a subgraph', () => {
  it('turns 503 when the database does not answer, while liveness stays 200', async () => {
    const subgraph = await start();
    try {
      expect((await fetch(`${base(subgraph)}/health/ready`)).status).toBe(200);
      await subgraph.conn.close();
      const ready = await fetch(`${base(subgraph)}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable' });
      expect((await fetch(`${base(subgraph)}/health`)).status).toBe(503);
      expect((await fetch(`${base(subgraph)}/health/live`)).status).toBe(200);
      expect(sample(await scrape(subgraph), 'nct_ready')).toBe(0);
    } finally {
      await subgraph.stop();
    }
  });

  it('turns 503 "draining" as soon as stop() starts, serving meanwhile, liveness 200', async () => {
    const subgraph = await start({ shutdownReadinessDelayMs: 600 });
    const stopping = subgraph.stop();
    try {
      const ready = await fetch(`${base(subgraph)}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'draining' });
      expect((await fetch(`${base(subgraph)}/health`)).status).toBe(503);
      expect((await fetch(`${base(subgraph)}/health/live`)).status).toBe(200);
      // requests are still served until the listener closes
      const { status } = await query(subgraph.url, '{ note(citizenId: "001055000009") }');
      expect(status).toBe(200);
    } finally {
      await stopping;
    }
    await expect(fetch(`${base(subgraph)}/health/live`)).rejects.toThrow(/fetch failed/);
  });
});

describe('the /metrics switch and token', () => {
  const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }' });
  beforeAll(() => apollo.start());
  afterAll(() => apollo.stop());
  const serve = (metrics: { enabled: boolean; token?: string }) =>
    startHttpServer({ apollo, host: '127.0.0.1', port: 0, context: async () => ({}), metrics });

  it('is 404 when METRICS_ENABLED is false', async () => {
    const s = await serve({ enabled: false });
    try {
      expect((await fetch(`${base(s)}/metrics`)).status).toBe(404);
    } finally {
      await s.close();
    }
  });

  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    const s = await serve({ enabled: true, token: 's3cret' });
    try {
      expect((await fetch(`${base(s)}/metrics`)).status).toBe(401);
      expect((await fetch(`${base(s)}/metrics`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
      const ok = await fetch(`${base(s)}/metrics`, { headers: { authorization: 'Bearer s3cret' } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('nct_http_requests_total');
    } finally {
      await s.close();
    }
  });
});

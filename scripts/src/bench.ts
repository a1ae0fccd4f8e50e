// `npm run bench`: latency and throughput of the person view through the gateway, compared
// with direct calls to the subgraphs, on a seeded province (default 100,000 people).
// Everything runs on loopback; each scenario is a bounded number of requests.
//
//   BENCH_PEOPLE (100000)  BENCH_REQUESTS per scenario (200)  BENCH_CONCURRENCY (4)
//   BENCH_PAGE_REQUESTS for the 100-person page scenarios (50)
//   BENCH_MAX_SECONDS per scenario (120): no new request starts after that
//   BENCH_WARMUP requests before each scenario (3)
//
// The bench system uses its own data folder (.data/bench-<people>), database port 27218 and
// ports 4100-4104, so it can run next to `npm start`.
import fs from 'node:fs';
import path from 'node:path';
import { connectDatabase, REPO_ROOT } from '@nct/db';
import { subgraphDatabase, subgraphInfo } from '@nct/registry';
import { createLogger } from '@nct/logger';
import { BENCH_SEED_PEOPLE } from '@nct/seed';
import { encodeCursor } from '@nct/subgraph-kit';
import { INTERNAL_HEADER, issueDevToken, signInternal } from '@nct/auth';
import { DEV_ISSUER_DIR } from '@nct/gateway';
import { startSystem } from './system';
import { percentile, PERSON_FIELDS_DIRECT, PERSON_VIEW, runScenario, ScenarioResult } from './bench-lib';
import { DASHBOARD_QUESTIONS, DASHBOARD_TARGET_MS } from './bench-dashboards';

const int = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} must be a positive integer`);
  return v;
};

/** Access-log write times (ms) the gateway reported in `Server-Timing`, per scenario. */
const auditTimings = new Map<string, number[]>();
let currentScenario = '';

async function gql(url: string, query: string, variables?: Record<string, unknown>, headers?: () => Promise<Record<string, string>>): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(headers ? await headers() : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const timing = /audit;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
  if (timing) auditTimings.set(currentScenario, [...(auditTimings.get(currentScenario) ?? []), Number(timing[1])]);
  const body = (await res.json()) as { data?: any; errors?: Array<{ message: string }> };
  if (res.status !== 200 || body.errors?.length) {
    throw new Error(`GraphQL call failed (${res.status}): ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  return body.data;
}

async function main(): Promise<void> {
  const logger = createLogger('bench');
  const people = int('BENCH_PEOPLE', BENCH_SEED_PEOPLE);
  const requests = int('BENCH_REQUESTS', 200);
  const pageRequests = int('BENCH_PAGE_REQUESTS', 50);
  const maxSeconds = int('BENCH_MAX_SECONDS', 120);
  const warmup = Number(process.env.BENCH_WARMUP ?? 3);
  const concurrency = int('BENCH_CONCURRENCY', 4);
  const dashboardRequests = int('BENCH_DASHBOARD_REQUESTS', 5);
  // BENCH_ONLY=dashboards skips the person-view scenarios; BENCH_ONLY=person skips the dashboards.
  const only = process.env.BENCH_ONLY ?? '';
  if (only && only !== 'dashboards' && only !== 'person') throw new Error('BENCH_ONLY must be dashboards or person');
  const env = {
    PORT: '4100',
    HOMEAFFAIRS_PORT: '4101',
    SOCIAL_PORT: '4102',
    HEALTH_PORT: '4103',
    ASSOCIATION_PORT: '4104',
    AUDIT_PORT: '4105',
    LOG_LEVEL: 'warn',
    // Measure, do not cut: on the embedded FerretDB a 100,000-person query can take longer
    // than the gateway's default 5 s subgraph timeout.
    SUBGRAPH_TIMEOUT_MS: process.env.SUBGRAPH_TIMEOUT_MS ?? '300000',
  };
  const started = Date.now();
  const system = await startSystem({
    people,
    seed: 1,
    logger,
    quiet: true,
    env,
    dataDir: path.join(REPO_ROOT, '.data', `bench-${people}`),
    dbPort: 27218,
  });
  logger.info({ ms: Date.now() - started }, 'system ready');
  try {
    const gw = system.gatewayUrl;
    const sg = system.subgraphUrls;
    // Sample people spread over the register, and page starts spread over it: read once from
    // the register's database (one scan), not by paging through the graph.
    const conn = await connectDatabase(system.db.uri, subgraphDatabase(subgraphInfo('homeaffairs')));
    const register = conn.collection('people');
    const everyone = await register.find({}, { projection: { _id: 0, citizenId: 1, communeCode: 1 } }).toArray();
    const total = everyone.length;
    // Every call is made as a commune officer (sees identity, social, BHYT card, association)
    // of the most populous commune, so people and pages come from that commune.
    const sizes = new Map<string, number>();
    for (const d of everyone) sizes.set(d.communeCode as string, (sizes.get(d.communeCode as string) ?? 0) + 1);
    const commune = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const communeIds = everyone.filter((d) => d.communeCode === commune).map((d) => d.citizenId as string).sort();
    const step = Math.max(1, Math.floor(communeIds.length / 2000));
    const ids = communeIds.filter((_, i) => i % step === 0);
    const cursors: Array<string | null> = [null, ...communeIds.filter((_, i) => i % 100 === 50 && i + 100 < communeIds.length).map((id) => encodeCursor(id))];
    const identity = { subject: 'bench', role: 'commune-officer' as const, commune, agency: null };
    const token = await issueDevToken(DEV_ISSUER_DIR, { role: 'commune-officer', commune, subject: 'bench' });
    const viaGateway = async () => ({ authorization: `Bearer ${token}`, 'x-access-purpose': 'STATISTICS' });
    const secret = new TextEncoder().encode(system.internalSecret);
    let rid = 0;
    const direct = async () => ({ [INTERNAL_HEADER]: await signInternal({ identity, purpose: 'STATISTICS', requestId: `bench-${rid++}` }, secret) });
    const pick = <T>(list: T[], i: number) => list[(i * 7919) % list.length];
    const entities = (name: string, fields: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${fields} } } }`;
    const ENTITY_FIELDS = PERSON_FIELDS_DIRECT;
    const directAll = async (idsForCall: string[], identityQuery: Promise<any>) => {
      const identity = await identityQuery;
      const reps = (identity as Array<{ citizenId: string; birthDate: string }>).map((p) => ({ __typename: 'Person', citizenId: p.citizenId, birthDate: p.birthDate }));
      await Promise.all([
        gql(sg.social, entities('social', ENTITY_FIELDS.social), { r: reps }, direct),
        gql(sg.health, entities('health', ENTITY_FIELDS.health), { r: reps }, direct),
        gql(sg.association, entities('association', ENTITY_FIELDS.association), { r: reps }, direct),
      ]);
      return idsForCall.length;
    };

    // The database's own cost, without any GraphQL: what one lookup by citizen ID and one
    // batched lookup of 100 IDs cost on this server (FerretDB scans; MongoDB uses the index).
    const floor: ScenarioResult[] = [];
    if (only !== 'dashboards') {
      floor.push(await runScenario('db. find one person by citizenId (no GraphQL)', 5, 1, (i) => register.findOne({ citizenId: pick(ids, i) }), maxSeconds, 1));
      floor.push(await runScenario('db. find 100 people by citizenId $in (no GraphQL)', 5, 1, (i) => register.find({ citizenId: { $in: ids.slice((i % 10) * 100, (i % 10) * 100 + 100) } }).toArray(), maxSeconds, 1));
    }
    await conn.close();

    const results: ScenarioResult[] = [];
    const scenario = async (name: string, n: number, fn: (i: number) => Promise<unknown>) => {
      currentScenario = name;
      const r = await runScenario(name, n, concurrency, fn, maxSeconds, warmup);
      results.push(r);
      logger.info({ scenario: name, median: r.medianMs, p95: r.p95Ms, rps: r.rps }, 'done');
    };

    if (only !== 'dashboards') {
      await scenario('a. one person, full view, via gateway', requests, (i) =>
        gql(gw, `query($id: ID!) { person(citizenId: $id) { ${PERSON_VIEW} } }`, { id: pick(ids, i) }, viaGateway),
      );
      await scenario('a. one person, identity, direct homeaffairs', requests, (i) =>
        gql(sg.homeaffairs, `query($id: ID!) { person(citizenId: $id) { ${PERSON_FIELDS_DIRECT.homeaffairs} } }`, { id: pick(ids, i) }, direct),
      );
      await scenario('a. one person, full view, 4 direct subgraph calls', requests, (i) => {
        const id = pick(ids, i);
        return directAll([id], gql(sg.homeaffairs, `query($id: ID!) { person(citizenId: $id) { ${PERSON_FIELDS_DIRECT.homeaffairs} } }`, { id }, direct).then((d) => [d.person]));
      });
      await scenario('b. page of 100, all agencies, via gateway', pageRequests, (i) =>
        gql(gw, `query($after: String) { people(first: 100, after: $after) { edges { node { ${PERSON_VIEW} } } } }`, { after: pick(cursors, i) }, viaGateway),
      );
      await scenario('b. page of 100, identity, direct homeaffairs', pageRequests, (i) =>
        gql(sg.homeaffairs, `query($after: String) { people(first: 100, after: $after) { edges { node { ${PERSON_FIELDS_DIRECT.homeaffairs} } } } }`, { after: pick(cursors, i) }, direct),
      );
      await scenario('b. page of 100, all agencies, 4 direct subgraph calls', pageRequests, (i) =>
        directAll(
          [],
          gql(sg.homeaffairs, `query($after: String) { people(first: 100, after: $after) { edges { node { ${PERSON_FIELDS_DIRECT.homeaffairs} } } } }`, { after: pick(cursors, i) }, direct).then(
            (d) => d.people.edges.map((e: any) => e.node),
          ),
        ),
      );
    }

    // c. The cross-agency dashboard questions, one request at a time (what a dashboard does).
    const dashboards: Array<ScenarioResult & { id: string; title: string; role: string; firstMs: number }> = [];
    if (only !== 'person') {
      const coordinatorToken = await issueDevToken(DEV_ISSUER_DIR, { role: 'coordinator', subject: 'bench-coordinator' });
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
      const ctx = { province: '12', commune, year: Number(today.slice(0, 4)), today, quarter: `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}` };
      for (const q of DASHBOARD_QUESTIONS) {
        const headers = async () => ({
          authorization: `Bearer ${q.role === 'coordinator' ? coordinatorToken : token}`,
          'x-access-purpose': q.purpose,
        });
        currentScenario = `c. ${q.id}`;
        // The first request also pays for reading the digests this process has not read yet
        // (each subgraph keeps a version-checked copy: docs/read-models.md); then the median.
        const t0 = performance.now();
        await gql(gw, q.query, q.variables(ctx), headers);
        const firstMs = performance.now() - t0;
        const r = await runScenario(`c. ${q.id} ${q.title}`, dashboardRequests, 1, () => gql(gw, q.query, q.variables(ctx), headers), maxSeconds, 0);
        dashboards.push({ ...r, id: q.id, title: q.title, role: q.role, firstMs });
        logger.info({ question: q.id, median: r.medianMs, p95: r.p95Ms }, 'dashboard question done');
      }
    }

    const lines = [
      `Benchmark: ${total} people in the register (seed size ${people}); calls as a commune officer of ${commune} (${communeIds.length} people); concurrency ${concurrency}, at most ${maxSeconds} s per scenario, ${new Date().toISOString()}`,
      `node ${process.version}, database ${system.db.kind}`,
      '',
      `${'scenario'.padEnd(56)}${'n'.padStart(6)}${'median ms'.padStart(12)}${'p95 ms'.padStart(10)}${'req/s'.padStart(9)}`,
      ...[...results, ...floor].map((r) => `${r.name.padEnd(56)}${String(r.n).padStart(6)}${r.medianMs.toFixed(1).padStart(12)}${r.p95Ms.toFixed(1).padStart(10)}${(r.rps < 10 ? r.rps.toFixed(3) : r.rps.toFixed(1)).padStart(9)}`),
      '',
      'Ratios measured in this run (gateway / direct):',
      ...(results.length < 6 ? [] : [
        [0, 1, 'a. full view via gateway vs identity from homeaffairs'],
        [0, 2, 'a. full view via gateway vs 4 direct calls'],
        [3, 4, 'b. page via gateway vs identity page from homeaffairs'],
        [3, 5, 'b. page via gateway vs 4 direct calls'],
      ].map(([g, d, label]) => {
        const a = results[g as number];
        const b = results[d as number];
        return `  ${String(label).padEnd(56)} median x${(a.medianMs / b.medianMs).toFixed(2)}, throughput x${(a.rps / b.rps).toFixed(2)}`;
      })),
      '',
      'Access log: time the gateway spent writing the entries before answering (Server-Timing "audit"), same run:',
      ...results
        .filter((r) => auditTimings.has(r.name))
        .map((r) => {
          const t = [...auditTimings.get(r.name)!].sort((a, b) => a - b);
          const median = percentile(t, 50);
          return `  ${r.name.padEnd(56)} median ${median.toFixed(1)} ms, p95 ${percentile(t, 95).toFixed(1)} ms, max ${t[t.length - 1].toFixed(1)} ms (${((100 * median) / r.medianMs).toFixed(1)} % of the request median)`;
        }),
      '',
      `Cross-agency dashboard questions (docs/cross-agency.md), one request at a time, target < ${DASHBOARD_TARGET_MS} ms`,
      `("first": the first request after the system started, which also reads digests not yet held in memory):`,
      `${'question'.padEnd(76)}${'role'.padStart(16)}${'first ms'.padStart(10)}${'n'.padStart(4)}${'median ms'.padStart(11)}${'p95 ms'.padStart(10)}  target`,
      ...dashboards.map(
        (d) =>
          `${`${d.id} ${d.title}`.padEnd(76)}${d.role.padStart(16)}${d.firstMs.toFixed(1).padStart(10)}${String(d.n).padStart(4)}${d.medianMs.toFixed(1).padStart(11)}${d.p95Ms.toFixed(1).padStart(10)}  ${d.medianMs < DASHBOARD_TARGET_MS ? 'met' : 'NOT met'}${d.firstMs < DASHBOARD_TARGET_MS ? '' : ' (first request over)'}`,
      ),
    ];
    process.stdout.write(lines.join('\n') + '\n');
    const outDir = path.join(REPO_ROOT, 'bench-results');
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, `bench-${Date.now()}.json`), JSON.stringify({ total, people, concurrency, results, floor, dashboards, auditTimings: Object.fromEntries(auditTimings) }, null, 2));
  } finally {
    await system.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

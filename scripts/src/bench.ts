// `npm run bench`: latency and throughput of reads, dashboard questions and every write
// mutation, through the gateway and directly against the owning subgraphs, on seeded
// provinces of 10,000 and 100,000 people (and 500,000 with `-- --with-500k`), one size after
// the other (each system stopped before the next starts). Figures are printed, not asserted.
//
//   BENCH_SIZES (10000,100000)  or  -- --with-500k  (adds 500000)
//   BENCH_REQUESTS per read scenario (200)   BENCH_PAGE_REQUESTS for the pages of 100 (50)
//   BENCH_WRITE_REQUESTS per write scenario and mode (40)   BENCH_DASHBOARD_REQUESTS (5)
//   BENCH_CONCURRENCY (4)   BENCH_MAX_SECONDS per scenario (120): no new request after that
//   BENCH_WARMUP requests before each scenario (3)
//   BENCH_ONLY=dashboards | person | writes  runs only that part
//
// Each size has its own cached data folder (.data/bench-<people>), database port 27218 and
// ports 4100-4105, so it can run next to `npm start`. The system's date is pinned (NCT_TODAY)
// to the seed's reference date, so the figures do not depend on the day the bench runs.
// Results: Markdown on stdout (for docs/performance.md), JSON in bench-results/.
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@nct/db';
import { createLogger } from '@nct/logger';
import { DEFAULT_AS_OF } from '@nct/seed';
import { startSystem } from './system';
import { auditTimings } from './bench-client';
import { benchSizes } from './bench-lib';
import { runReads } from './bench-reads';
import { runWriteScenarios, WRITE_MUTATIONS } from './bench-writes';
import { growthTable, sizeTables, TARGETS, type SizeRun } from './bench-report';
import { benchLimits } from './bench-limits';

const int = (name: string, fallback: number, min = 1) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v < min) throw new Error(`${name} must be an integer >= ${min}`);
  return v;
};

async function main(): Promise<void> {
  const logger = createLogger('bench');
  // First, apart from the rest (no database, a few seconds): the gateway's query analysis on
  // expensive documents (bench-limits.ts; alone: node scripts/dist/bench-limits.js).
  process.stdout.write(`## Query analysis (no database)\n\n${benchLimits()}\n\n`);
  const sizes = benchSizes(process.env, process.argv.slice(2));
  const requests = int('BENCH_REQUESTS', 200);
  const pageRequests = int('BENCH_PAGE_REQUESTS', 50);
  const writeRequests = int('BENCH_WRITE_REQUESTS', 40);
  const dashboardRequests = int('BENCH_DASHBOARD_REQUESTS', 5);
  const maxSeconds = int('BENCH_MAX_SECONDS', 120);
  const warmup = int('BENCH_WARMUP', 3, 0);
  const concurrency = int('BENCH_CONCURRENCY', 4);
  const only = process.env.BENCH_ONLY ?? '';
  if (only && !['dashboards', 'person', 'writes'].includes(only)) throw new Error('BENCH_ONLY must be dashboards, person or writes');
  const today = DEFAULT_AS_OF;
  const log = (msg: string, extra: Record<string, unknown> = {}) => logger.info(extra, msg);
  const startedAt = new Date();
  const runs: SizeRun[] = [];
  let dbKind = '?';

  for (const people of sizes) {
    const started = Date.now();
    log(`size ${people}: starting the system`);
    const system = await startSystem({
      people,
      seed: 1,
      logger,
      quiet: true,
      env: {
        PORT: '4100',
        HOMEAFFAIRS_PORT: '4101',
        SOCIAL_PORT: '4102',
        HEALTH_PORT: '4103',
        ASSOCIATION_PORT: '4104',
        AUDIT_PORT: '4105',
        LOG_LEVEL: 'warn',
        NCT_TODAY: today,
        // The bench measures latency, not the per-caller limiter (one caller sends every request).
        RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? '1000000',
        // Measure, do not cut: a slow query is a figure, not a timeout.
        SUBGRAPH_TIMEOUT_MS: process.env.SUBGRAPH_TIMEOUT_MS ?? '300000',
      },
      dataDir: path.join(REPO_ROOT, '.data', `bench-${people}`),
      dbPort: 27218,
    });
    const startMs = Date.now() - started;
    dbKind = String(system.db.kind);
    log(`size ${people}: system ready`, { ms: startMs });
    auditTimings.clear();
    try {
      const reads = await runReads(system, {
        requests,
        pageRequests,
        dashboardRequests,
        concurrency,
        maxSeconds,
        warmup,
        today,
        only: only === 'writes' ? 'person' : (only as '' | 'dashboards' | 'person'),
        log,
      });
      if (only === 'writes') reads.pairs.splice(0);
      // Writes come last, in a commune of their own, so that they do not move the read figures.
      const writes =
        only === '' || only === 'writes'
          ? await runWriteScenarios({
              gatewayUrl: system.gatewayUrl,
              subgraphUrls: system.subgraphUrls,
              dbUri: system.db.uri,
              internalSigningKey: system.internalSigningKey,
              today,
              requests: writeRequests,
              warmup,
              concurrency,
              maxSeconds,
              log,
            })
          : null;
      runs.push({ people, startMs, reads, writes, auditTimings: Object.fromEntries(auditTimings) });
    } finally {
      await system.stop();
    }
    log(`size ${people}: done`, { minutes: ((Date.now() - started) / 60000).toFixed(1) });
  }

  const header =
    `Benchmark ${startedAt.toISOString()}: sizes ${sizes.map((s) => s.toLocaleString('en-US')).join(', ')} people; ` +
    `system date pinned to ${today} (NCT_TODAY = the seed's reference date DEFAULT_AS_OF); ` +
    `concurrency ${concurrency}; ${requests} requests per read scenario, ${pageRequests} per page scenario, ${writeRequests} per write scenario and mode, ` +
    `${dashboardRequests} per dashboard question; at most ${maxSeconds} s per scenario; node ${process.version}; ` +
    `database ${dbKind}; ${((Date.now() - startedAt.getTime()) / 60000).toFixed(1)} min in all.`;
  const md = [
    header,
    '',
    `Targets (at 100,000 people): person view p95 < ${TARGETS.personP95Ms} ms, page of 100 p95 < ${TARGETS.pageP95Ms} ms, ` +
      `each dashboard question median < ${TARGETS.dashboardMedianMs} ms, each write p95 < ${TARGETS.writeP95Ms} ms, ` +
      `gateway/direct <= ${TARGETS.gatewayOverDirect}, growth 10,000 -> 100,000 < ${TARGETS.growthPercent} %. Other sizes are judged by the same numbers for information.`,
    '',
    ...runs.flatMap((r) => [...sizeTables(r), '']),
    ...runs.slice(1).flatMap((r, k) => [...growthTable(runs[k], r), '']),
  ];
  process.stdout.write(md.join('\n') + '\n');
  const outDir = path.join(REPO_ROOT, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `bench-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        startedAt,
        today,
        sizes,
        concurrency,
        requests,
        pageRequests,
        writeRequests,
        dashboardRequests,
        maxSeconds,
        targets: TARGETS,
        writeMutations: WRITE_MUTATIONS,
        runs,
      },
      null,
      2,
    ),
  );
  process.stdout.write(`\n(JSON: ${path.relative(REPO_ROOT, file)})\n`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

// `npm run soak`: load and faults against the whole system (docs/consistency.md section 5,
// docs/soak.md). Concurrent clients do mixed reads and writes with idempotency keys through the
// gateway for several minutes on the 100,000-person seed, while one subgraph is killed and
// restarted and the database is paused and resumed; then every acknowledged write must be
// present exactly once and the fund books must balance. Exits 1 when a target is missed.
//
//   npm run soak -- [--people 100000] [--minutes 5] [--clients 8] [--kill association]
//                   [--down 5] [--pause 8] [--timeout-ms 5000] [--grace 60] [--seed 1] [--fresh]
//                   [--all-writes] [--logs]
//
// The seeded database is kept in .data/soak-<people>/ (seeding 100,000 people takes about 12
// minutes the first time); each run's writes are marked with the run's own nonce, so runs do not
// collide. --fresh seeds a throwaway database instead. The system's date is pinned (NCT_TODAY)
// to the seed's reference date; ports are free ones; the development issuer is a throwaway one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevIssuer } from '@nct/auth';
import { freePort, REPO_ROOT } from '@nct/db';
import { createLogger } from '@nct/logger';
import { SUBGRAPHS } from '@nct/registry';
import { DEFAULT_AS_OF } from '@nct/seed';
import { formatReport, missedTargets, soakOptions } from './soak-lib';
import { runSoak } from './soak-run';
import { startSystem } from './system';

async function main(): Promise<void> {
  // --logs: echo the processes' own logs (at LOG_LEVEL, default warn), prefixed with their names.
  const argv = process.argv.slice(2);
  const echo = argv.includes('--logs');
  const o = soakOptions(argv.filter((a) => a !== '--logs'));
  const logger = createLogger('soak');
  const log = (msg: string, extra: Record<string, unknown> = {}) => logger.info(extra, msg);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nct-soak-'));
  const issuerDir = path.join(dir, 'issuer');
  const issuer = await ensureDevIssuer(issuerDir);
  const ports = await Promise.all([...SUBGRAPHS, null].map(() => freePort()));
  const today = DEFAULT_AS_OF;
  const dataDir = o.fresh ? path.join(dir, 'db') : path.join(REPO_ROOT, '.data', `soak-${o.people}`);
  log('starting the system', { people: o.people, dataDir });
  const started = Date.now();
  const system = await startSystem({
    people: o.people,
    seed: o.seed,
    logger,
    quiet: !echo,
    dataDir,
    dbPort: 0,
    env: {
      HOST: '127.0.0.1',
      PORT: String(ports[SUBGRAPHS.length]),
      ...Object.fromEntries(SUBGRAPHS.map((info, i) => [`${info.name.toUpperCase()}_PORT`, String(ports[i])])),
      // Its own embedded database, which this process can pause.
      MONGODB_URI: undefined,
      AUTH_JWKS_FILE: issuer.jwksFile,
      AUTH_ISSUER: DEV_ISSUER,
      AUTH_AUDIENCE: DEV_AUDIENCE,
      DEV_ISSUER_DIR: issuerDir,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      NCT_TODAY: today,
      // Eight clients are not eight attackers: the per-caller limiter is not what is tested.
      RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE ?? '1000000',
      SUBGRAPH_TIMEOUT_MS: String(o.subgraphTimeoutMs),
    },
  });
  log('system ready', { seconds: Math.round((Date.now() - started) / 1000) });
  let report;
  try {
    report = await runSoak(system, { ...o, issuerDir, today, log });
  } finally {
    await system.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${formatReport(report)}\n`);
  const outDir = path.join(REPO_ROOT, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `soak-${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({ options: o, today, report }, null, 2));
  process.stdout.write(`\n(JSON: ${path.relative(REPO_ROOT, file)})\n`);
  process.exit(missedTargets(report).length ? 1 : 0);
}

main().catch((err) => {
  process.stderr.write(`soak failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

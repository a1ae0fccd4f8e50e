/**
 * One soak run against a running system (docs/soak.md): the clients run for `seconds`; at a
 * third of the run one subgraph is killed (SIGKILL) and started again `downSeconds` later; at
 * two thirds the database process is paused (SIGSTOP) for `pauseSeconds`, longer than the
 * gateway's subgraph timeout, and resumed (SIGCONT). Then no new request starts; requests still
 * retrying get `graceSeconds` to be answered. Then: every process alive, /health/ready, the end
 * checks, and the report.
 */
import { checkWrites } from './soak-checks';
import { latencyOf, type FaultEvent, type SoakOptions, type SoakReport } from './soak-lib';
import { prepareWorkload } from './soak-workload';
import type { RunningSystem } from './system';

export interface RunOptions extends Pick<
  SoakOptions,
  'seconds' | 'clients' | 'kill' | 'downSeconds' | 'pauseSeconds' | 'graceSeconds' | 'allWrites'
> {
  people: number;
  /** The development issuer the gateway trusts. */
  issuerDir: string;
  /** The system's pinned date (NCT_TODAY). */
  today: string;
  log(msg: string, extra?: Record<string, unknown>): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** /health/ready of the gateway, asked until it says 200 or `ms` have passed; the last status. */
async function readiness(gatewayUrl: string, ms: number): Promise<number> {
  const url = gatewayUrl.replace(/\/graphql$/, '/health/ready');
  const deadline = Date.now() + ms;
  let status = 0;
  while (Date.now() < deadline) {
    try {
      status = (await fetch(url, { signal: AbortSignal.timeout(5000) })).status;
      if (status === 200) return status;
    } catch {
      status = 0;
    }
    await sleep(500);
  }
  return status;
}

export async function runSoak(system: RunningSystem, o: RunOptions): Promise<SoakReport> {
  const w = await prepareWorkload({
    gatewayUrl: system.gatewayUrl,
    dbUri: system.db.uri,
    issuerDir: o.issuerDir,
    today: o.today,
    clients: o.clients,
    supergraphFile: process.env.SUPERGRAPH_FILE,
    allWrites: o.allWrites,
    log: o.log,
  });
  const dbPid = system.db.pid;
  const faults: FaultEvent[] = [];
  const started = performance.now();
  w.startedAt = started;
  const at = () => (performance.now() - started) / 1000;
  const event = (what: string) => {
    faults.push({ atS: at(), what });
    o.log(`soak: ${what}`, { atS: Number(at().toFixed(1)) });
  };
  const crashes: string[] = [];

  const clients = w.clients.map((c) => w.runClient(c));
  let paused = false;
  const faultPlan = (async () => {
    if (o.downSeconds > 0) {
      await sleep(Math.max(0, (o.seconds / 3 - at()) * 1000));
      event(`kill -9 ${o.kill}`);
      await system.killSubgraph(o.kill);
      await sleep(o.downSeconds * 1000);
      event(`restarting ${o.kill}`);
      try {
        await system.restartSubgraph(o.kill);
        event(`${o.kill} healthy again`);
      } catch (err) {
        event(`${o.kill} failed to start again: ${(err as Error).message}`);
        crashes.push(`${o.kill} (did not start again)`);
      }
    }
    if (o.pauseSeconds > 0) {
      if (!dbPid) {
        event('database not paused: not a process this run started (MONGODB_URI)');
        return;
      }
      await sleep(Math.max(0, ((2 * o.seconds) / 3 - at()) * 1000));
      event(`SIGSTOP database (pid ${dbPid}) for ${o.pauseSeconds} s`);
      paused = true;
      process.kill(dbPid, 'SIGSTOP');
      try {
        await sleep(o.pauseSeconds * 1000);
      } finally {
        process.kill(dbPid, 'SIGCONT');
        paused = false;
        event('SIGCONT database');
      }
    }
  })();

  try {
    await sleep(o.seconds * 1000);
    await faultPlan;
  } catch (err) {
    // The harness itself failed (not the system): stop the clients before giving up.
    w.stopping = true;
    w.giveUp();
    await Promise.all(clients);
    throw err;
  } finally {
    // Never leave the database stopped.
    if (paused && dbPid) process.kill(dbPid, 'SIGCONT');
  }
  w.stopping = true;
  event('load ends: no new requests');
  const done = Promise.all(clients);
  let graceTimer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'timeout'>((r) => (graceTimer = setTimeout(() => r('timeout'), o.graceSeconds * 1000)));
  if ((await Promise.race([done.then(() => 'done' as const), graceOver])) === 'timeout') {
    event(`grace period over (${o.graceSeconds} s): requests still retrying are left unanswered`);
    w.giveUp();
  }
  clearTimeout(graceTimer);
  await done;
  event('every client stopped');
  const elapsedS = at();

  for (const p of system.processes()) if (!p.alive) crashes.push(`${p.name} (pid ${p.pid})`);
  if (dbPid && !alive(dbPid)) crashes.push(`database (pid ${dbPid})`);
  const ready = await readiness(system.gatewayUrl, 30_000);

  let checks: Awaited<ReturnType<typeof checkWrites>> = { writes: [], ledgers: { checked: 0, unbalanced: [] } };
  let checkFailure: string | undefined;
  try {
    checks = await checkWrites(w, { dbUri: system.db.uri, issuerDir: o.issuerDir });
  } catch (err) {
    checkFailure = (err as Error).message;
  }
  event('end checks done');

  const errorsByCode: Record<string, number> = {};
  for (const a of w.attempts) for (const code of a.codes) errorsByCode[code] = (errorsByCode[code] ?? 0) + 1;
  const ops = Object.values(w.operations);
  const sum = (f: (x: (typeof checks.writes)[number]) => number) => checks.writes.reduce((s, x) => s + f(x), 0);
  return {
    people: o.people,
    clients: o.clients,
    seconds: o.seconds,
    elapsedS,
    faults,
    requests: {
      sent: w.attempts.length,
      answered: w.attempts.filter((a) => a.answered).length,
      noAnswer: w.attempts.filter((a) => !a.answered).length,
    },
    operations: w.operations,
    errorsByCode,
    latency: {
      all: latencyOf(w.attempts.map((a) => a.ms)),
      reads: latencyOf(w.attempts.filter((a) => a.kind === 'read').map((a) => a.ms)),
      writes: latencyOf(w.attempts.filter((a) => a.kind === 'write').map((a) => a.ms)),
    },
    retries: ops.reduce((s, c) => s + c.retries, 0),
    acknowledged: sum((x) => x.acknowledged),
    lost: sum((x) => x.lost),
    duplicated: sum((x) => x.duplicated),
    unattempted: sum((x) => x.unattempted),
    refusedButWritten: sum((x) => x.refusedButWritten),
    unanswered: ops.reduce((s, c) => s + c.pending + c.untyped, 0),
    crashes,
    ready,
    ledgers: checks.ledgers,
    writes: checks.writes,
    withoutIdempotencyKey: w.withoutKey,
    sentWithoutKey: o.allWrites,
    unansweredExamples: w.unansweredExamples,
    longest: [...w.retried]
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, 8)
      .map(
        (x) =>
          `${x.op} (client ${x.client}${x.key ? `, key ${x.key}` : ''}) from ${x.atS.toFixed(1)} s, ${x.attempts.length} attempts over ` +
          `${(x.totalMs / 1000).toFixed(1)} s, ${x.outcome}: ` +
          x.attempts.map((a) => `${a.atS.toFixed(1)} s ${Math.round(a.ms)} ms ${a.codes.join(',') || 'OK'}`).join(' | ') +
          `; variables ${x.variables}`,
      ),
    ...(checkFailure ? { checkFailure } : {}),
  };
}

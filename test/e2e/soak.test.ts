import { createLogger } from '@nct/logger';
import { testToday } from '@nct/testing';
import { formatReport, missedTargets, SOAK_DEFAULTS, type SoakReport } from '../../scripts/src/soak-lib';
import { runSoak } from '../../scripts/src/soak-run';
import { GuardedSystem, startGuardedSystem } from './process-system';

// The 60-second version of `npm run soak` (docs/consistency.md section 5, docs/soak.md): the
// whole system in separate processes, as `npm start` runs it, on a small seed; eight clients
// doing mixed reads and writes with idempotency keys through the gateway; at 20 s the
// association subgraph is killed (SIGKILL) and started again 5 s later; at 40 s the database is
// paused (SIGSTOP) for 8 s, longer than the gateway's 5 s subgraph timeout, then resumed.
// Asserted: nothing lost, nothing duplicated, nothing written that was refused or never sent,
// every request answered with data or a typed error, the fund books balanced, no process down.
// Never timing: the figures are printed, not judged.

const PEOPLE = 2000;
const SECONDS = 60;
const TIMEOUT_MS = 5000;

describe('soak: load with a killed subgraph and a paused database', () => {
  let run: GuardedSystem | undefined;
  let report: SoakReport | undefined;

  beforeAll(async () => {
    run = await startGuardedSystem({
      name: 'soak',
      people: PEOPLE,
      seed: 1,
      env: {
        LOG_LEVEL: 'error',
        NCT_TODAY: testToday(),
        RATE_LIMIT_PER_MINUTE: '1000000',
        SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS),
      },
    });
  }, 240_000);

  afterAll(async () => {
    await run?.stop();
  }, 60_000);

  it('loses nothing, duplicates nothing, answers every request, and every process survives', async () => {
    const logger = createLogger('soak', 'warn');
    report = await runSoak(run!.system, {
      ...SOAK_DEFAULTS,
      people: PEOPLE,
      seconds: SECONDS,
      clients: 8,
      kill: 'association',
      downSeconds: 5,
      pauseSeconds: 8,
      graceSeconds: 60,
      issuerDir: run!.issuerDir,
      today: testToday(),
      log: (msg, extra) => logger.info(extra ?? {}, msg),
    });
    process.stdout.write(`${formatReport(report)}\n`);
    expect({
      lost: report.lost,
      duplicated: report.duplicated,
      unattempted: report.unattempted,
      refusedButWritten: report.refusedButWritten,
      unanswered: report.unanswered,
      crashes: report.crashes,
      ready: report.ready,
      unbalanced: report.ledgers.unbalanced,
      checkFailure: report.checkFailure ?? null,
    }).toEqual({
      lost: 0,
      duplicated: 0,
      unattempted: 0,
      refusedButWritten: 0,
      unanswered: 0,
      crashes: [],
      ready: 200,
      unbalanced: [],
      checkFailure: null,
    });
    // Something was written and checked, and both faults happened.
    expect(report.acknowledged).toBeGreaterThan(0);
    expect(report.faults.map((f) => f.what)).toEqual(
      expect.arrayContaining(['kill -9 association', 'association healthy again', 'SIGCONT database']),
    );
    expect(missedTargets(report)).toEqual([]);
  }, 300_000);
});

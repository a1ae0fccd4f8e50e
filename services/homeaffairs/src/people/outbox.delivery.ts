import { randomUUID } from 'node:crypto';
import { trusted } from '@nct/db';
import { AppError } from '@nct/errors';
import type { Logger } from '@nct/logger';
import { codeLabel, counter, type BackgroundTask, type GraphCaller } from '@nct/subgraph-kit';
import type { Models } from '../models';
import type { OutboxEntryDoc } from './outbox.model';
import { applyDeathMutation, DEATH_OUTCOMES, retryDelayMs, WARN_AFTER_FAILURES } from './outbox.rules';

/**
 * Delivery of the register's outbox (docs/consistency.md section 2): a pass claims the entries
 * that are due, one at a time with an atomic `findOneAndUpdate` that moves the entry's
 * `nextAttemptAt` to the end of a lease (so no other worker, in this process or another
 * replica, takes it meanwhile), calls `<subscriber>ApplyDeath` through the graph as
 * svc-homeaffairs (purpose REGISTER_MAINTENANCE), and settles it: DELIVERED with the
 * subscriber's receipt, or one more failure and the next try after a capped exponential
 * backoff (outbox.rules.ts). Entries are never dropped. Time comes from the injected `now`.
 */

/** What a delivery pass needs. */
export interface DeliveryDeps {
  models: Models;
  graph: GraphCaller;
  logger: Logger;
  /** The current instant (tests pass a clock they move). */
  now: () => Date;
  /** How long a claimed entry is kept from other workers: longer than one call through the graph. */
  leaseMs?: number;
  /** The most entries one pass sends (the rest waits for the next pass). */
  maxPerPass?: number;
  /** Calls in flight at once. */
  concurrency?: number;
}

export interface DeliveryReport {
  /** Entries claimed and sent in this pass. */
  attempted: number;
  delivered: number;
  failed: number;
}

export const DEFAULT_LEASE_MS = 60_000;
const DEFAULT_MAX_PER_PASS = 200;
const DEFAULT_CONCURRENCY = 4;

const deliveries = counter('nct_register_event_deliveries_total', 'Deliveries of register events to subscribers, by result', [
  'subscriber',
  'result',
]);
const overdue = counter(
  'nct_register_event_overdue_total',
  `Failed deliveries of register events that had already failed ${WARN_AFTER_FAILURES} times or more`,
  ['subscriber'],
);

type Claimed = Pick<OutboxEntryDoc, 'eventId' | 'subscriber' | 'citizenId' | 'attempts'>;

/** Claims the first due entry for `token`, or null when nothing is due. */
async function claim(deps: DeliveryDeps, token: string): Promise<Claimed | null> {
  const now = deps.now();
  const leaseEnd = new Date(now.getTime() + (deps.leaseMs ?? DEFAULT_LEASE_MS));
  return deps.models.Outbox.findOneAndUpdate(
    { state: 'PENDING', nextAttemptAt: trusted({ $lte: now }) },
    { $set: { nextAttemptAt: leaseEnd, claimToken: token } },
    { sort: { nextAttemptAt: 1 }, returnDocument: 'after', projection: { _id: 0, eventId: 1, subscriber: 1, citizenId: 1, attempts: 1 } },
  ).lean<Claimed>();
}

/** Calls the subscriber; resolves its receipt, or rejects with why it could not. */
async function send(deps: DeliveryDeps, entry: Claimed): Promise<string> {
  const field = `${entry.subscriber}ApplyDeath`;
  const data = await deps.graph.request<Record<string, { eventId?: unknown; outcome?: unknown } | null>>({
    query: applyDeathMutation(entry.subscriber),
    variables: { eventId: entry.eventId, citizenId: entry.citizenId },
    purpose: 'REGISTER_MAINTENANCE',
    what: { vi: `hệ thống ${entry.subscriber}`, en: `the ${entry.subscriber} subgraph` },
  });
  const receipt = data?.[field];
  const outcome = receipt?.outcome;
  if (receipt?.eventId !== entry.eventId || typeof outcome !== 'string' || !(DEATH_OUTCOMES as readonly string[]).includes(outcome)) {
    throw new Error('BAD_RECEIPT');
  }
  return outcome;
}

/** A failure as a code for the entry and the log (never the message: it may name the person). */
function failureCode(err: unknown): string {
  if (err instanceof AppError) {
    const reason = err.extensions.reason;
    return typeof reason === 'string' ? `${err.code}:${codeLabel(reason)}` : err.code;
  }
  return err instanceof Error && err.message === 'BAD_RECEIPT' ? 'BAD_RECEIPT' : 'ERROR';
}

/** Sends one claimed entry and settles it (only while this claim holds it). */
async function deliverOne(deps: DeliveryDeps, entry: Claimed, token: string): Promise<boolean> {
  const settle = (update: Record<string, unknown>) =>
    deps.models.Outbox.updateOne({ eventId: entry.eventId, claimToken: token }, update).then(() => undefined);
  try {
    const outcome = await send(deps, entry);
    await settle({ $set: { state: 'DELIVERED', outcome, deliveredAt: deps.now(), claimToken: null, lastError: null } });
    deliveries.inc({ subscriber: entry.subscriber, result: 'delivered' });
    return true;
  } catch (err) {
    const failures = entry.attempts + 1;
    const code = failureCode(err);
    const next = new Date(deps.now().getTime() + retryDelayMs(failures));
    await settle({ $set: { nextAttemptAt: next, claimToken: null, lastError: code }, $inc: { attempts: 1 } });
    deliveries.inc({ subscriber: entry.subscriber, result: 'failed' });
    const fields = { eventId: entry.eventId, subscriber: entry.subscriber, failures, error: code, nextAttemptAt: next.toISOString() };
    if (failures >= WARN_AFTER_FAILURES) {
      overdue.inc({ subscriber: entry.subscriber });
      deps.logger.warn(fields, 'register event still not delivered: the subscriber keeps failing (it stays due)');
    } else {
      deps.logger.info(fields, 'register event delivery failed; tried again later');
    }
    return false;
  }
}

/** One delivery pass: every due entry (up to `maxPerPass`), a few calls at a time. */
export async function deliverDueEvents(deps: DeliveryDeps): Promise<DeliveryReport> {
  const report: DeliveryReport = { attempted: 0, delivered: 0, failed: 0 };
  const max = deps.maxPerPass ?? DEFAULT_MAX_PER_PASS;
  const lane = async () => {
    while (report.attempted < max) {
      const token = randomUUID();
      const entry = await claim(deps, token);
      if (!entry) return;
      report.attempted++;
      if (await deliverOne(deps, entry, token)) report.delivered++;
      else report.failed++;
    }
  };
  await Promise.all(Array.from({ length: deps.concurrency ?? DEFAULT_CONCURRENCY }, lane));
  return report;
}

/**
 * The real instant, for the worker and the operators' pass of a running subgraph. The one read
 * of the wall clock in this service: the subgraph's `Clock` gives dates, a backoff needs
 * seconds; tests pass their own `now`.
 */
export const systemNow = (): Date => new Date();

/** OUTBOX_INTERVAL_MS: how often the worker runs a pass (default 5000; 0: no worker). */
export const DEFAULT_OUTBOX_INTERVAL_MS = 5_000;

export function outboxIntervalFromEnv(env: Record<string, string | undefined>): number {
  const raw = env.OUTBOX_INTERVAL_MS?.trim();
  if (!raw) return DEFAULT_OUTBOX_INTERVAL_MS;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0 || ms > 3_600_000)
    throw new Error(`OUTBOX_INTERVAL_MS must be a whole number of milliseconds 0-3600000 (0: no delivery worker), got "${raw}"`);
  return ms;
}

/**
 * The delivery worker of a running subgraph: a pass every `intervalMs` (the next one is
 * scheduled when a pass ends, so passes never overlap in one process); `stop()` waits for the
 * pass in flight. Null when `intervalMs` is 0.
 */
export function startOutboxWorker(deps: DeliveryDeps, intervalMs: number): BackgroundTask | null {
  if (intervalMs <= 0) return null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = deliverDueEvents(deps)
      .then((r) => {
        if (r.attempted > 0) deps.logger.info({ ...r }, 'register events delivery pass');
      })
      .catch((err: unknown) => deps.logger.warn({ error: failureCode(err) }, 'register events delivery pass failed (database?)'))
      .finally(() => {
        if (!stopped) schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

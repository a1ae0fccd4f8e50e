import { createHash } from 'node:crypto';
import type { SubgraphName } from '@nct/registry';
import { DUE_NOW, type OutboxEntryDoc } from './outbox.model';

/**
 * The register's outbox (docs/consistency.md section 2): who is told of a death, the id of each
 * event, and when a failed delivery is tried again.
 */

/** The agencies told of a death: each applies it through `<name>ApplyDeath` (social, health, association). */
export const DEATH_SUBSCRIBERS = ['social', 'health', 'association'] as const satisfies readonly SubgraphName[];

/**
 * The event id of a death for one subscriber: the same (citizen, date of death, subscriber)
 * always gives the same id, so a retried `recordDeath` cannot create a second event, and a
 * corrected date would be a new event. A hash: the id carries no personal data.
 */
export function deathEventId(citizenId: string, deathDate: string, subscriber: string): string {
  return `death-${createHash('sha256').update(`DEATH|${citizenId}|${deathDate}|${subscriber}`).digest('hex').slice(0, 32)}`;
}

/** The outbox entries of a death recorded today: one per subscriber, due at once. */
export function deathEntries(citizenId: string, deathDate: string, today: string): OutboxEntryDoc[] {
  return DEATH_SUBSCRIBERS.map((subscriber) => ({
    eventId: deathEventId(citizenId, deathDate, subscriber),
    type: 'DEATH',
    subscriber,
    citizenId,
    eventDate: deathDate,
    state: 'PENDING',
    attempts: 0,
    nextAttemptAt: DUE_NOW,
    claimToken: null,
    outcome: null,
    lastError: null,
    recordedOn: today,
    deliveredAt: null,
  }));
}

/** First retry after 5 s, then x3 each time (15 s, 45 s, 2 min 15 s ...), at most 15 min. */
export const FIRST_RETRY_MS = 5_000;
export const RETRY_FACTOR = 3;
export const MAX_RETRY_MS = 15 * 60_000;

/** How long after its `failures`-th failed delivery (1, 2, ...) an entry is tried again. */
export function retryDelayMs(failures: number): number {
  const n = Math.max(1, Math.floor(failures));
  // beyond 10 failures the cap applies anyway (and 3^n stays a safe number)
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * RETRY_FACTOR ** Math.min(n - 1, 10));
}

/** After this many failures an entry is reported (log warning, metric) at each further failure; it stays due. */
export const WARN_AFTER_FAILURES = 8;

/** The receipts a subscriber may answer with (its `ApplyDeath` outcome). */
export const DEATH_OUTCOMES = ['APPLIED', 'ALREADY_APPLIED', 'NOT_DECEASED'] as const;

/** The mutation that tells `subscriber` of a death (purpose REGISTER_MAINTENANCE). */
export function applyDeathMutation(subscriber: string): string {
  return `mutation RegisterDeathEvent($eventId: ID!, $citizenId: ID!) { ${subscriber}ApplyDeath(eventId: $eventId, citizenId: $citizenId) { eventId outcome } }`;
}

import { dayNumber } from './health.digest';

/**
 * Care follow-up facts (policy CARE_FOLLOW_UP): yes/no answers derived from a person's health
 * data, with no result, code or diagnosis. Both resolution paths (collections for small
 * batches, the digest for large ones) reduce a person to these facts and call these functions,
 * so they answer identically.
 */
export interface FollowUpFacts {
  checkYears: readonly number[];
  /** [validFrom, validTo] as day numbers (health.digest.ts `dayNumber`) */
  cards: ReadonlyArray<readonly [number, number]>;
  visitQuarters: readonly string[];
}

/**
 * A periodic check is due in `year` when none is recorded in that calendar year (Circular
 * 35/2011/TT-BYT: the elderly get a periodic check at least once a year).
 */
export function healthCheckDue(checkYears: readonly number[], year: number): boolean {
  return !checkYears.includes(year);
}

/** Whether one of the person's BHYT cards covers the ISO date (both ends inclusive, as printed). */
export function insuranceCardValidOn(cards: ReadonlyArray<readonly [number, number]>, date: string): boolean {
  const day = dayNumber(date);
  return cards.some(([validFrom, validTo]) => validFrom <= day && day <= validTo);
}

/** Whether the person had at least one home visit in the quarter ("2026-Q4"). */
export function homeVisitedIn(visitQuarters: readonly string[], quarter: string): boolean {
  return visitQuarters.includes(quarter);
}

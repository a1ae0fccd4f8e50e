import { quarterOf } from '@nct/dates';

/**
 * Care follow-up facts (policy CARE_FOLLOW_UP): yes/no answers derived from a person's health
 * data, with no result, code or diagnosis. The Person fields read the person's rows (one `$in`
 * query per collection per request batch) and call these functions; dates are ISO strings,
 * which compare in calendar order.
 */

/**
 * A periodic check is due in `year` when none is recorded in that calendar year (Circular
 * 35/2011/TT-BYT: the elderly get a periodic check at least once a year).
 */
export function healthCheckDue(checks: ReadonlyArray<{ date: string }>, year: number): boolean {
  const prefix = `${year}-`;
  return !checks.some((c) => c.date.startsWith(prefix));
}

/** Whether one of the person's BHYT cards covers the ISO date (both ends inclusive, as printed). */
export function insuranceCardValidOn(cards: ReadonlyArray<{ validFrom: string; validTo: string }>, date: string): boolean {
  return cards.some((c) => c.validFrom <= date && date <= c.validTo);
}

/** Whether the person had at least one home visit in the quarter ("2026-Q4"). */
export function homeVisitedIn(visits: ReadonlyArray<{ date: string }>, quarter: string): boolean {
  return visits.some((v) => quarterOf(v.date) === quarter);
}

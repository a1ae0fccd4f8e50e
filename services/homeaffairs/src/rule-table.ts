import { isIsoDate } from '@nct/dates';

/** A row of a dated rule table: in force from `effectiveFrom` until the next row, by `legalAct`. */
export interface DatedRule {
  effectiveFrom: string;
  legalAct: string;
}

/**
 * Checks a dated rule table at load: at least one row, real dates in strictly ascending
 * order, a legal act on every row, and `check` on each row (an empty list: fine).
 * Throws on the first problem, so a malformed table stops the service from starting.
 */
export function validateRuleTable<R extends DatedRule>(name: string, rows: readonly R[], check: (row: R) => string[] = () => []): readonly R[] {
  if (rows.length === 0) throw new Error(`rule table ${name}: no rows`);
  rows.forEach((row, i) => {
    if (!isIsoDate(row.effectiveFrom)) throw new Error(`rule table ${name}, row ${i}: effectiveFrom ${row.effectiveFrom} is not a date`);
    if (i > 0 && row.effectiveFrom <= rows[i - 1].effectiveFrom) throw new Error(`rule table ${name}, row ${i}: dates must be ascending`);
    if (typeof row.legalAct !== 'string' || row.legalAct.trim() === '') throw new Error(`rule table ${name}, row ${i}: legal act missing`);
    const problems = check(row);
    if (problems.length) throw new Error(`rule table ${name}, row ${i}: ${problems.join('; ')}`);
  });
  return rows;
}

/** The row in force on `date`, or null before the first row. */
export function ruleOn<R extends DatedRule>(rows: readonly R[], date: string): R | null {
  let found: R | null = null;
  for (const row of rows) if (row.effectiveFrom <= date) found = row;
  return found;
}

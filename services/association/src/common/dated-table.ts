import { isIsoDate } from '@nct/dates';

/** A row of a dated rule table: in force from `effectiveFrom` until the next row's date. */
export interface DatedRow {
  /** ISO date the row takes effect. */
  effectiveFrom: string;
  /** The legal act the figures come from. */
  legalAct: string;
}

/**
 * Checks a rule table when it is loaded: at least one row, ISO dates strictly increasing,
 * a legal act on every row, and whatever `checkRow` says about the figures. Throws on the
 * first malformed table, so a bad table stops the service at start-up, not at request time.
 */
export function validateTable<R extends DatedRow>(name: string, rows: readonly R[], checkRow: (row: R) => string | null): readonly R[] {
  if (rows.length === 0) throw new Error(`rule table ${name}: no rows`);
  rows.forEach((row, i) => {
    const where = `rule table ${name}, row ${i}`;
    if (!isIsoDate(row.effectiveFrom)) throw new Error(`${where}: effectiveFrom "${row.effectiveFrom}" is not an ISO date`);
    if (i > 0 && row.effectiveFrom <= rows[i - 1].effectiveFrom) throw new Error(`${where}: effectiveFrom must increase`);
    if (typeof row.legalAct !== 'string' || row.legalAct.trim().length === 0) throw new Error(`${where}: legalAct missing`);
    const problem = checkRow(row);
    if (problem) throw new Error(`${where}: ${problem}`);
  });
  return rows;
}

/** The row in force on `date`, or null before the first row. */
export function rowOn<R extends DatedRow>(rows: readonly R[], date: string): R | null {
  let found: R | null = null;
  for (const row of rows) if (row.effectiveFrom <= date) found = row;
  return found;
}

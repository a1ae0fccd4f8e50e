import { isIsoDate, monthOf } from '@nct/dates';

/**
 * Dated rule tables: every amount, coefficient and threshold this subgraph applies lives in
 * a row that says from when it applies and under which legal act. A row applies from its
 * `effectiveFrom` (always the 1st of a month: benefits are paid by the month) until the
 * next row's.
 */
export interface DatedRow {
  /** ISO date, the first day of a month. */
  effectiveFrom: string;
  /** The legal act (and article) that sets the row. */
  legalAct: string;
}

/** A month before the first row of a table: no rule applies, so nothing can be computed. */
export class NoRuleInForceError extends RangeError {
  constructor(table: string, month: string) {
    super(`${table}: no row in force for ${month}`);
    this.name = 'NoRuleInForceError';
  }
}

/**
 * Checks a table at load: non-empty, dates valid and first-of-month, strictly increasing,
 * a legal act on every row, plus the table's own row checks. Throws listing every problem.
 */
export function validateDatedTable<R extends DatedRow>(name: string, rows: readonly R[], rowProblems: (row: R) => string[]): readonly R[] {
  const problems: string[] = [];
  if (rows.length === 0) problems.push('the table is empty');
  rows.forEach((row, i) => {
    const at = `row ${i} (${String(row.effectiveFrom)})`;
    if (!isIsoDate(row.effectiveFrom) || !row.effectiveFrom.endsWith('-01')) problems.push(`${at}: effectiveFrom must be the first day of a month`);
    if (i > 0 && !(row.effectiveFrom > rows[i - 1].effectiveFrom)) problems.push(`${at}: effectiveFrom must be later than the previous row's`);
    if (typeof row.legalAct !== 'string' || row.legalAct.trim().length === 0) problems.push(`${at}: legalAct is missing`);
    for (const p of rowProblems(row)) problems.push(`${at}: ${p}`);
  });
  if (problems.length) throw new Error(`Invalid rule table "${name}": ${problems.join('; ')}`);
  return Object.freeze([...rows]);
}

/** The row in force in a month (`YYYY-MM`); throws NoRuleInForceError before the first row. */
export function rowInForce<R extends DatedRow>(name: string, rows: readonly R[], month: string): R {
  let found: R | undefined;
  for (const row of rows) if (monthOf(row.effectiveFrom) <= month) found = row;
  if (!found) throw new NoRuleInForceError(name, month);
  return found;
}

/** First month a table covers. */
export function firstMonthOf(rows: readonly DatedRow[]): string {
  return monthOf(rows[0].effectiveFrom);
}

export function isPositiveVnd(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 100_000_000;
}

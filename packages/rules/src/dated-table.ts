import { addDays, isIsoDate, isIsoMonth } from '@nct/dates';

/**
 * A row of a dated legal table: a value in force from `effectiveFrom`, set by `legalAct`
 * (document number and article). Without `effectiveTo` a row runs until the next row of the
 * same key takes over; tables declared with `ends: 'effectiveTo'` carry an explicit last day
 * (inclusive) on every row, `null` meaning "until further notice".
 */
export interface DatedRow {
  /** ISO date the row takes effect. */
  effectiveFrom: string;
  /** ISO date of the last day in force (inclusive); null: until further notice. */
  effectiveTo?: string | null;
  /** The legal act (document number, article) that sets the row. */
  legalAct: string;
}

export interface DatedTableOptions<T extends DatedRow> {
  /** Named in every load error and in NoRuleInForceError. */
  name: string;
  /** The table's own checks on one row's figures: problems (empty/null: fine). */
  check?: (row: T) => readonly string[] | string | null;
  /**
   * Tables holding several series (one per indicator, card group...): rows of different
   * keys are independent; periods must not overlap within a key. `name` is used in messages.
   */
  key?: { name: string; of: (row: T) => string };
  /**
   * How a row ends. 'next-row' (default): the day before the next row of its key begins
   * (`effectiveTo` must not be set). 'effectiveTo': on its own `effectiveTo` (inclusive; null:
   * open-ended), so a later row of the key while it is open overlaps it.
   */
  ends?: 'next-row' | 'effectiveTo';
  /** Rows must start on the first day of a month (monthly benefits). */
  firstOfMonth?: boolean;
  /** With `ends: 'effectiveTo'`: refuse a gap between consecutive rows of a key. */
  noGaps?: boolean;
}

/** Asked for a date before the first row (or outside every period): no rule applies. */
export class NoRuleInForceError extends RangeError {
  constructor(table: string, when: string) {
    super(`${table}: no row in force for ${when}`);
    this.name = 'NoRuleInForceError';
  }
}

const FAR = '9999-12-31';

/**
 * A validated, frozen dated table. It is an array of its rows in declaration order (so
 * `table[0]`, `filter`, spreading work as on the literal), plus lookups by date.
 * Build it with `datedTable(rows, options)`: a malformed table throws at module load,
 * naming the table and listing every problem, so a bad legal table stops the service
 * from starting instead of answering wrongly.
 */
export class DatedTable<T extends DatedRow> extends Array<T> {
  /** Derived arrays (map, filter...) are plain arrays, not tables. */
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  readonly tableName!: string;
  private readonly keyOf!: (row: T) => string;
  private readonly ends!: 'next-row' | 'effectiveTo';

  /** Use `datedTable()`; the constructor does not validate. */
  private constructor(rows: readonly T[], options: DatedTableOptions<T>) {
    super();
    this.push(...rows);
    Object.defineProperties(this, {
      tableName: { value: options.name },
      keyOf: { value: options.key?.of ?? (() => '') },
      ends: { value: options.ends ?? 'next-row' },
    });
    Object.freeze(this);
  }

  /** @internal */
  static build<T extends DatedRow>(rows: readonly T[], options: DatedTableOptions<T>): DatedTable<T> {
    return new DatedTable(rows, options);
  }

  /** The row in force on `date` (of series `key` in a keyed table), or null. */
  on(date: string, key = ''): T | null {
    let found: T | null = null;
    for (const row of this) {
      if (this.keyOf(row) !== key || row.effectiveFrom > date) continue;
      if (this.ends === 'effectiveTo') {
        if (date <= (row.effectiveTo ?? FAR)) found = row;
      } else found = row;
    }
    return found;
  }

  /** The row in force on `date`; throws NoRuleInForceError when there is none. */
  inForceOn(date: string, key = ''): T {
    const row = this.on(date, key);
    if (!row) throw new NoRuleInForceError(this.tableName, key ? `${key} on ${date}` : date);
    return row;
  }

  /** The row in force on the first day of `month` (YYYY-MM); throws NoRuleInForceError. */
  inMonth(month: string, key = ''): T {
    const row = this.on(`${month}-01`, key);
    if (!row) throw new NoRuleInForceError(this.tableName, key ? `${key} in ${month}` : month);
    return row;
  }

  /** Every row in force on `date`, one per key at most, in table order. */
  allOn(date: string): T[] {
    const keys = new Set(this.map((r) => this.keyOf(r)));
    const inForce = new Set([...keys].map((k) => this.on(date, k)).filter((r): r is T => r !== null));
    return this.filter((r) => inForce.has(r));
  }
}

/**
 * Validates `rows` and returns them as a frozen DatedTable. Checks: at least one row; every
 * `effectiveFrom` (and `effectiveTo`) a real ISO date; a legal act on every row; within a key,
 * rows in ascending order with no two periods overlapping (and no gaps with `noGaps`); plus
 * the table's own `check`. Throws one Error listing every problem, each line naming the table.
 * Given a table already built, re-runs the checks and returns that same table.
 */
export function datedTable<T extends DatedRow>(rows: readonly T[], options: DatedTableOptions<T>): DatedTable<T> {
  const problems = datedTableProblems(rows, options);
  if (problems.length) {
    throw new Error(`Invalid rule table "${options.name}":\n${problems.map((p) => `  rule table ${options.name}, ${p}`).join('\n')}`);
  }
  return rows instanceof DatedTable ? rows : DatedTable.build(rows, options);
}

/** Every problem of a table (empty: valid). Exported for tests and tools that list them all. */
export function datedTableProblems<T extends DatedRow>(rows: readonly T[], options: DatedTableOptions<T>): string[] {
  const problems: string[] = [];
  if (!Array.isArray(rows) || rows.length === 0) return ['the table has no rows'];
  const ends = options.ends ?? 'next-row';
  const keyName = options.key?.name;
  const lastOfKey = new Map<string, number>();
  rows.forEach((row, i) => {
    const at = `row ${i} (${String(row?.effectiveFrom)})`;
    const validFrom = isIsoDate(row.effectiveFrom);
    if (!validFrom) problems.push(`${at}: effectiveFrom is not an ISO date (YYYY-MM-DD)`);
    else if (options.firstOfMonth && !row.effectiveFrom.endsWith('-01'))
      problems.push(`${at}: effectiveFrom must be the first day of a month`);
    if (ends === 'next-row' && row.effectiveTo !== undefined)
      problems.push(`${at}: effectiveTo is not used in this table (a row runs until the next one)`);
    if (ends === 'effectiveTo') {
      if (row.effectiveTo === undefined) problems.push(`${at}: effectiveTo is missing (null: until further notice)`);
      else if (row.effectiveTo !== null && (!isIsoDate(row.effectiveTo) || (validFrom && row.effectiveTo < row.effectiveFrom))) {
        problems.push(`${at}: effectiveTo must be an ISO date on or after effectiveFrom`);
      }
    }
    if (typeof row.legalAct !== 'string' || row.legalAct.trim().length === 0) problems.push(`${at}: legalAct is missing`);
    const own = options.check?.(row);
    for (const p of typeof own === 'string' ? [own] : (own ?? [])) problems.push(`${at}: ${p}`);

    const key = options.key ? options.key.of(row) : '';
    const of = keyName ? ` of the same ${keyName} (${key})` : '';
    const j = lastOfKey.get(key);
    lastOfKey.set(key, i);
    if (j === undefined || !validFrom || !isIsoDate(rows[j].effectiveFrom)) return;
    const prev = rows[j];
    if (row.effectiveFrom <= prev.effectiveFrom) {
      problems.push(`${at}: must start after row ${j}${of} (${prev.effectiveFrom}): rows in ascending order, one per date`);
    } else if (
      ends === 'effectiveTo' &&
      (prev.effectiveTo === null || (isIsoDate(prev.effectiveTo) && prev.effectiveTo >= row.effectiveFrom))
    ) {
      problems.push(`${at}: overlaps row ${j}${of}, in force ${prev.effectiveFrom} to ${prev.effectiveTo ?? 'further notice'}`);
    } else if (
      ends === 'effectiveTo' &&
      options.noGaps &&
      isIsoDate(prev.effectiveTo) &&
      addDays(prev.effectiveTo, 1) !== row.effectiveFrom
    ) {
      problems.push(`${at}: gap after row ${j}${of}, which ends ${prev.effectiveTo}`);
    }
  });
  return problems;
}

/** The month (YYYY-MM) a table starts in. */
export function firstMonthOf(table: readonly DatedRow[]): string {
  const month = table[0].effectiveFrom.slice(0, 7);
  if (!isIsoMonth(month)) throw new RangeError(`not a dated table: ${table[0].effectiveFrom}`);
  return month;
}

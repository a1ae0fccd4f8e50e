import { suppressSmallCells } from '@nct/auth';
import { datedTable, type DatedTable, type Problem } from '@nct/rules';
import { healthCheckDue, insuranceCardValidOn } from '../dashboards/follow-up.rules';
import { COVERAGE_INDICATORS, COVERAGE_TARGET_ROWS, CoverageIndicator, CoverageTargetRow } from './rules/coverage-targets';

/**
 * Refuses a malformed target table at load: unknown indicator, percent, date, act, two rows of
 * an indicator on one date. One series per indicator; a row runs until the indicator's next.
 */
export function validateCoverageTargets(rows: readonly CoverageTargetRow[]): DatedTable<CoverageTargetRow> {
  return datedTable(rows, {
    name: 'coverage-targets',
    key: { name: 'indicator', of: (r) => r.indicator },
    check: (r) => [
      ...(COVERAGE_INDICATORS.includes(r.indicator) ? [] : ['unknown indicator']),
      ...(Number.isInteger(r.targetPercent) && r.targetPercent >= 0 && r.targetPercent <= 100 ? [] : ['targetPercent must be a whole percent 0-100']),
    ],
  });
}

export const COVERAGE_TARGETS = validateCoverageTargets(COVERAGE_TARGET_ROWS);

/** The target row that applies to a calendar year, or null before the first one. */
export function targetFor(indicator: CoverageIndicator, year: number, rows: DatedTable<CoverageTargetRow> = COVERAGE_TARGETS): CoverageTargetRow | null {
  return rows.on(`${String(year).padStart(4, '0')}-12-31`, indicator);
}

export const FIRST_COVERAGE_YEAR = 2015;

/** A coverage year: a whole year from 2015 to the current one. */
export function coverageYearProblems(year: number, currentYear: number): Problem[] {
  return Number.isInteger(year) && year >= FIRST_COVERAGE_YEAR && year <= currentYear
    ? []
    : [{ field: 'year', vi: `Năm phải từ ${FIRST_COVERAGE_YEAR} đến ${currentYear}`, en: `year must be ${FIRST_COVERAGE_YEAR} to ${currentYear}` }];
}

/** The date a year's figures are taken on: 31 December, or today for the current year. */
export function referenceDate(year: number, today: string): string {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

export interface IndicatorValue {
  indicator: CoverageIndicator;
  /** people counted; null when withheld (small cell) or the denominator is unknown */
  count: number | null;
  /** the denominator the share is taken of */
  denominator: number | null;
  /** count / denominator, 4 decimals; null when withheld or unknown */
  share: number | null;
  /** target in percent, null when none applies to the year */
  targetPercent: number | null;
  /** share >= target (computed on the exact counts); null without target or denominator */
  met: boolean | null;
  suppressed: boolean;
  legalAct: string | null;
}

/**
 * One indicator of a commune: `count` people out of `denominator`, against the year's target.
 * Small cells (PDP Law 91/2025; @nct/auth suppressSmallCells): the two cells "with" and
 * "without" are disclosed together, so when either holds 1-4 people both are withheld (count
 * and share null). `met` is still given: it says on which side of the target the commune is,
 * not how many people are on either side.
 */
export function indicatorValue(indicator: CoverageIndicator, count: number, denominator: number | null, year: number): IndicatorValue {
  const target = targetFor(indicator, year);
  const base = { indicator, targetPercent: target?.targetPercent ?? null, legalAct: target?.legalAct ?? null };
  if (denominator === null || !Number.isInteger(denominator) || denominator < 0) {
    return { ...base, count: null, denominator: null, share: null, met: null, suppressed: false };
  }
  const [withCell] = suppressSmallCells([
    { key: 'with', count },
    { key: 'without', count: Math.max(0, denominator - count) },
  ]);
  const met = target && denominator > 0 ? count * 100 >= target.targetPercent * denominator : null;
  const share = denominator > 0 && !withCell.suppressed ? Math.round((count / denominator) * 10_000) / 10_000 : null;
  return { ...base, count: withCell.count, denominator, share, met, suppressed: withCell.suppressed };
}

/**
 * An indicator of a province row (the sum of its communes), withheld as well when exactly one of
 * its communes' cells of that indicator is withheld (`count` null: a small cell, or a withheld
 * denominator): the province total minus the communes shown would give that cell back. With two
 * or more withheld, only their sum could be recovered, which the communes' own rule covers.
 */
export function provinceIndicatorValue(
  indicator: CoverageIndicator,
  count: number,
  denominator: number | null,
  year: number,
  communes: readonly IndicatorValue[],
): IndicatorValue {
  const value = indicatorValue(indicator, count, denominator, year);
  const withheld = communes.filter((c) => c.count === null).length;
  if (withheld !== 1 || value.count === null) return value;
  return { ...value, count: null, share: null, suppressed: true };
}

export interface CommuneCoverageCounts {
  withRecord: number;
  checkedInYear: number;
  validCard: number;
  withChronic: number;
  chronicAllManaged: number;
}

/** What coverage needs of one person whose record a commune keeps (the tallies, coverage.tallies.ts, count the same). */
export interface CoveragePerson {
  /** the day the health record was opened */
  openedOn: string;
  /** dates of the person's periodic checks */
  checks: ReadonlyArray<{ date: string }>;
  /** the person's BHYT card periods */
  cards: ReadonlyArray<{ validFrom: string; validTo: string }>;
  /** one entry per tracked chronic condition recorded: whether it is under management */
  conditionsManaged: readonly boolean[];
}

/**
 * Counts of one commune's people (those whose record it keeps) for a year, as of its reference
 * date: a record opened on or before it; a periodic check dated in the year; a card valid on
 * it; and, among the people with a tracked chronic condition, those whose conditions are all
 * under management.
 */
export function coverageCounts(people: readonly CoveragePerson[], year: number, onDate: string): CommuneCoverageCounts {
  const out: CommuneCoverageCounts = { withRecord: 0, checkedInYear: 0, validCard: 0, withChronic: 0, chronicAllManaged: 0 };
  for (const p of people) {
    if (p.openedOn <= onDate) out.withRecord++;
    if (!healthCheckDue(p.checks, year)) out.checkedInYear++;
    if (insuranceCardValidOn(p.cards, onDate)) out.validCard++;
    if (p.conditionsManaged.length > 0) {
      out.withChronic++;
      if (p.conditionsManaged.every(Boolean)) out.chronicAllManaged++;
    }
  }
  return out;
}

import {
  CoveragePerson,
  coverageCounts,
  coverageYearProblems,
  indicatorValue,
  provinceIndicatorValue,
  referenceDate,
  targetFor,
  validateCoverageTargets,
} from './coverage.rules';
import { COVERAGE_TARGET_ROWS } from './rules/coverage-targets';

// Decision 1579/QĐ-TTg (2020): annual check >= 70%; health record 95% (2025) -> 100% (2030).
// Decision 1948/QĐ-TTg (2021): BHYT 95% (2025) -> 100% (2030).
describe('coverage targets by year', () => {
  it.each([
    ['ANNUAL_CHECK', 2020, null],
    ['ANNUAL_CHECK', 2021, 70],
    ['ANNUAL_CHECK', 2030, 70],
    ['HEALTH_RECORD', 2024, null],
    ['HEALTH_RECORD', 2025, 95],
    ['HEALTH_RECORD', 2029, 95],
    ['HEALTH_RECORD', 2030, 100],
    ['INSURANCE_CARD', 2026, 95],
    ['INSURANCE_CARD', 2031, 100],
    ['CHRONIC_MANAGEMENT', 2026, 70],
  ] as const)('%s in %i -> %j', (indicator, year, target) => {
    expect(targetFor(indicator, year)?.targetPercent ?? null).toBe(target);
  });

  it.each([
    [{ targetPercent: 101 }],
    [{ targetPercent: 70.5 }],
    [{ indicator: 'OTHER' as 'ANNUAL_CHECK' }],
    [{ effectiveFrom: '2025' }],
    [{ legalAct: '' }],
  ])('refuses a malformed row %j', (change) => {
    expect(() => validateCoverageTargets([{ ...COVERAGE_TARGET_ROWS[0], ...change }])).toThrow();
  });

  it('refuses two rows for the same indicator and date', () => {
    expect(() => validateCoverageTargets([COVERAGE_TARGET_ROWS[0], { ...COVERAGE_TARGET_ROWS[0], targetPercent: 80 }])).toThrow(/same indicator/);
  });
});

describe('an indicator against its target, at the boundaries', () => {
  it.each([
    // exactly 70% of 100 meets the 70% check target; 69 does not
    ['ANNUAL_CHECK', 70, 100, true, 0.7],
    ['ANNUAL_CHECK', 69, 100, false, 0.69],
    // 21 of 30 is exactly 70%
    ['ANNUAL_CHECK', 21, 30, true, 0.7],
    // exactly 95% meets the 2026 record and card targets; one person fewer does not
    ['HEALTH_RECORD', 95, 100, true, 0.95],
    ['HEALTH_RECORD', 94, 100, false, 0.94],
    ['INSURANCE_CARD', 190, 200, true, 0.95],
    ['INSURANCE_CARD', 189, 200, false, 0.945],
    // 133 of 140 = 95% exactly (integer comparison, no floating-point rounding)
    ['INSURANCE_CARD', 133, 140, true, 0.95],
  ] as const)('%s %i of %i -> met %s, share %f', (indicator, count, denominator, met, share) => {
    expect(indicatorValue(indicator, count, denominator, 2026)).toMatchObject({ count, denominator, met, share, suppressed: false, targetPercent: indicator === 'ANNUAL_CHECK' ? 70 : 95 });
  });

  it('meets 100% (2030) only when everyone is covered', () => {
    expect(indicatorValue('HEALTH_RECORD', 200, 200, 2030).met).toBe(true);
    expect(indicatorValue('HEALTH_RECORD', 199, 200, 2030).met).toBe(false);
  });

  it('withholds small cells on either side (1-4 people), but still says on which side of the target', () => {
    expect(indicatorValue('ANNUAL_CHECK', 3, 100, 2026)).toMatchObject({ count: null, share: null, suppressed: true, met: false });
    // 97 with, 3 without: the 3 could be recovered from the total, so the 97 is withheld too
    expect(indicatorValue('HEALTH_RECORD', 97, 100, 2026)).toMatchObject({ count: null, share: null, suppressed: true, met: true });
    expect(indicatorValue('HEALTH_RECORD', 100, 100, 2026)).toMatchObject({ count: 100, share: 1, suppressed: false });
    expect(indicatorValue('HEALTH_RECORD', 0, 100, 2026)).toMatchObject({ count: 0, share: 0, suppressed: false, met: false });
  });

  it('gives no count, share or verdict when the denominator is withheld (null)', () => {
    expect(indicatorValue('HEALTH_RECORD', 40, null, 2026)).toMatchObject({ count: null, share: null, met: null, denominator: null, targetPercent: 95 });
  });

  it('gives no verdict without a target or with an empty commune', () => {
    expect(indicatorValue('HEALTH_RECORD', 40, 50, 2024)).toMatchObject({ met: null, targetPercent: null, count: 40 });
    expect(indicatorValue('HEALTH_RECORD', 0, 0, 2026)).toMatchObject({ met: null, share: null });
  });
});

describe('coverage counts of a commune', () => {
  const person = (over: Partial<CoveragePerson>): CoveragePerson => ({ openedOn: '2020-01-01', checks: [], cards: [], conditionsManaged: [], ...over });
  const card = (validFrom: string, validTo: string) => ({ validFrom, validTo });
  it('counts records opened by the reference date, checks in the year, cards valid on it, managed conditions', () => {
    const people = [
      person({ checks: [{ date: '2025-05-01' }, { date: '2026-02-01' }], cards: [card('2026-01-01', '2026-12-31')], conditionsManaged: [true, true] }),
      person({ openedOn: '2026-06-01', checks: [{ date: '2025-12-31' }], cards: [card('2025-01-01', '2025-12-31')], conditionsManaged: [false] }),
      person({ openedOn: '2026-03-10', checks: [{ date: '2026-01-01' }], conditionsManaged: [true, false] }),
    ];
    expect(coverageCounts(people, 2026, '2026-03-10')).toEqual({ withRecord: 2, checkedInYear: 2, validCard: 1, withChronic: 3, chronicAllManaged: 1 });
    expect(coverageCounts(people, 2025, '2025-12-31')).toEqual({ withRecord: 1, checkedInYear: 2, validCard: 1, withChronic: 3, chronicAllManaged: 1 });
  });

  it('counts a leap-day reference date (29 February) on both ends of a card', () => {
    const people = [person({ cards: [card('2028-02-29', '2029-02-28')] }), person({ cards: [card('2027-03-01', '2028-02-29')] }), person({ cards: [card('2027-03-01', '2028-02-28')] })];
    expect(coverageCounts(people, 2028, '2028-02-29').validCard).toBe(2);
  });

  it('takes a past year on 31 December and the current year today', () => {
    expect(referenceDate(2025, '2026-03-10')).toBe('2025-12-31');
    expect(referenceDate(2026, '2026-03-10')).toBe('2026-03-10');
  });

  it.each([2014, 2027, 2026.5, Number.NaN])('refuses year %p', (year) => {
    expect(coverageYearProblems(year, 2026)).toHaveLength(1);
  });
});

describe('province row: complementary withholding against its communes', () => {
  // communes as [count, denominator]; a null denominator is a withheld elderly count
  const communes = (...cells: Array<[number, number | null]>) => cells.map(([c, d]) => indicatorValue('HEALTH_RECORD', c, d, 2026));
  it.each([
    ['no commune withheld: shown', [[50, 60], [40, 50]], false],
    ['one commune withheld (small "without" cell): withheld', [[50, 60], [40, 43]], true],
    ['one commune withheld (small "with" cell): withheld', [[50, 60], [3, 43]], true],
    ['one commune with a withheld denominator: withheld', [[50, 60], [40, null]], true],
    ['two communes withheld: shown (only their sum is recoverable)', [[50, 60], [40, 43], [2, 30]], false],
  ] as Array<[string, Array<[number, number | null]>, boolean]>)('%s', (_, cells, withheld) => {
    const count = cells.reduce((n, [c]) => n + c, 0);
    const v = provinceIndicatorValue('HEALTH_RECORD', count, 200, 2026, communes(...cells));
    expect(v.suppressed).toBe(withheld);
    expect(v.count).toBe(withheld ? null : count);
    expect(v.share === null).toBe(withheld);
    expect(v.met).toBe(count * 100 >= 95 * 200); // met is still given
  });
  it('a province cell small on its own is withheld by the usual rule', () => {
    expect(provinceIndicatorValue('HEALTH_RECORD', 198, 200, 2026, communes([100, 100], [98, 100]))).toMatchObject({ count: null, suppressed: true });
  });
});

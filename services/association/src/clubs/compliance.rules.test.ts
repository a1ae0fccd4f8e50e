import { clubCompliance, ComplianceActivity, ComplianceFundEntry, ComplianceLoan, ComplianceMember, periodStart } from './compliance.rules';
import {
  ACTIVITY_AREAS,
  COVERAGE_TARGETS,
  CoverageTargetRow,
  OPERATION_TARGETS,
  OperationTargetRow,
  coverageTargetsOn,
  validateCoverageTargets,
  validateOperationTargets,
} from './rules/operation-targets';
import { clubCoverage } from '../units/units.rules';

const AS_OF = '2026-11-01';
const FULL_AREAS: ComplianceActivity[] = ACTIVITY_AREAS.map((area) => ({ area, date: '2026-06-01' }));
const BOTH_FUNDS: ComplianceFundEntry[] = [
  { fund: 'INCOME_GENERATION', date: '2024-01-01' },
  { fund: 'ACTIVITY', date: '2024-01-01' },
];

/** `total` members: the first `women` women, the first `elderly` elderly (born 1950), the rest younger (born 1990); the first `priority` priority. */
function members(total: number, women: number, elderly: number, priority = 1): ComplianceMember[] {
  return Array.from({ length: total }, (_, i) => ({
    citizenId: String(100000000000 + i),
    birthDate: i < elderly ? '1950-01-01' : '1990-01-01',
    sex: i < women ? 'FEMALE' : 'MALE',
    priority: i < priority,
    joinedOn: '2022-01-01',
  }));
}
const loansFor = (ms: ComplianceMember[], n: number, date = '2026-05-01'): ComplianceLoan[] =>
  ms.slice(0, n).map((m) => ({ citizenId: m.citizenId, date, status: 'REPAID' }));
const check = (r: ReturnType<typeof clubCompliance>, target: string) => r.checks.find((c) => c.target === target)!;

describe('club compliance (Decision 1336/QĐ-TTg: 50-70 members, 60-70% women and elderly, 30-40% younger, priority members, >= 50% borrowing, both funds, eight areas)', () => {
  it('a club exactly on every lower bound meets every target', () => {
    const ms = members(50, 30, 30);
    const r = clubCompliance(AS_OF, ms, loansFor(ms, 25), FULL_AREAS, BOTH_FUNDS);
    expect(r.checks.map((c) => [c.target, c.actual, c.met])).toEqual([
      ['MEMBERS', 50, true],
      ['WOMEN', 60, true],
      ['ELDERLY', 60, true],
      ['YOUNG', 40, true],
      ['PRIORITY_MEMBERS', 1, true],
      ['LOAN_SHARE', 50, true],
      ['INCOME_GENERATION_FUND', 1, true],
      ['ACTIVITY_FUND', 1, true],
      ['ALL_ACTIVITY_AREAS', 8, true],
    ]);
    expect([r.compositionMet, r.operationMet, r.met, r.periodFrom]).toEqual([true, true, true, '2025-11-02']);
  });

  it.each([
    // total, women, elderly, target, met
    [50, 30, 30, 'MEMBERS', true],
    [49, 30, 30, 'MEMBERS', false],
    [70, 42, 42, 'MEMBERS', true],
    [71, 43, 43, 'MEMBERS', false],
    [50, 30, 30, 'WOMEN', true], // exactly 60%
    [50, 29, 30, 'WOMEN', false], // 58%
    [50, 35, 30, 'WOMEN', true], // exactly 70%
    [50, 36, 30, 'WOMEN', false],
    [70, 42, 42, 'ELDERLY', true], // exactly 60%
    [70, 42, 41, 'ELDERLY', false],
    [70, 42, 49, 'ELDERLY', true], // exactly 70%
    [70, 42, 50, 'ELDERLY', false],
    [50, 30, 35, 'YOUNG', true], // 30% younger
    [50, 30, 36, 'YOUNG', false], // 28%
    [50, 30, 29, 'YOUNG', false], // 42%
  ] as const)('%i members, %i women, %i elderly: %s met = %s', (total, women, elderly, target, met) => {
    const ms = members(total, women, elderly);
    expect(check(clubCompliance(AS_OF, ms, loansFor(ms, total), FULL_AREAS, BOTH_FUNDS), target).met).toBe(met);
  });

  it.each([
    // borrowers, members, met
    [25, 50, true],
    [24, 50, false],
    [35, 70, true],
    [34, 69, false], // 49.28%
    [499, 1000, false], // 49.9%
    [500, 1000, true],
  ])('%i of %i members borrowing -> loan target met = %s', (n, total, met) => {
    const ms = members(total, Math.round(total * 0.6), Math.round(total * 0.6));
    const r = clubCompliance(AS_OF, ms, loansFor(ms, n), FULL_AREAS, BOTH_FUNDS);
    expect(check(r, 'LOAN_SHARE').met).toBe(met);
    expect(check(r, 'LOAN_SHARE').count).toBe(n);
  });

  it("counts a loan in the period, or an older loan still outstanding; not an old repaid one, nor a non-member's", () => {
    const ms = members(50, 30, 30);
    const loans: ComplianceLoan[] = [
      { citizenId: ms[0].citizenId, date: '2025-11-02', status: 'REPAID' }, // first day of the period
      { citizenId: ms[1].citizenId, date: '2025-11-01', status: 'REPAID' }, // the day before
      { citizenId: ms[2].citizenId, date: '2024-01-01', status: 'OUTSTANDING' },
      { citizenId: ms[3].citizenId, date: '2026-11-02', status: 'OUTSTANDING' }, // after asOf
      { citizenId: '999999999999', date: '2026-01-01', status: 'OUTSTANDING' },
      { citizenId: ms[0].citizenId, date: '2026-02-01', status: 'OUTSTANDING' }, // a second loan: one borrower
    ];
    expect(check(clubCompliance(AS_OF, ms, loans, FULL_AREAS, BOTH_FUNDS), 'LOAN_SHARE').count).toBe(2);
  });

  it('recomputes elderly from the birth date on asOf (a member turning 60 moves group), and a woman counts in two groups', () => {
    const ms = members(50, 30, 30).map((m, i) => (i === 30 ? { ...m, birthDate: '1966-11-01' } : m));
    expect(check(clubCompliance('2026-10-31', ms, [], FULL_AREAS, BOTH_FUNDS), 'ELDERLY').count).toBe(30);
    expect(check(clubCompliance('2026-11-01', ms, [], FULL_AREAS, BOTH_FUNDS), 'ELDERLY').count).toBe(31);
    // the first 30 are both women and elderly
    const r = clubCompliance(AS_OF, ms, [], FULL_AREAS, BOTH_FUNDS);
    expect([check(r, 'WOMEN').count, check(r, 'ELDERLY').count + check(r, 'YOUNG').count]).toEqual([30, 50]);
  });

  it('names the missing areas and funds, counts only members who joined by asOf and activities in the period', () => {
    const ms = [...members(50, 30, 30), { ...members(1, 1, 1)[0], citizenId: '200000000000', joinedOn: '2026-12-01' }];
    const r = clubCompliance(
      AS_OF,
      ms,
      [],
      [...FULL_AREAS.slice(2), { area: 'INCOME_GENERATION', date: '2025-11-01' }],
      [
        { fund: 'INCOME_GENERATION', date: '2020-01-01' },
        { fund: 'ACTIVITY', date: '2026-11-02' },
      ],
    );
    expect(r.members).toBe(50);
    expect(r.missingAreas).toEqual(['INCOME_GENERATION', 'HEALTH_CARE']);
    expect([check(r, 'INCOME_GENERATION_FUND').met, check(r, 'ACTIVITY_FUND').met, check(r, 'ALL_ACTIVITY_AREAS').actual]).toEqual([
      true,
      false,
      6,
    ]);
    expect(r.operationMet).toBe(false);
  });

  it.each([
    // a member who died (membership ended on the date of death): counted before, not from that day
    ['2026-10-31', 51],
    ['2026-11-01', 50],
  ])('counts a member whose membership ended (death) only before its end: on %s, %i members', (asOf, count) => {
    const ms = [...members(50, 30, 30), { ...members(1, 1, 1)[0], citizenId: '200000000001', endedOn: '2026-11-01' }];
    expect(clubCompliance(asOf, ms, [], FULL_AREAS, BOTH_FUNDS).members).toBe(count);
  });

  it('an empty club meets nothing and has no priority members', () => {
    const r = clubCompliance(AS_OF, [], [], [], []);
    expect(r.checks.filter((c) => c.met).map((c) => c.target)).toEqual([]);
  });

  it.each([
    ['2026-11-01', '2025-11-02'],
    ['2024-02-29', '2023-03-01'], // 28 Feb 2023 + 1
    ['2026-01-31', '2025-02-01'],
  ])('the 12-month period ending %s starts %s', (asOf, from) => expect(periodStart(asOf, 12)).toBe(from));
});

describe('club coverage (Decision 1336 provincial plans to 2025; Decision 1648/QĐ-TTg to 2035)', () => {
  const communes = (lowWith: number, lowWithout: number, mtWith: number, mtWithout: number, clubs = 1) => [
    ...Array.from({ length: lowWith }, (_, i) => ({ code: `1${String(i).padStart(4, '0')}`, mountainous: false, clubs })),
    ...Array.from({ length: lowWithout }, (_, i) => ({ code: `2${String(i).padStart(4, '0')}`, mountainous: false, clubs: 0 })),
    ...Array.from({ length: mtWith }, (_, i) => ({ code: `3${String(i).padStart(4, '0')}`, mountainous: true, clubs })),
    ...Array.from({ length: mtWithout }, (_, i) => ({ code: `4${String(i).padStart(4, '0')}`, mountainous: true, clubs: 0 })),
  ];
  const to2025 = coverageTargetsOn('2025-06-30') as CoverageTargetRow;
  const to2035 = coverageTargetsOn('2026-11-01') as CoverageTargetRow;

  it.each([
    [9, 1, 0, 0, true], // exactly 90%
    [8, 1, 0, 1, false], // 80%
  ])('to 2025: %i+%i lowland, %i+%i mountain -> met %s', (a, b, c, d, met) => {
    const r = clubCoverage(communes(a, b, c, d), to2025);
    expect(r.all.met).toBe(met);
    expect([r.lowland.met, r.mountain.met]).toEqual([null, null]);
  });

  it.each([
    [10, 0, 7, 3, 1, true], // all lowland, exactly 70% mountain
    [9, 1, 10, 0, 1, false], // a lowland commune without a club
    [10, 0, 6, 4, 1, false], // 60% mountain
    [10, 0, 10, 0, 4, false], // 4 clubs: outside 1-3
  ])('to 2035: %i+%i lowland, %i+%i mountain, %i clubs each -> met %s', (a, b, c, d, clubs, met) => {
    const r = clubCoverage(communes(a, b, c, d, clubs), to2035);
    expect(r.met).toBe(met);
    expect(r.communesWithoutClub.length).toBe(b + d);
  });

  it('refuses malformed target tables', () => {
    expect(validateOperationTargets(OPERATION_TARGETS)).toBe(OPERATION_TARGETS);
    expect(validateCoverageTargets(COVERAGE_TARGETS)).toBe(COVERAGE_TARGETS);
    expect(() => validateOperationTargets([{ ...OPERATION_TARGETS[0], loanShareMinPercent: 120 }])).toThrow(/operation-targets/);
    expect(() =>
      validateOperationTargets([{ ...OPERATION_TARGETS[0], requiredAreas: ['DANCING'] } as unknown as OperationTargetRow]),
    ).toThrow(/requiredAreas/);
    expect(() => validateCoverageTargets([{ ...COVERAGE_TARGETS[1], lowlandSharePercent: null }])).toThrow(/coverage-targets/);
    expect(() => validateCoverageTargets([{ ...COVERAGE_TARGETS[1], clubsPerCommune: { min: 3, max: 1 } }])).toThrow(/clubsPerCommune/);
  });
});

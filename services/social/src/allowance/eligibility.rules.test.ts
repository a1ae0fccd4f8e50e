import { evaluateEligibility, monthReaching, type EligibilityFacts } from './eligibility.rules';
import { checkEligibilityTable, ELIGIBILITY_TABLE } from './rules/eligibility';
import { checkSocialPensionEligibilityTable, SOCIAL_PENSION_ELIGIBILITY_TABLE } from '../pension/rules/social-pension-eligibility';
import type { PensionKind, PensionPeriod } from '../records/social-record.model';
import type { DisadvantagedSpell, ResidencePeriod } from '../register/residence.rules';

// Especially disadvantaged communes / villages of ethnic-minority and mountain areas 2021-2025:
// Decision 861/QĐ-TTg (communes), Decision 612/QĐ-UBDT (villages).
const spell = (from: string, to: string | null = null, level = 'COMMUNE', legalAct = 'Quyết định 861/QĐ-TTg'): DisadvantagedSpell => ({
  from,
  to,
  level,
  legalAct,
});
const home = (
  disadvantaged: DisadvantagedSpell[] = [],
  from = '1990-01-01',
  to: string | null = null,
  communeCode = '03199',
): ResidencePeriod => ({
  communeCode,
  villageCode: null,
  from,
  to,
  disadvantaged,
});
const DISADVANTAGED = [home([spell('2021-06-04')])];
const NOT_DISADVANTAGED = [home()];
const pension = (kind: PensionKind, monthlyAmount: number | null, from = '2010-01-01', to: string | null = null): PensionPeriod => ({
  kind,
  monthlyAmount,
  from,
  to,
});

/**
 * Decree 20/2021/NĐ-CP Art. 5.5 (elderly groups a-d), Art. 5.6 (disability), Art. 6.1
 * (coefficients), Art. 8 (paid from the month the condition is met); Decree 76/2024 (base
 * 360,000 -> 500,000 VND from 2024-07-01); Social Insurance Law 2024 Art. 21-22 and Decree
 * 176/2025 (social pension 500,000 VND from 2025-07-01: 75+ without pension, or 70-74 in a poor
 * / near-poor household); "only the highest entitlement is paid".
 */
const base: EligibilityFacts = {
  birthDate: '1950-01-01',
  deathDate: null,
  residenceHistory: NOT_DISADVANTAGED,
  poverty: [],
  pensions: [],
  disability: 'NONE',
  noSupporter: false,
  careFacilityEligible: false,
  otherMonthlyAllowance: false,
};
const poor = (status: 'POOR' | 'NEAR_POOR', ...years: number[]) => years.map((year) => ({ year, status }));
const f = (over: Partial<EligibilityFacts>): EligibilityFacts => ({ ...base, ...over });

describe('the eligibility engine: chosen entitlement, coefficient, amount, start month', () => {
  it.each([
    // label, facts, asOf, chosen, coefficient, amount, startMonth
    [
      '5a at 79: 1.5 x 500,000',
      f({ birthDate: '1945-12-01', poverty: poor('POOR', 2025), noSupporter: true }),
      '2025-06-15',
      'A5A',
      1.5,
      750_000,
      '2025-01',
    ],
    [
      '5a the month they turn 80: 2.0',
      f({ birthDate: '1945-06-20', poverty: poor('POOR', 2025), noSupporter: true }),
      '2025-06-01',
      'A5A',
      2.0,
      1_000_000,
      '2025-01',
    ],
    [
      '5a before the base change (2024-06): 1.5 x 360,000',
      f({ birthDate: '1954-01-01', poverty: poor('POOR', 2023, 2024), noSupporter: true }),
      '2024-06-30',
      'A5A',
      1.5,
      540_000,
      '2023-01',
    ],
    [
      '5a after the base change (2024-07): 1.5 x 500,000',
      f({ birthDate: '1954-01-01', poverty: poor('POOR', 2023, 2024), noSupporter: true }),
      '2024-07-01',
      'A5A',
      1.5,
      750_000,
      '2023-01',
    ],
    [
      '5b the month they turn 75',
      f({ birthDate: '1950-03-15', poverty: poor('NEAR_POOR', 2025), residenceHistory: DISADVANTAGED }),
      '2025-03-01',
      'A5B',
      1.0,
      500_000,
      '2025-03',
    ],
    [
      '5c the month they turn 80 (before the social pension exists)',
      f({ birthDate: '1945-05-31' }),
      '2025-05-02',
      'A5C',
      1.0,
      500_000,
      '2025-05',
    ],
    ['5c since the decree for someone long over 80', f({ birthDate: '1930-02-02' }), '2023-01-10', 'A5C', 1.0, 360_000, '2021-07'],
    [
      '5d: 3.0 beats 5a (two entitlements at once)',
      f({ birthDate: '1955-01-01', poverty: poor('POOR', 2025), noSupporter: true, careFacilityEligible: true }),
      '2025-02-01',
      'A5D',
      3.0,
      1_500_000,
      '2025-01',
    ],
    ['severe disability: 2.0', f({ disability: 'SEVERE' }), '2025-01-01', 'DISABILITY_SEVERE', 2.0, 1_000_000, '2021-07'],
    [
      'very severe disability: 2.5 x 360,000',
      f({ disability: 'VERY_SEVERE' }),
      '2024-06-01',
      'DISABILITY_VERY_SEVERE',
      2.5,
      900_000,
      '2021-07',
    ],
    [
      'very severe disability (2.5) beats 5a (1.5)',
      f({ disability: 'VERY_SEVERE', poverty: poor('POOR', 2025), noSupporter: true }),
      '2025-01-01',
      'DISABILITY_VERY_SEVERE',
      2.5,
      1_250_000,
      '2021-07',
    ],
    [
      'social pension from 2025-07 for 75+ without pension',
      f({ birthDate: '1948-01-01', otherMonthlyAllowance: true }),
      '2025-07-01',
      'SOCIAL_PENSION',
      null,
      500_000,
      '2025-07',
    ],
    [
      'social pension for 70-74 near-poor',
      f({ birthDate: '1953-04-10', poverty: poor('NEAR_POOR', 2026) }),
      '2026-03-01',
      'SOCIAL_PENSION',
      null,
      500_000,
      '2026-01',
    ],
    [
      '5c and the social pension pay the same: the tie-break prefers the social pension',
      f({ birthDate: '1940-01-01' }),
      '2025-07-01',
      'SOCIAL_PENSION',
      null,
      500_000,
      '2025-07',
    ],
    [
      '5a 2.0 (1,000,000) beats the social pension (500,000)',
      f({ birthDate: '1940-01-01', poverty: poor('POOR', 2025), noSupporter: true }),
      '2025-08-01',
      'A5A',
      2.0,
      1_000_000,
      '2025-01',
    ],
    [
      'died mid-month: the month of death is still paid',
      f({ birthDate: '1940-01-01', deathDate: '2025-03-15' }),
      '2025-03-20',
      'A5C',
      1.0,
      500_000,
      '2021-07',
    ],
  ] as const)('%s', (_label, facts, asOf, chosen, coefficient, amount, startMonth) => {
    const e = evaluateEligibility(facts, asOf);
    expect(e).toMatchObject({ eligible: true, chosen, coefficient, monthlyAmount: amount, startMonth });
    expect(e.group).toBe(chosen === 'SOCIAL_PENSION' ? null : chosen);
    expect(e.reasons.length).toBeGreaterThan(0);
    for (const r of e.reasons) expect(r.vi && r.en).toBeTruthy();
  });

  it.each([
    [
      '5b one month before turning 75',
      f({ birthDate: '1950-03-15', poverty: poor('POOR', 2025), residenceHistory: DISADVANTAGED }),
      '2025-02-28',
      'A5B',
      /Not aged 75-79/,
    ],
    [
      '5b outside a disadvantaged commune',
      f({ birthDate: '1949-01-01', poverty: poor('POOR', 2025), residenceHistory: NOT_DISADVANTAGED }),
      '2025-02-01',
      'A5B',
      /is not an especially disadvantaged/,
    ],
    [
      '5b when the commune is unknown',
      f({ birthDate: '1949-01-01', poverty: poor('POOR', 2025), residenceHistory: null }),
      '2025-02-01',
      'A5B',
      /Unknown residence/,
    ],
    [
      '5b at 80',
      f({ birthDate: '1945-01-01', poverty: poor('POOR', 2025), residenceHistory: DISADVANTAGED }),
      '2025-02-01',
      'A5B',
      /Not aged 75-79/,
    ],
    ['5c one month before turning 80', f({ birthDate: '1945-06-20' }), '2025-05-31', 'A5C', /Under 80/],
    [
      '5c with a pension',
      f({ birthDate: '1940-01-01', pensions: [pension('RETIREMENT_PENSION', 3_000_000)] }),
      '2025-01-01',
      'A5C',
      /pension/,
    ],
    [
      '5c with another monthly allowance',
      f({ birthDate: '1940-01-01', otherMonthlyAllowance: true }),
      '2025-01-01',
      'A5C',
      /another monthly allowance/,
    ],
    ['5c when in 5a', f({ birthDate: '1940-01-01', poverty: poor('POOR', 2025), noSupporter: true }), '2025-01-01', 'A5C', /In group 5a/],
    ['5a near-poor', f({ poverty: poor('NEAR_POOR', 2025), noSupporter: true }), '2025-01-01', 'A5A', /Not a poor household/],
    ['5a with a supporter', f({ poverty: poor('POOR', 2025) }), '2025-01-01', 'A5A', /obliged/],
    ['social pension in 2025-06 (before the law)', f({ birthDate: '1940-01-01' }), '2025-06-30', 'SOCIAL_PENSION', /from 2025-07/],
    ['social pension 70-74 not poor', f({ birthDate: '1953-01-01' }), '2026-01-01', 'SOCIAL_PENSION', /not a poor or near-poor/],
    [
      'social pension with a pension',
      f({ birthDate: '1940-01-01', pensions: [pension('RETIREMENT_PENSION', 3_000_000)] }),
      '2026-01-01',
      'SOCIAL_PENSION',
      /pension/,
    ],
    ['social pension under 70', f({ birthDate: '1960-01-01', poverty: poor('POOR', 2026) }), '2026-01-01', 'SOCIAL_PENSION', /Under 70/],
  ] as const)('refuses %s, with the reason', (_label, facts, asOf, kind, reason) => {
    const option = evaluateEligibility(facts, asOf).considered.find((o) => o.kind === kind)!;
    expect(option.eligible).toBe(false);
    expect(option.monthlyAmount).toBeNull();
    expect(option.reasons.map((r) => r.en).join(' | ')).toMatch(reason);
  });

  it('lists every entitlement considered, and says why the highest was chosen', () => {
    const e = evaluateEligibility(
      f({ birthDate: '1940-01-01', poverty: poor('POOR', 2025), noSupporter: true, disability: 'SEVERE' }),
      '2025-08-01',
    );
    expect(e.considered.map((o) => o.kind)).toEqual([
      'A5A',
      'A5B',
      'A5C',
      'A5D',
      'DISABILITY_SEVERE',
      'DISABILITY_VERY_SEVERE',
      'SOCIAL_PENSION',
    ]);
    expect(e.considered.filter((o) => o.eligible).map((o) => [o.kind, o.monthlyAmount])).toEqual([
      ['A5A', 1_000_000],
      ['DISABILITY_SEVERE', 1_000_000],
      ['SOCIAL_PENSION', 500_000],
    ]);
    expect(e.chosen).toBe('A5A'); // tie at 1,000,000: tie-break order of the table
    expect(e.reasons.map((r) => r.en).join(' | ')).toMatch(
      /Only the highest entitlement is paid; not paid: severe-disability allowance \(1,000,000\), the social pension \(500,000\)/,
    );
  });

  it.each([
    ['after the month of death', f({ birthDate: '1940-01-01', deathDate: '2025-03-31' }), '2025-04-01', /Died on 2025-03-31/],
    ['without a birth date', f({ birthDate: null }), '2025-04-01', /No birth date/],
    ['before 2021-07', f({ birthDate: '1930-01-01' }), '2021-06-30', /no rule in force/],
    [
      'under 60',
      f({ birthDate: '1970-01-01', disability: 'VERY_SEVERE', poverty: poor('POOR', 2025), noSupporter: true }),
      '2025-04-01',
      /Not eligible/,
    ],
  ] as const)('nobody is eligible %s', (_label, facts, asOf, reason) => {
    const e = evaluateEligibility(facts, asOf);
    expect(e).toMatchObject({ eligible: false, chosen: null, monthlyAmount: null });
    expect(e.reasons.map((r) => r.en).join(' | ')).toMatch(reason);
  });

  it('counts the month a threshold is reached (29 February included)', () => {
    expect(monthReaching('1950-03-15', 75)).toBe('2025-03');
    expect(monthReaching('1944-02-29', 80)).toBe('2024-02');
  });
});

describe('rule tables refuse malformed rows', () => {
  const row = ELIGIBILITY_TABLE[0];
  it.each([
    ['a tie-break missing a kind', { ...row, tieBreak: row.tieBreak.slice(1) }],
    ['a negative age', { ...row, elderlyAge: -1 }],
    ['5b bounds reversed', { ...row, a5bFromAge: 80, a5bToAge: 75 }],
    ['a mid-month date', { ...row, effectiveFrom: '2021-07-15' }],
  ])('eligibility table with %s', (_what, bad) => {
    expect(() => checkEligibilityTable([bad as never])).toThrow(/allowance eligibility/);
  });
  const sp = SOCIAL_PENSION_ELIGIBILITY_TABLE[0];
  it.each([
    [{ ageWithoutPension: 70, poorFromAge: 75 }],
    [{ ageWithoutPension: 75.5, poorFromAge: 70 }],
    [{ exclusion: { RETIREMENT_PENSION: 'ANY_AMOUNT' } }],
    [{ exclusion: { RETIREMENT_PENSION: 'SOMETIMES', MONTHLY_SOCIAL_INSURANCE: 'ANY_AMOUNT' } }],
    [{ paysDifference: 'yes' }],
  ])('social pension eligibility %j', (over) => {
    expect(() => checkSocialPensionEligibilityTable([{ ...sp, ...over } as never])).toThrow(/social pension eligibility/);
  });
  it.each([
    ['an unknown kind', { a5cExcludedBy: ['PENSION'] }],
    ['a kind twice', { a5cExcludedBy: ['RETIREMENT_PENSION', 'RETIREMENT_PENSION'] }],
  ])('eligibility table with 5c excluded by %s', (_what, over) => {
    expect(() => checkEligibilityTable([{ ...row, ...over } as never])).toThrow(/a5cExcludedBy/);
  });
});

describe('5b uses the residence and its disadvantaged status in force on the date (Decree 20/2021 Art. 5.5(b))', () => {
  // 75-79, near-poor: only the residence decides.
  const person = (residenceHistory: EligibilityFacts['residenceHistory']) =>
    f({ birthDate: '1949-01-01', poverty: poor('NEAR_POOR', 2025, 2026), residenceHistory });
  const a5b = (facts: EligibilityFacts, asOf: string) => evaluateEligibility(facts, asOf).considered.find((o) => o.kind === 'A5B')!;

  it.each([
    ['a disadvantaged commune in force', [home([spell('2021-06-04')])], '2025-03-01', true, /COMMUNE: Quyết định 861\/QĐ-TTg/],
    [
      'a disadvantaged village (commune OR village)',
      [{ ...home([spell('2021-06-04', null, 'VILLAGE', 'Quyết định 612/QĐ-UBDT')]), villageCode: '03199-004' }],
      '2025-03-01',
      true,
      /03199 \/ 03199-004.*VILLAGE: Quyết định 612\/QĐ-UBDT/,
    ],
    [
      'the status ended before the date',
      [home([spell('2021-06-04', '2024-12-31')])],
      '2025-03-01',
      false,
      /is not an especially disadvantaged/,
    ],
    ['the status began after the date', [home([spell('2025-04-01')])], '2025-03-01', false, /is not an especially disadvantaged/],
    [
      'moved out of the disadvantaged commune before the date',
      [home([spell('2021-06-04')], '1990-01-01', '2024-12-31'), home([], '2025-01-01', null, '03388')],
      '2025-03-01',
      false,
      /\(03388\) is not an especially disadvantaged/,
    ],
    [
      'moved into the disadvantaged commune before the date',
      [home([], '1990-01-01', '2024-12-31', '03388'), home([spell('2021-06-04')], '2025-01-01')],
      '2025-03-01',
      true,
      /especially disadvantaged \(COMMUNE/,
    ],
    [
      'no residence on the date',
      [home([spell('2021-06-04')], '1990-01-01', '2024-12-31')],
      '2025-03-01',
      false,
      /No residence in the register on 2025-03-01/,
    ],
    ['no residence history from the register', null, '2025-03-01', false, /Unknown residence/],
  ] as const)('%s -> eligible: %s', (_label, history, asOf, eligible, reason) => {
    const o = a5b(person(history as EligibilityFacts['residenceHistory']), asOf);
    expect(o.eligible).toBe(eligible);
    expect(o.reasons.map((r) => r.en).join(' | ')).toMatch(reason);
    for (const r of o.reasons) expect(r.vi && r.en).toBeTruthy();
  });

  it('starts 5b from the month the residence became disadvantaged (Art. 8: from the month the condition is met)', () => {
    const o = a5b(person([home([], '1990-01-01', '2025-01-14', '03388'), home([spell('2021-06-04')], '2025-01-15')]), '2025-03-01');
    expect(o).toMatchObject({ eligible: true, startMonth: '2025-01' });
  });
});

describe('pensions are dated, with their amounts', () => {
  /**
   * Decree 20/2021 Art. 5.5(c): 80+ "không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng":
   * any pension or monthly SI benefit, of any amount, excludes 5c.
   * Law on Social Insurance 2024 (41/2024/QH15) Art. 21: the social pension from a full 75
   * without a pension or monthly SI benefit (70-74 in poor / near-poor households), except
   * (Art. 21.1(b) -> Art. 23.7) the monthly benefit of Art. 23 below the social-pension level;
   * Decree 176/2025: level 500,000 VND/month from 2025-07-01, the difference is paid (our
   * reading, docs/rules.md).
   */
  const at85 = (pensions: PensionPeriod[], over: Partial<EligibilityFacts> = {}) => f({ birthDate: '1940-01-01', pensions, ...over });
  const option = (facts: EligibilityFacts, kind: string, asOf = '2025-08-01') =>
    evaluateEligibility(facts, asOf).considered.find((o) => o.kind === kind)!;

  it.each([
    // label, pensions, 5c eligible, social pension amount (null: excluded), reason
    ['nothing', [], true, 500_000, /Eligible, 500,000 VND\/month/],
    [
      'a retirement pension of 3,000,000 (Art. 21.1(b))',
      [pension('RETIREMENT_PENSION', 3_000_000)],
      false,
      null,
      /retirement pension \(any amount/,
    ],
    ['a retirement pension of 200,000: any amount excludes', [pension('RETIREMENT_PENSION', 200_000)], false, null, /any amount/],
    ['a retirement pension, amount not on record', [pension('RETIREMENT_PENSION', null)], false, null, /any amount/],
    [
      'a monthly SI benefit of 300,000, below the level (Art. 23.7): the difference of 200,000 is paid',
      [pension('MONTHLY_SOCIAL_INSURANCE', 300_000)],
      false,
      200_000,
      /below the level of 500,000 VND: the difference of 200,000 VND is paid/,
    ],
    [
      'a monthly SI benefit of 499,999: the difference of 1 VND',
      [pension('MONTHLY_SOCIAL_INSURANCE', 499_999)],
      false,
      1,
      /difference of 1 VND/,
    ],
    [
      'a monthly SI benefit of exactly the level: excluded',
      [pension('MONTHLY_SOCIAL_INSURANCE', 500_000)],
      false,
      null,
      /500,000 VND is not below the social-pension level/,
    ],
    [
      'a monthly SI benefit, amount not on record: cannot be shown below the level',
      [pension('MONTHLY_SOCIAL_INSURANCE', null)],
      false,
      null,
      /not on record/,
    ],
    [
      'a pension that ended before the date',
      [pension('RETIREMENT_PENSION', 3_000_000, '2010-01-01', '2025-06-30')],
      true,
      500_000,
      /Eligible/,
    ],
    ['a pension that starts after the date', [pension('RETIREMENT_PENSION', 3_000_000, '2025-09-01')], true, 500_000, /Eligible/],
  ] as const)('%s', (_label, pensions, a5c, socialPension, reason) => {
    const facts = at85([...pensions]);
    expect(option(facts, 'A5C').eligible).toBe(a5c);
    if (!a5c)
      expect(
        option(facts, 'A5C')
          .reasons.map((r) => r.en)
          .join(' | '),
      ).toMatch(/excludes group 5c whatever the amount/);
    const sp = option(facts, 'SOCIAL_PENSION');
    expect(sp.eligible).toBe(socialPension !== null);
    expect(sp.monthlyAmount).toBe(socialPension);
    expect(sp.reasons.map((r) => r.en).join(' | ')).toMatch(reason);
  });

  it('70-74 in a near-poor household with a small monthly SI benefit: the difference (Art. 21.2 with 21.1(b))', () => {
    const facts = f({
      birthDate: '1953-04-10',
      poverty: poor('NEAR_POOR', 2026),
      pensions: [pension('MONTHLY_SOCIAL_INSURANCE', 350_000)],
    });
    expect(evaluateEligibility(facts, '2026-03-01')).toMatchObject({ chosen: 'SOCIAL_PENSION', monthlyAmount: 150_000 });
  });

  it('a different reading is a data change: paying the full level instead of the difference', () => {
    const table = checkSocialPensionEligibilityTable([{ ...SOCIAL_PENSION_ELIGIBILITY_TABLE[0], paysDifference: false }]);
    expect(table[0].paysDifference).toBe(false);
  });
});

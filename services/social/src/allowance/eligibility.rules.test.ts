import { evaluateEligibility, monthReaching, type EligibilityFacts } from './eligibility.rules';
import { checkEligibilityTable, ELIGIBILITY_TABLE } from './rules/eligibility';
import { checkSocialPensionEligibilityTable } from '../pension/rules/social-pension-eligibility';

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
  disadvantagedCommune: false,
  poverty: [],
  receivesPension: false,
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
      f({ birthDate: '1950-03-15', poverty: poor('NEAR_POOR', 2025), disadvantagedCommune: true }),
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
      f({ birthDate: '1950-03-15', poverty: poor('POOR', 2025), disadvantagedCommune: true }),
      '2025-02-28',
      'A5B',
      /Not aged 75-79/,
    ],
    [
      '5b outside a disadvantaged commune',
      f({ birthDate: '1949-01-01', poverty: poor('POOR', 2025), disadvantagedCommune: false }),
      '2025-02-01',
      'A5B',
      /not an especially disadvantaged/,
    ],
    [
      '5b when the commune is unknown',
      f({ birthDate: '1949-01-01', poverty: poor('POOR', 2025), disadvantagedCommune: null }),
      '2025-02-01',
      'A5B',
      /Unknown whether/,
    ],
    [
      '5b at 80',
      f({ birthDate: '1945-01-01', poverty: poor('POOR', 2025), disadvantagedCommune: true }),
      '2025-02-01',
      'A5B',
      /Not aged 75-79/,
    ],
    ['5c one month before turning 80', f({ birthDate: '1945-06-20' }), '2025-05-31', 'A5C', /Under 80/],
    ['5c with a pension', f({ birthDate: '1940-01-01', receivesPension: true }), '2025-01-01', 'A5C', /pension/],
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
    ['social pension with a pension', f({ birthDate: '1940-01-01', receivesPension: true }), '2026-01-01', 'SOCIAL_PENSION', /pension/],
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
  it.each([[{ ageWithoutPension: 70, poorFromAge: 75 }], [{ ageWithoutPension: 75.5, poorFromAge: 70 }]])(
    'social pension eligibility %j',
    (over) => {
      expect(() => checkSocialPensionEligibilityTable([{ effectiveFrom: '2025-07-01', legalAct: 'x', ...over }])).toThrow(
        /social pension eligibility/,
      );
    },
  );
});

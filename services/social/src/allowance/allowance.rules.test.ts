import { NoRuleInForceError } from '@nct/rules';
import {
  ALLOWANCE_FIRST_MONTH,
  allowanceCoefficient,
  baseLevelOn,
  coefficientDependsOnAge,
  monthlyAllowanceAmount,
} from './allowance.rules';
import { checkBaseLevelTable } from './rules/base-level';
import { checkCoefficientTable, COEFFICIENT_TABLE } from './rules/coefficients';

describe('base level (mức chuẩn trợ giúp xã hội)', () => {
  it.each([
    ['2021-07', 360_000], // Decree 20/2021 Art. 4.1, from 2021-07-01
    ['2023-12', 360_000],
    ['2024-06', 360_000], // last month before Decree 76/2024
    ['2024-07', 500_000], // Decree 76/2024, from 2024-07-01
    ['2026-11', 500_000],
  ])('%s -> %i VND', (month, amount) => {
    expect(baseLevelOn(month)).toBe(amount);
  });

  it('refuses months before the first table row (2021-06): no rule in force', () => {
    expect(ALLOWANCE_FIRST_MONTH).toBe('2021-07');
    expect(() => baseLevelOn('2021-06')).toThrow(NoRuleInForceError);
    expect(() => monthlyAllowanceAmount('A5C', 85, '2021-06')).toThrow(NoRuleInForceError);
  });
});

describe('coefficients (Decree 20/2021 Art. 6.1)', () => {
  it.each([
    // group, age, coefficient
    ['A5A', 60, 1.5], // 5a from a full 60
    ['A5A', 79, 1.5],
    ['A5A', 80, 2.0], // 5a from a full 80
    ['A5A', 101, 2.0],
    ['A5A', 59, null], // not elderly: no coefficient (eligibility is checked elsewhere)
    ['A5A', null, null], // age unknown
    ['A5B', 77, 1.0],
    ['A5B', null, 1.0], // does not depend on age
    ['A5C', 85, 1.0],
    ['A5D', 70, 3.0],
    ['DISABILITY_SEVERE', 70, 2.0],
    ['DISABILITY_VERY_SEVERE', 70, 2.5],
  ] as const)('%s aged %s -> %s', (group, age, coefficient) => {
    expect(allowanceCoefficient(group, age, '2025-01')).toBe(coefficient);
  });

  it('only 5a depends on age', () => {
    expect(coefficientDependsOnAge('A5A', '2025-01')).toBe(true);
    expect(coefficientDependsOnAge('A5C', '2025-01')).toBe(false);
  });
});

describe('monthly amount = round(coefficient x base level)', () => {
  it.each([
    ['A5A', 79, '2024-06', 540_000],
    ['A5A', 79, '2024-07', 750_000],
    ['A5A', 80, '2024-06', 720_000],
    ['A5A', 80, '2024-07', 1_000_000],
    ['A5B', 76, '2021-07', 360_000],
    ['A5C', 90, '2026-11', 500_000],
    ['A5D', 70, '2024-07', 1_500_000],
    ['DISABILITY_SEVERE', 70, '2024-06', 720_000],
    ['DISABILITY_VERY_SEVERE', 70, '2024-06', 900_000],
    ['DISABILITY_VERY_SEVERE', 70, '2024-07', 1_250_000],
    ['A5A', null, '2024-07', null],
  ] as const)('%s aged %s in %s -> %s VND', (group, age, month, amount) => {
    expect(monthlyAllowanceAmount(group, age, month)).toBe(amount);
  });
});

describe('table validation at load', () => {
  const groups = COEFFICIENT_TABLE[0].groups;
  it.each([
    ['empty', []],
    ['mid-month date', [{ effectiveFrom: '2021-07-15', amount: 360_000, legalAct: 'x' }]],
    ['invalid date', [{ effectiveFrom: '2021-13-01', amount: 360_000, legalAct: 'x' }]],
    ['non-integer amount', [{ effectiveFrom: '2021-07-01', amount: 360_000.5, legalAct: 'x' }]],
    ['zero amount', [{ effectiveFrom: '2021-07-01', amount: 0, legalAct: 'x' }]],
    ['missing legal act', [{ effectiveFrom: '2021-07-01', amount: 360_000, legalAct: ' ' }]],
    [
      'rows out of order',
      [
        { effectiveFrom: '2024-07-01', amount: 500_000, legalAct: 'x' },
        { effectiveFrom: '2021-07-01', amount: 360_000, legalAct: 'x' },
      ],
    ],
  ])('refuses a base-level table with %s', (_what, rows) => {
    expect(() => checkBaseLevelTable(rows)).toThrow(/Invalid rule table "base level"/);
  });

  it.each([
    ['a missing group', { ...groups, A5D: undefined }],
    ['a negative coefficient', { ...groups, A5C: [{ fromAge: null, coefficient: -1 }] }],
    [
      'bands out of order',
      {
        ...groups,
        A5A: [
          { fromAge: 80, coefficient: 2 },
          { fromAge: 60, coefficient: 1.5 },
        ],
      },
    ],
    [
      'an any-age band among others',
      {
        ...groups,
        A5A: [
          { fromAge: null, coefficient: 1.5 },
          { fromAge: 80, coefficient: 2 },
        ],
      },
    ],
  ])('refuses a coefficient table with %s', (_what, g) => {
    expect(() => checkCoefficientTable([{ effectiveFrom: '2021-07-01', legalAct: 'x', groups: g as never }])).toThrow(
      /allowance coefficients/,
    );
  });

  it('accepts the tables in force', () => {
    expect(() => checkCoefficientTable(COEFFICIENT_TABLE)).not.toThrow();
  });
});

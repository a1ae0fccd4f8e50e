import { mergeInsuranceRows, pensionPeriodProblems } from './records.rules';
import { insuranceOn, pensionPeriodsOf, periodsFromSteps, stepsFromPeriods, type PensionPeriod } from './social-record.model';

const TODAY = '2026-11-20';
const p = (kind: PensionPeriod['kind'], from: string, to: string | null = null, monthlyAmount: number | null = null): PensionPeriod => ({
  kind,
  monthlyAmount,
  from,
  to,
});

describe('pension / monthly SI periods (dated, with amounts)', () => {
  it.each([
    ['one open period', [p('RETIREMENT_PENSION', '2015-01-01', null, 3_000_000)], []],
    [
      'consecutive periods',
      [p('MONTHLY_SOCIAL_INSURANCE', '2015-01-01', '2019-12-31', 300_000), p('RETIREMENT_PENSION', '2020-01-01')],
      [],
    ],
    ['an impossible date', [p('RETIREMENT_PENSION', '2015-02-30')], ['input.pensions[0].from']],
    ['a start in the future', [p('RETIREMENT_PENSION', '2027-01-01')], ['input.pensions[0].from']],
    ['an end before the start', [p('RETIREMENT_PENSION', '2015-01-01', '2014-12-31')], ['input.pensions[0].to']],
    ['a fractional amount', [p('RETIREMENT_PENSION', '2015-01-01', null, 1.5)], ['input.pensions[0].monthlyAmount']],
    ['a zero amount', [p('RETIREMENT_PENSION', '2015-01-01', null, 0)], ['input.pensions[0].monthlyAmount']],
    [
      'overlapping periods',
      [p('RETIREMENT_PENSION', '2015-01-01'), p('MONTHLY_SOCIAL_INSURANCE', '2020-01-01', '2020-12-31')],
      ['input.pensions'],
    ],
    [
      'touching on a day',
      [p('RETIREMENT_PENSION', '2015-01-01', '2020-01-01'), p('MONTHLY_SOCIAL_INSURANCE', '2020-01-01')],
      ['input.pensions'],
    ],
  ])('%s', (_what, periods, fields) => {
    expect(pensionPeriodProblems(periods, TODAY).map((x) => x.field)).toEqual(fields);
  });

  it('reads an older record’s status steps as periods without an amount, and writes steps back', () => {
    const legacy = {
      insurance: [
        { from: '2010-01-01', status: 'SI_MONTHLY_BENEFIT' as const },
        { from: '2015-06-01', status: 'PENSION' as const },
        { from: '2020-01-01', status: 'NONE' as const },
      ],
    };
    const periods = pensionPeriodsOf(legacy);
    expect(periods).toEqual([
      p('MONTHLY_SOCIAL_INSURANCE', '2010-01-01', '2015-05-31'),
      p('RETIREMENT_PENSION', '2015-06-01', '2019-12-31'),
    ]);
    expect(stepsFromPeriods(periods).map(({ from, status }) => ({ from, status }))).toEqual(legacy.insurance);
    expect([
      insuranceOn(legacy, '2009-12-31'),
      insuranceOn(legacy, '2012-01-01'),
      insuranceOn(legacy, '2019-12-31'),
      insuranceOn(legacy, '2020-01-01'),
    ]).toEqual(['NONE', 'SI_MONTHLY_BENEFIT', 'PENSION', 'NONE']);
  });

  it('merges a step continuing the same kind and amount into the period before it', () => {
    expect(
      periodsFromSteps([
        { from: '2010-01-01', status: 'PENSION' },
        { from: '2012-01-01', status: 'PENSION' },
      ]),
    ).toEqual([p('RETIREMENT_PENSION', '2010-01-01')]);
  });

  it('merges the insurance agency’s rows into periods, keeping amounts, and tells rows already on record', () => {
    const current = [p('MONTHLY_SOCIAL_INSURANCE', '2015-01-01', null, 300_000)];
    const merged = mergeInsuranceRows(current, [
      { from: '2015-01-01', status: 'SI_MONTHLY_BENEFIT' }, // on record: amount kept
      { from: '2021-01-01', status: 'PENSION' }, // new: ends the SI benefit the day before
    ]);
    expect(merged.unchanged).toEqual([true, false]);
    expect(merged.periods).toEqual([
      p('MONTHLY_SOCIAL_INSURANCE', '2015-01-01', '2020-12-31', 300_000),
      p('RETIREMENT_PENSION', '2021-01-01'),
    ]);
    expect(mergeInsuranceRows(merged.periods, [{ from: '2024-01-01', status: 'NONE' }]).periods).toEqual([
      p('MONTHLY_SOCIAL_INSURANCE', '2015-01-01', '2020-12-31', 300_000),
      p('RETIREMENT_PENSION', '2021-01-01', '2023-12-31'),
    ]);
  });
});

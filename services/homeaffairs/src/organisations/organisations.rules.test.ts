import { associationUnitProblems, termProblems, validateLeadershipTermRules } from './organisations.rules';
import { addYears } from '@nct/dates';

const decision = { number: '12/QĐ-HNCT', date: '2022-06-15', issuingBody: 'UBND xã Bình Lư' };
const context = { establishedOn: '2008-06-01', otherTerms: [{ startDate: '2017-06-01', endDate: '2022-06-01' }], today: '2026-11-01' };

describe('leadership terms (Charter of the Vietnam Association of the Elderly: 5-year terms)', () => {
  it.each([
    ['exactly 5 years, touching the previous term', { startDate: '2022-06-01', endDate: '2027-06-01' }, []],
    ['one day longer than 5 years', { startDate: '2022-06-01', endDate: '2027-06-02' }, ['endDate']],
    ['ends before it starts', { startDate: '2022-06-01', endDate: '2022-05-01' }, ['endDate']],
    ['impossible date', { startDate: '2022-02-30', endDate: '2027-02-28' }, ['endDate']],
    ['overlaps the previous term', { startDate: '2021-06-01', endDate: '2026-06-01' }, ['startDate']],
    ['starts before establishment', { startDate: '2003-01-01', endDate: '2008-01-01' }, ['startDate']],
  ])('%s', (_l, dates, fields) => {
    expect(termProblems({ ...dates, chairName: 'Lò Văn Pọm', decision }, context).map((p) => p.field)).toEqual(fields);
  });

  it('29 February + 5 years is 28 February', () => {
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
  });

  it('uses the rule in force on the start date (a new charter is a data change)', () => {
    const rules = [
      { effectiveFrom: '1995-05-10', maxYears: 5, legalAct: 'Điều lệ cũ' },
      { effectiveFrom: '2030-01-01', maxYears: 4, legalAct: 'Điều lệ giả định' },
    ];
    const term = { chairName: 'A', decision: { ...decision, date: '2026-01-01' } };
    expect(
      termProblems({ ...term, startDate: '2031-01-01', endDate: '2036-01-01' }, { ...context, today: '2040-01-01', rules }).map(
        (p) => p.field,
      ),
    ).toEqual(['endDate']);
    expect(termProblems({ ...term, startDate: '2025-01-01', endDate: '2030-01-01' }, { ...context, today: '2040-01-01', rules })).toEqual(
      [],
    );
  });

  it.each([
    ['no rows', []],
    ['bad date', [{ effectiveFrom: '2020-02-30', maxYears: 5, legalAct: 'x' }]],
    [
      'not ascending',
      [
        { effectiveFrom: '2020-01-01', maxYears: 5, legalAct: 'x' },
        { effectiveFrom: '2019-01-01', maxYears: 5, legalAct: 'y' },
      ],
    ],
    ['no legal act', [{ effectiveFrom: '2020-01-01', maxYears: 5, legalAct: ' ' }]],
    ['impossible length', [{ effectiveFrom: '2020-01-01', maxYears: 0, legalAct: 'x' }]],
  ])('refuses a malformed table: %s', (_l, rows) => {
    expect(() => validateLeadershipTermRules(rows)).toThrow(/rule table leadership-terms/);
  });
});

describe('association units', () => {
  const valid = { adminUnitCode: '03220', name: 'Hội Người cao tuổi xã Bình Lư', level: 'COMMUNE' as const, establishment: decision };
  it('accepts a commune association on a commune code', () => {
    expect(associationUnitProblems(valid, '2026-11-01')).toEqual([]);
  });
  it.each([
    [{ adminUnitCode: '12' }, 'adminUnitCode'], // a province code for a commune-level unit
    [{ level: 'PROVINCE' as const }, 'adminUnitCode'],
    [{ name: '' }, 'name'],
    [{ establishment: { ...decision, date: '2027-01-01' } }, 'establishment.date'],
    [{ establishment: { ...decision, date: '2022-13-01' } }, 'establishment.date'],
    [{ establishment: { ...decision, number: 'x'.repeat(51) } }, 'establishment.number'],
  ])('refuses %j', (change, field) => {
    expect(associationUnitProblems({ ...valid, ...change }, '2026-11-01').map((p) => p.field)).toContain(field);
  });
});

import { disadvantagedOn, parseResidenceHistory, residenceInMonth, residenceOn, type ResidencePeriod } from './residence.rules';

const period = (
  communeCode: string,
  from: string,
  to: string | null = null,
  disadvantaged: ResidencePeriod['disadvantaged'] = [],
): ResidencePeriod => ({
  communeCode,
  villageCode: null,
  from,
  to,
  disadvantaged,
});
// moved from 03388 to 03199 on 2025-03-10 (inclusive dates, `to` null = current)
const HISTORY = [
  period('03388', '1990-01-01', '2025-03-09'),
  period('03199', '2025-03-10', null, [{ from: '2021-06-04', to: '2025-12-31', level: 'COMMUNE', legalAct: 'Quyết định 861/QĐ-TTg' }]),
];

describe('residence in force (register residence history)', () => {
  it.each([
    ['2025-03-09', '03388'],
    ['2025-03-10', '03199'],
    ['1989-12-31', null],
  ])('on %s: %s', (date, commune) => {
    expect(residenceOn(HISTORY, date)?.communeCode ?? null).toBe(commune);
  });

  it.each([
    ['2025-03', '03388'], // in force on the 1st
    ['2025-04', '03199'],
  ])('in the month %s: %s', (month, commune) => {
    expect(residenceInMonth(HISTORY, month)?.communeCode).toBe(commune);
  });

  it('a month whose first day has no residence: the first one starting in it', () => {
    expect(residenceInMonth([period('03199', '2025-05-20')], '2025-05')?.communeCode).toBe('03199');
    expect(residenceInMonth([period('03199', '2025-06-01')], '2025-05')).toBeNull();
  });

  it.each([
    ['2025-12-31', 1],
    ['2026-01-01', 0],
  ])('disadvantaged spells in force on %s: %i', (date, n) => {
    expect(disadvantagedOn(residenceOn(HISTORY, date), date)).toHaveLength(n);
  });

  it('drops periods and spells of the wrong shape; not a list is unknown', () => {
    expect(parseResidenceHistory(null)).toBeNull();
    expect(
      parseResidenceHistory([
        { communeCode: '03199', from: '2020-01-01', to: null, disadvantaged: [{ from: 'x', level: 'COMMUNE', legalAct: 'a' }] },
        { communeCode: '3199', from: '2020-01-01' },
        { communeCode: '03199', from: '2020-02-30' },
      ]),
    ).toEqual([period('03199', '2020-01-01')]);
  });
});

import { healthCheckDue, homeVisitedIn, insuranceCardValidOn } from './follow-up.rules';

const dated = (...dates: string[]) => dates.map((date) => ({ date }));

// Circular 35/2011/TT-BYT: a periodic check at least once a year; BHYT validity both ends inclusive.
describe('care follow-up facts', () => {
  it.each([
    [dated('2024-03-01', '2026-12-31'), 2026, false],
    [dated('2024-03-01', '2025-12-31'), 2026, true],
    [dated('2027-01-01'), 2026, true],
    [[], 2026, true],
  ])('checks on %j: due in %i -> %s', (checks, year, due) => {
    expect(healthCheckDue(checks, year)).toBe(due);
  });

  const card = { validFrom: '2026-01-01', validTo: '2026-12-31' };
  it.each([
    ['2025-12-31', false],
    ['2026-01-01', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
  ])('card 2026-01-01..2026-12-31 on %s -> %s', (date, valid) => {
    expect(insuranceCardValidOn([card], date)).toBe(valid);
  });

  it('a leap day is covered by a card that spans it', () => {
    expect(insuranceCardValidOn([{ validFrom: '2028-02-29', validTo: '2028-02-29' }], '2028-02-29')).toBe(true);
    expect(insuranceCardValidOn([{ validFrom: '2027-03-01', validTo: '2028-02-28' }], '2028-02-29')).toBe(false);
  });

  it('visited in a quarter only when a visit falls in it', () => {
    expect(homeVisitedIn(dated('2026-07-01', '2026-10-01'), '2026-Q4')).toBe(true);
    expect(homeVisitedIn(dated('2026-09-30'), '2026-Q4')).toBe(false);
    expect(homeVisitedIn(dated('2026-12-31'), '2026-Q4')).toBe(true);
    expect(homeVisitedIn(dated('2027-01-01'), '2026-Q4')).toBe(false);
  });
});

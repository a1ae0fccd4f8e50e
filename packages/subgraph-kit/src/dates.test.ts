import { ageOn, isIsoDate, isIsoMonth, latestBirthDateForAge, todayInVietnam } from './dates';

describe('ISO dates and months', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-1-01', false],
    ['1799-12-31', false],
    ['2025-07-01T00:00:00Z', false],
    [20250701, false],
  ])('isIsoDate(%j) = %s', (v, ok) => expect(isIsoDate(v)).toBe(ok));

  it.each([
    ['2025-07', true],
    ['2025-00', false],
    ['2025-7', false],
    ['2025-07-01', false],
  ])('isIsoMonth(%j) = %s', (v, ok) => expect(isIsoMonth(v)).toBe(ok));
});

describe('age in full years (Law on the Elderly 2009: "đủ 60 tuổi")', () => {
  it.each([
    ['1966-11-23', '2026-11-22', 59],
    ['1966-11-23', '2026-11-23', 60],
    ['1964-02-29', '2026-02-28', 61],
    ['1964-02-29', '2026-03-01', 62],
    ['1964-02-29', '2028-02-29', 64],
  ])('born %s, on %s: %i', (birth, on, age) => expect(ageOn(birth, on)).toBe(age));

  it('latestBirthDateForAge agrees with ageOn around every day of a year', () => {
    for (let day = 0; day < 366; day++) {
      const on = new Date(Date.UTC(2028, 0, 1 + day)).toISOString().slice(0, 10);
      const limit = latestBirthDateForAge(60, on);
      expect(ageOn(limit, on)).toBe(60);
      const dayAfter = new Date(Date.parse(limit) + 86400_000).toISOString().slice(0, 10);
      expect(ageOn(dayAfter, on)).toBe(59);
    }
  });

  it('today is the calendar date in Vietnam (UTC+7)', () => {
    expect(todayInVietnam(new Date('2026-11-23T16:59:59Z'))).toBe('2026-11-23');
    expect(todayInVietnam(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
  });
});

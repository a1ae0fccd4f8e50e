import {
  addDays,
  addMonths,
  addMonthsToDate,
  addYears,
  ageOn,
  ageOnDay,
  birthdayDay,
  calendarAge,
  dateReachingAge,
  dayAfter,
  daysBetween,
  dayToIso,
  daysInMonth,
  firstDayOfMonth,
  isIsoDate,
  isIsoMonth,
  isoToDay,
  lastDayOfMonth,
  latestBirthDateForAge,
  monthBounds,
  monthIndexToString,
  monthsBetween,
  monthStringToIndex,
  parseIsoDate,
  quarterOf,
  quarterStart,
  todayInVietnam,
} from './dates';

// Every day from 1800 to 2200 by the platform's own arithmetic, checked against Date.UTC.
const utcIso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

describe('parsing and validation', () => {
  it.each([
    ['2024-02-29', true],
    ['2028-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2023-02-29', false],
    ['2026-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-1-01', false],
    ['1799-12-31', false],
    ['3000-01-01', false],
    ['2025-07-01T00:00:00Z', false],
    [20250701, false],
    [null, false],
  ])('isIsoDate(%j) = %s', (v, ok) => expect(isIsoDate(v)).toBe(ok));

  it.each([
    ['2025-07', true],
    ['2025-12', true],
    ['2025-00', false],
    ['2025-13', false],
    ['2025-7', false],
    ['2025-07-01', false],
  ])('isIsoMonth(%j) = %s', (v, ok) => expect(isIsoMonth(v)).toBe(ok));

  it.each(['2026-02-29', '2025-02-30', '2026-13-01', '2026-4-1', 'x'])('parseIsoDate rejects %s', (s) => {
    expect(() => parseIsoDate(s)).toThrow(RangeError);
  });

  it('round-trips every 7th day between 1800 and 2200 (checked against Date.UTC)', () => {
    const from = isoToDay('1800-01-01');
    const to = isoToDay('2200-01-01');
    expect(from).toBe(Date.UTC(1800, 0, 1) / 86_400_000);
    for (let d = from; d < to; d += 7) {
      const iso = utcIso(d);
      if (dayToIso(d) !== iso || isoToDay(iso) !== d) throw new Error(`day ${d}: ${dayToIso(d)} vs ${iso}`);
    }
  });

  it('today is the calendar date in Vietnam (UTC+7)', () => {
    expect(todayInVietnam(new Date('2026-11-23T16:59:59Z'))).toBe('2026-11-23');
    expect(todayInVietnam(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
    expect(todayInVietnam(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });
});

describe('age in full years: 29 February births reach their age on 28 February of a common year (Civil Code 2015 Art. 148.3)', () => {
  it.each([
    // the case found by review: both implementations must say 82
    ['1944-02-29', '2026-02-28', 82],
    ['1944-02-29', '2026-02-27', 81],
    ['1944-02-29', '2026-03-01', 82],
    ['1944-02-29', '2024-02-28', 79], // leap year: the birthday is the 29th
    ['1944-02-29', '2024-02-29', 80],
    ['1944-02-29', '2024-03-01', 80],
    ['1948-02-29', '2028-02-28', 79],
    ['1948-02-29', '2028-02-29', 80],
    ['1946-02-28', '2026-02-28', 80], // born on the 28th: unchanged
    ['1946-03-01', '2026-02-28', 79],
    ['1946-03-01', '2026-03-01', 80],
    ['1951-02-28', '2028-02-28', 77],
    ['1951-03-01', '2028-02-29', 76],
    // ordinary birthdays, year boundaries
    ['1966-11-23', '2026-11-22', 59],
    ['1966-11-23', '2026-11-23', 60],
    ['1946-12-31', '2026-12-30', 79],
    ['1946-12-31', '2026-12-31', 80],
    ['1947-01-01', '2026-12-31', 79],
    ['1947-01-01', '2027-01-01', 80],
    ['1926-01-01', '2026-01-01', 100],
    ['2026-05-05', '2026-05-05', 0],
  ])('born %s, on %s: %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
    expect(ageOnDay(isoToDay(birth), isoToDay(on))).toBe(age);
  });

  it('is NaN, not an exception, on a malformed date (one bad stored row must not fail a list)', () => {
    expect(ageOn('1944-02-30', '2026-02-28')).toBeNaN();
    expect(ageOn('', '2026-02-28')).toBeNaN();
  });

  it.each([
    ['1944-02-29', 82, '2026-02-28'],
    ['1944-02-29', 80, '2024-02-29'],
    ['1944-02-29', 1, '1945-02-28'],
    ['1946-07-15', 80, '2026-07-15'],
    ['1946-12-31', 75, '2021-12-31'],
  ])('born %s reaches %i on %s', (birth, age, date) => {
    expect(dateReachingAge(birth, age)).toBe(date);
    expect(dayToIso(birthdayDay(isoToDay(birth), age))).toBe(date);
    expect(ageOn(birth, date)).toBe(age);
    expect(ageOn(birth, addDays(date, -1))).toBe(age - 1);
  });

  it.each([
    [82, '2026-02-28', '1944-02-29'],
    [82, '2026-02-27', '1944-02-27'],
    [80, '2028-02-29', '1948-02-29'],
    [79, '2028-02-29', '1949-02-28'],
    [79, '2028-02-28', '1949-02-28'],
    [60, '2026-12-31', '1966-12-31'],
    [60, '2026-04-30', '1966-04-30'],
  ])('latest birth date for age %i on %s is %s', (age, on, latest) => expect(latestBirthDateForAge(age, on)).toBe(latest));

  it('latestBirthDateForAge agrees with ageOn on every day of a common and a leap year, for a leap and a common birth year', () => {
    for (const year of [2026, 2028]) {
      for (const age of [60, 75, 80, 82]) {
        for (let day = isoToDay(`${year}-01-01`); day <= isoToDay(`${year}-12-31`); day++) {
          const on = dayToIso(day);
          const limit = latestBirthDateForAge(age, on);
          if (ageOn(limit, on) !== age || ageOn(dayAfter(limit), on) !== age - 1) {
            throw new Error(`age ${age} on ${on}: limit ${limit} is ${ageOn(limit, on)}, the day after ${ageOn(dayAfter(limit), on)}`);
          }
        }
      }
    }
  });

  it('calendar age counts by year, whatever the birthday', () => {
    expect(calendarAge(1946, 2026)).toBe(80);
    expect(calendarAge(1927, 2027)).toBe(100);
  });
});

describe('years, months and days', () => {
  it.each([
    ['2024-02-29', 5, '2029-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-02-29', -1, '2023-02-28'],
    ['2025-12-31', 1, '2026-12-31'],
  ])('addYears(%s, %i) = %s', (d, n, out) => expect(addYears(d, n)).toBe(out));

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-31', 1, '2027-01-31'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('addMonthsToDate(%s, %i) = %s (the last day when the month has no corresponding day)', (d, n, out) =>
    expect(addMonthsToDate(d, n)).toBe(out),
  );

  it.each([
    ['2026-01', 1, '2026-02'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-11', -23, '2024-12'],
    ['1944-02', 82 * 12, '2026-02'],
  ])('addMonths(%s, %i) = %s', (m, n, out) => {
    expect(addMonths(m, n)).toBe(out);
    expect(monthsBetween(m, out)).toBe(n);
  });

  it('months: first and last days, bounds, indexes', () => {
    expect(firstDayOfMonth('2026-02')).toBe('2026-02-01');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
    expect(lastDayOfMonth('2026-04')).toBe('2026-04-30');
    expect(monthBounds('2100-02')).toEqual({ first: '2100-02-01', last: '2100-02-28' });
    expect(monthIndexToString(monthStringToIndex('2025-07') + 6)).toBe('2026-01');
    expect(() => monthStringToIndex('2025-13')).toThrow(RangeError);
    expect([daysInMonth(2000, 2), daysInMonth(1900, 2), daysInMonth(2026, 9)]).toEqual([29, 28, 30]);
  });

  it('days across year and month ends', () => {
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayAfter('2026-02-28')).toBe('2026-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });
});

describe('quarters', () => {
  it.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-09-30', '2026-Q3'],
    ['2026-12-31', '2026-Q4'],
    ['2026-12', '2026-Q4'],
  ])('quarterOf(%s) = %s', (d, q) => expect(quarterOf(d)).toBe(q));

  it.each([
    ['2026-11-01', 0, '2026-10-01'],
    ['2026-11-01', 1, '2026-07-01'],
    ['2026-02-10', 1, '2025-10-01'],
    ['2026-02-10', 5, '2024-10-01'],
  ])('quarterStart(%s, %i) = %s', (d, back, out) => expect(quarterStart(d, back)).toBe(out));
});

import {
  ageOn,
  birthdayDay,
  dayToIso,
  isoToDay,
  isValidIsoDate,
  monthIndexToString,
  monthStringToIndex,
  parseIsoDate,
} from './dates';
import { flushSoft, soft } from '../tests/soft-expect';

afterEach(() => flushSoft());

describe('dates', () => {
  it('round-trips every day between 1800 and 2200 (checked against Date.UTC)', () => {
    const from = isoToDay('1800-01-01');
    const to = isoToDay('2200-01-01');
    for (let d = from; d < to; d += 7) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      soft(dayToIso(d)).toBe(iso);
      soft(isoToDay(iso)).toBe(d);
    }
  });

  it.each(['2026-02-29', '2025-02-30', '2026-13-01', '2026-00-10', '2026-4-1', 'x'])('rejects %s', (s) => {
    expect(isValidIsoDate(s)).toBe(false);
    expect(() => parseIsoDate(s)).toThrow(RangeError);
  });

  it.each([
    ['1950-11-01', '2026-11-01', 76],
    ['1950-11-02', '2026-11-01', 75],
    ['1960-02-29', '2026-02-28', 66],
    ['1960-02-29', '2026-02-27', 65],
  ])('age of someone born %s on %s is %i', (b, on, age) => {
    expect(ageOn(b, on)).toBe(age);
  });

  it('moves 29 Feb birthdays to 28 Feb in non-leap years', () => {
    expect(dayToIso(birthdayDay(isoToDay('1960-02-29'), 1))).toBe('1961-02-28');
    expect(dayToIso(birthdayDay(isoToDay('1960-02-29'), 4))).toBe('1964-02-29');
  });

  it('converts months', () => {
    expect(monthIndexToString(monthStringToIndex('2025-07') + 6)).toBe('2026-01');
  });
});

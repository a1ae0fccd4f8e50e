import { ageOn, dayAfter } from '@nct/dates';
import { countBounds, MAX_ROSTER_ROWS, rosterBirthIntervals, rosterCriteria, rosterMatches, type RegisterRow } from './roster.rules';

const row = (birthDate: string, extra: Partial<RegisterRow> = {}): RegisterRow => ({
  citizenId: '012146000001',
  fullName: 'Lò Văn A',
  birthDate,
  sex: 'MALE',
  deathDate: null,
  legacyUnitCode: null,
  ethnicity: 'Thái',
  ...extra,
});
const matches = (r: RegisterRow, filter: Parameters<typeof rosterCriteria>[0], today = '2026-11-01') => {
  const { criteria, problems } = rosterCriteria(filter, today);
  expect(problems).toEqual([]);
  return rosterMatches(r, criteria);
};

describe('roster filters at their boundaries (ages in full years, Law on the Elderly 2009)', () => {
  it.each([
    ['turns 80 on asOf', '1946-11-01', { minAge: 80, asOf: '2026-11-01' }, true],
    ['turns 80 the day after asOf', '1946-11-02', { minAge: 80, asOf: '2026-11-01' }, false],
    ['74 until the 75th birthday (maxAge 74)', '1952-11-02', { minAge: 70, maxAge: 74, asOf: '2026-11-01' }, true],
    ['75 on asOf is out of 70-74', '1951-11-01', { minAge: 70, maxAge: 74, asOf: '2026-11-01' }, false],
    // 29 February births reach their age on 28 February of a common year (Civil Code 2015 Art. 148.3, @nct/dates)
    ['born 29 Feb: 70 on 28 February of a common year', '1956-02-29', { minAge: 70, asOf: '2026-02-28' }, true],
    ['born 29 Feb: still 69 on 27 February', '1956-02-29', { minAge: 70, asOf: '2026-02-27' }, false],
    ['born 29 Feb: 82 on 28 February 2026, out of 70-81', '1944-02-29', { minAge: 70, maxAge: 81, asOf: '2026-02-28' }, false],
    ['asOf defaults to today', '1946-11-01', { minAge: 80 }, true],
  ])('%s', (_l, birth, filter, expected) => {
    expect(matches(row(birth), filter)).toBe(expected);
  });

  it.each([
    ['born 31 Dec 1956 reaches 70 in 2026', '1956-12-31', true],
    ['born 1 Jan 1956 reaches 70 in 2026', '1956-01-01', true],
    ['born 31 Dec 1955 reaches 71, not listed', '1955-12-31', false],
    ['born 1 Jan 1957 reaches 69, not listed', '1957-01-01', false],
  ])('calendar age: %s', (_l, birth, expected) => {
    // on 2 January 2026 the Dec-31 person is still 69: celebrations count by calendar year
    expect(matches(row(birth), { calendarYear: 2026, calendarAges: [70, 75, 80], asOf: '2026-01-02' })).toBe(expected);
  });

  it('calendar age at least 100, and the default year is that of asOf', () => {
    expect(matches(row('1926-12-31'), { calendarAgeAtLeast: 100, asOf: '2026-01-01' })).toBe(true);
    expect(matches(row('1927-01-01'), { calendarAgeAtLeast: 100, asOf: '2026-12-31' })).toBe(false);
    expect(matches(row('1920-06-01'), { calendarAges: [90], calendarAgeAtLeast: 100, calendarYear: 2026 })).toBe(true);
  });

  it.each([
    [{ alive: true, asOf: '2026-05-01' }, '2026-05-01', false], // died that day
    [{ alive: true, asOf: '2026-04-30' }, '2026-05-01', true], // the day before
    [{ alive: false, asOf: '2026-05-01' }, '2026-05-01', true],
    [{ alive: false }, null, false],
  ])('alive %j, death %s -> %s', (filter, death, expected) => {
    expect(matches(row('1940-01-01', { deathDate: death }), filter)).toBe(expected);
  });

  it('legacy code and citizen ID filters', () => {
    const legacy = row('1940-01-01', { legacyUnitCode: '03203' });
    expect(matches(legacy, { legacyCode: true })).toBe(true);
    expect(matches(legacy, { legacyCode: false })).toBe(false);
    expect(matches(row('1940-01-01'), { legacyCode: true })).toBe(false);
    expect(matches(legacy, { citizenIdIn: ['012146000001'] })).toBe(true);
    expect(matches(legacy, { citizenIdIn: ['012146000002'] })).toBe(false);
  });

  it.each([
    [{ minAge: 90, maxAge: 80 }, 'minAge'],
    [{ minAge: -1 }, 'minAge'],
    [{ asOf: '2026-02-30' }, 'asOf'],
    [{ calendarYear: 2026 }, 'calendarYear'],
    [{ calendarAges: [] }, 'calendarAges'],
    [{ calendarAges: [500] }, 'calendarAges'],
    [{ citizenIdIn: ['123'] }, 'citizenIdIn'],
  ])('refuses %j', (filter, field) => {
    expect(rosterCriteria(filter as never, '2026-11-01').problems.map((p) => p.field)).toContain(field);
  });

  it('refuses more than 10,000 citizen IDs', () => {
    const citizenIdIn = Array.from({ length: MAX_ROSTER_ROWS + 1 }, () => '012146000001');
    expect(rosterCriteria({ citizenIdIn }, '2026-11-01').problems.map((p) => p.field)).toEqual(['citizenIdIn']);
  });
});

describe('commune counts (the denominators other subgraphs require)', () => {
  // a living person is counted when born on or before the bound: the bound is exactly where ageOn says 60 / 100
  it.each(['2026-11-01', '2028-02-29', '2027-02-28', '2027-03-01', '2026-12-31', '2027-01-01'])('bounds on %s agree with ageOn', (asOf) => {
    const { elderlyBornBy, centenarianBornBy } = countBounds(asOf);
    expect(ageOn(elderlyBornBy, asOf)).toBe(60);
    expect(ageOn(dayAfter(elderlyBornBy), asOf)).toBe(59);
    expect(ageOn(centenarianBornBy, asOf)).toBe(100);
    expect(ageOn(dayAfter(centenarianBornBy), asOf)).toBe(99);
  });

  it('bounds on the last day of February (60 and 100 are multiples of 4: a 29 February birth then falls in a leap year)', () => {
    expect(countBounds('2027-02-28').elderlyBornBy).toBe('1967-02-28');
    expect(countBounds('2028-02-29').elderlyBornBy).toBe('1968-02-29');
  });
});

describe('roster birth-date ranges (what the roster reads through the index)', () => {
  // every day from 1890 to 2028: a row is on the roster only if its birth date is in a range
  const days: string[] = [];
  for (let d = '1890-01-01'; d <= '2028-12-31'; d = dayAfter(d)) days.push(d);
  const inRanges = (birth: string, ranges: ReturnType<typeof rosterBirthIntervals>) =>
    ranges.some((r) => (r.from === null || r.from <= birth) && (r.to === null || birth <= r.to));

  it.each([
    [{ minAge: 80, asOf: '2028-02-29' }],
    [{ minAge: 70, maxAge: 74, asOf: '2026-12-31' }],
    [{ maxAge: 64, asOf: '2027-01-01' }],
    [{ calendarYear: 2026, calendarAges: [70, 75, 80, 85, 90, 95], calendarAgeAtLeast: 100, asOf: '2026-09-30' }],
    [{ calendarAges: [70, 71, 72], minAge: 71, asOf: '2027-01-01' }],
    [{ minAge: 100, asOf: '2026-03-01' }],
    [{ asOf: '2026-11-01' }],
  ])('%j: every matching birth date is in a range, and the ranges hold nothing else', (filter) => {
    const { criteria, problems } = rosterCriteria(filter, '2026-11-01');
    expect(problems).toEqual([]);
    const ranges = rosterBirthIntervals(criteria);
    const unbounded = ranges.some((r) => r.from === null && r.to === null);
    const wrong = days.filter((birth) => {
      const on = rosterMatches(row(birth), criteria);
      // the ranges are exact for ages and calendar years (no age filter: the whole commune)
      return on ? !inRanges(birth, ranges) : !unbounded && birth <= criteria.asOf && inRanges(birth, ranges);
    });
    expect(wrong).toEqual([]);
  });

  it('is empty when the ages and the calendar years cannot meet', () => {
    const { criteria } = rosterCriteria({ calendarYear: 2026, calendarAges: [70], minAge: 90, asOf: '2026-11-01' }, '2026-11-01');
    expect(rosterBirthIntervals(criteria)).toEqual([]);
  });
});

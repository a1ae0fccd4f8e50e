import { isCitizenIdShape } from '@nct/citizen-id';
import { ageOn, calendarAge, dayAfter, isIsoDate, latestBirthDateForAge, yearOf } from '@nct/dates';
import { type Problem } from '@nct/rules';
import type { PersonIdentity } from '../people/person.queries';
import { ELDERLY_AGE, MAX_AGE } from '../people/people.rules';

/** The fields of a register entry a roster is matched on. */
export type RegisterRow = Omit<PersonIdentity, 'communeCode' | 'residenceHistory'>;

/** A roster is one commune: a commune has a few thousand elderly people, never more. */
export const MAX_ROSTER_ROWS = 10_000;
/** Centenarians (Q15): a full 100 years. */
export const CENTENARIAN_AGE = 100;

export interface RosterFilterInput {
  minAge?: number | null;
  maxAge?: number | null;
  asOf?: string | null;
  alive?: boolean | null;
  calendarYear?: number | null;
  calendarAges?: number[] | null;
  calendarAgeAtLeast?: number | null;
  legacyCode?: boolean | null;
  citizenIdIn?: string[] | null;
}

/** A checked roster filter: everything a row is matched against. */
export interface RosterCriteria {
  asOf: string;
  minAge: number | null;
  maxAge: number | null;
  alive: boolean | null;
  calendarYear: number | null;
  calendarAges: ReadonlySet<number> | null;
  calendarAgeAtLeast: number | null;
  legacyCode: boolean | null;
  citizenIds: ReadonlySet<string> | null;
}

const age = (field: string, v: number | null | undefined, problems: Problem[]) => {
  if (v != null && (!Number.isInteger(v) || v < 0 || v > MAX_AGE)) {
    problems.push({ field, vi: `${field} phải từ 0 đến ${MAX_AGE}`, en: `${field} must be between 0 and ${MAX_AGE}` });
  }
};

/** Checks a roster filter; `today` is the default `asOf` (the calendar date in Vietnam). */
export function rosterCriteria(
  filter: RosterFilterInput | null | undefined,
  today: string,
): { criteria: RosterCriteria; problems: Problem[] } {
  const f = filter ?? {};
  const problems: Problem[] = [];
  const asOf = f.asOf ?? today;
  if (!isIsoDate(asOf)) problems.push({ field: 'asOf', vi: 'Ngày asOf không hợp lệ', en: 'asOf is not a valid date' });
  age('minAge', f.minAge, problems);
  age('maxAge', f.maxAge, problems);
  if (f.minAge != null && f.maxAge != null && f.minAge > f.maxAge) {
    problems.push({ field: 'minAge', vi: 'minAge không được lớn hơn maxAge', en: 'minAge must not exceed maxAge' });
  }
  if (f.calendarYear != null && (!Number.isInteger(f.calendarYear) || f.calendarYear < 1900 || f.calendarYear > 2999)) {
    problems.push({ field: 'calendarYear', vi: 'Năm phải từ 1900 đến 2999', en: 'calendarYear must be between 1900 and 2999' });
  }
  if (f.calendarAges != null) {
    if (f.calendarAges.length === 0 || f.calendarAges.length > 50) {
      problems.push({ field: 'calendarAges', vi: 'calendarAges phải có 1-50 giá trị', en: 'calendarAges must hold 1-50 values' });
    }
    f.calendarAges.slice(0, 51).forEach((a) => age('calendarAges', a, problems));
  }
  age('calendarAgeAtLeast', f.calendarAgeAtLeast, problems);
  const calendarAsked = f.calendarAges != null || f.calendarAgeAtLeast != null;
  if (f.calendarYear != null && !calendarAsked) {
    problems.push({
      field: 'calendarYear',
      vi: 'calendarYear cần calendarAges hoặc calendarAgeAtLeast',
      en: 'calendarYear needs calendarAges or calendarAgeAtLeast',
    });
  }
  if (f.citizenIdIn != null) {
    if (f.citizenIdIn.length > MAX_ROSTER_ROWS) {
      problems.push({ field: 'citizenIdIn', vi: `Tối đa ${MAX_ROSTER_ROWS} số định danh`, en: `At most ${MAX_ROSTER_ROWS} citizen IDs` });
    } else if (!f.citizenIdIn.every((id) => isCitizenIdShape(id))) {
      problems.push({ field: 'citizenIdIn', vi: 'Số định danh phải gồm 12 chữ số', en: 'Every citizen ID must be 12 digits' });
    }
  }
  const criteria: RosterCriteria = {
    asOf,
    minAge: f.minAge ?? null,
    maxAge: f.maxAge ?? null,
    alive: f.alive ?? null,
    calendarYear: calendarAsked ? (f.calendarYear ?? Number(asOf.slice(0, 4))) : null,
    calendarAges: f.calendarAges ? new Set(f.calendarAges) : null,
    calendarAgeAtLeast: f.calendarAgeAtLeast ?? null,
    legacyCode: f.legacyCode ?? null,
    citizenIds: f.citizenIdIn ? new Set(f.citizenIdIn) : null,
  };
  return { criteria, problems };
}

/** Alive on a date: no death recorded on or before it. */
export function aliveOn(row: Pick<RegisterRow, 'deathDate'>, date: string): boolean {
  return row.deathDate === null || row.deathDate > date;
}

/** Whether a register row is on the roster. Ages are full years on `asOf` (Law on the Elderly 2009). */
export function rosterMatches(row: RegisterRow, c: RosterCriteria): boolean {
  if (c.citizenIds && !c.citizenIds.has(row.citizenId)) return false;
  if (c.alive !== null && aliveOn(row, c.asOf) !== c.alive) return false;
  if (c.legacyCode !== null && (row.legacyUnitCode !== null) !== c.legacyCode) return false;
  if (c.minAge !== null || c.maxAge !== null) {
    if (row.birthDate > c.asOf) return false;
    const a = ageOn(row.birthDate, c.asOf);
    if (c.minAge !== null && a < c.minAge) return false;
    if (c.maxAge !== null && a > c.maxAge) return false;
  }
  if (c.calendarYear !== null) {
    const a = calendarAge(yearOf(row.birthDate), c.calendarYear);
    const listed = c.calendarAges?.has(a) ?? false;
    const above = c.calendarAgeAtLeast !== null && a >= c.calendarAgeAtLeast;
    if (!listed && !above) return false;
  }
  return true;
}

/** An inclusive range of birth dates; null: unbounded on that side. */
export interface BirthInterval {
  from: string | null;
  to: string | null;
}

const year4 = (y: number) => String(y).padStart(4, '0');

/** Birth dates of the ages asked, on `asOf`: [born after the (maxAge+1)th birthday bound, latest date for minAge]. */
function ageInterval(c: RosterCriteria): BirthInterval {
  if (c.minAge === null && c.maxAge === null) return { from: null, to: null };
  const to = c.minAge === null ? c.asOf : latestBirthDateForAge(c.minAge, c.asOf);
  const from = c.maxAge === null ? null : dayAfter(latestBirthDateForAge(c.maxAge + 1, c.asOf));
  return { from, to: to < c.asOf ? to : c.asOf };
}

/** Birth years of the calendar ages asked (celebrations count by year): one interval per age, merged. */
function calendarIntervals(c: RosterCriteria): BirthInterval[] | null {
  if (c.calendarYear === null) return null;
  const y = c.calendarYear;
  const intervals: BirthInterval[] = [...(c.calendarAges ?? [])].map((a) => ({
    from: `${year4(y - a)}-01-01`,
    to: `${year4(y - a)}-12-31`,
  }));
  if (c.calendarAgeAtLeast !== null) intervals.push({ from: null, to: `${year4(y - c.calendarAgeAtLeast)}-12-31` });
  return intervals;
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/** Sorted, overlapping or adjacent intervals joined. */
function mergeIntervals(intervals: BirthInterval[]): BirthInterval[] {
  const sorted = [...intervals].sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : (a.from ?? '') > (b.from ?? '') ? 1 : 0));
  const out: BirthInterval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && (last.to === null || (i.from !== null && i.from <= dayAfter(last.to))))
      last.to = last.to === null || i.to === null ? null : later(last.to, i.to);
    else out.push({ ...i });
  }
  return out;
}

/**
 * The birth-date ranges a roster can hold: the ages asked (turned into bounds with
 * `latestBirthDateForAge`, as `ageOn` counts them) intersected with the calendar ages' birth
 * years. Each is one indexed range within the commune; `rosterMatches` decides each row.
 * An empty list: nobody can match.
 */
export function rosterBirthIntervals(c: RosterCriteria): BirthInterval[] {
  const ages = ageInterval(c);
  const calendar = calendarIntervals(c) ?? [{ from: null, to: null }];
  const clipped = calendar
    .map((i) => ({ from: later(i.from, ages.from), to: earlier(i.to, ages.to) }))
    .filter((i) => i.from === null || i.to === null || i.from <= i.to);
  return mergeIntervals(clipped);
}

/** The latest birth dates of the commune denominators on `asOf`: aged a full 60, a full 100. */
export function countBounds(asOf: string): { elderlyBornBy: string; centenarianBornBy: string } {
  return { elderlyBornBy: latestBirthDateForAge(ELDERLY_AGE, asOf), centenarianBornBy: latestBirthDateForAge(CENTENARIAN_AGE, asOf) };
}

/** Counts of 1-4 people may identify someone: the disclosure check of a unit's figures. */
export function isSmallCount(n: number, threshold: number): boolean {
  return n > 0 && n < threshold;
}

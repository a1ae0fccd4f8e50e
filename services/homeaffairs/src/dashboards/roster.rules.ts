import { isCitizenIdShape } from '@nct/citizen-id';
import { ageOn, isIsoDate } from '@nct/subgraph-kit';
import { ELDERLY_AGE, MAX_AGE, type Problem } from '../people/people.rules';
import type { RegisterRow } from './register.digest';

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
export function rosterCriteria(filter: RosterFilterInput | null | undefined, today: string): { criteria: RosterCriteria; problems: Problem[] } {
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

/** The age someone reaches during a calendar year (longevity celebrations count by year). */
export function calendarAge(birthDate: string, year: number): number {
  return year - Number(birthDate.slice(0, 4));
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
    const a = calendarAge(row.birthDate, c.calendarYear);
    const listed = c.calendarAges?.has(a) ?? false;
    const above = c.calendarAgeAtLeast !== null && a >= c.calendarAgeAtLeast;
    if (!listed && !above) return false;
  }
  return true;
}

/** Commune denominators from the register digest (other subgraphs `@requires` them). */
export interface CommuneCounts {
  elderly: number;
  centenarians: number;
  legacyRecords: number;
}

/** Living people aged a full 60+ / 100+ on `asOf`, and records still on a pre-2025 code. */
export function communeCounts(rows: readonly RegisterRow[], asOf: string): CommuneCounts {
  let elderly = 0;
  let centenarians = 0;
  let legacyRecords = 0;
  for (const r of rows) {
    if (r.legacyUnitCode !== null) legacyRecords++;
    if (!aliveOn(r, asOf) || r.birthDate > asOf) continue;
    const a = ageOn(r.birthDate, asOf);
    if (a >= ELDERLY_AGE) elderly++;
    if (a >= CENTENARIAN_AGE) centenarians++;
  }
  return { elderly, centenarians, legacyRecords };
}

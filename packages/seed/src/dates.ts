/**
 * Calendar helpers on ISO dates ('YYYY-MM-DD') and months ('YYYY-MM'), all in UTC,
 * using day numbers (days since 1970-01-01) for arithmetic.
 */
// Module-level aliases: global lookups are slow inside jest's vm sandbox, locals are not.
const { floor, min } = Math;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Parses a strict ISO date; throws RangeError on an invalid calendar date. */
export function parseIsoDate(iso: string): Ymd {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`invalid ISO date: ${iso}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`invalid ISO date: ${iso}`);
  return { y, m: mo, d };
}

export function isValidIsoDate(iso: string): boolean {
  try {
    parseIsoDate(iso);
    return true;
  } catch {
    return false;
  }
}

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function ymdToDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function isoToDay(iso: string): number {
  const { y, m, d } = parseIsoDate(iso);
  return ymdToDay(y, m, d);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad4 = (n: number): string => `${n}`.padStart(4, '0');

/** Inverse of ymdToDay (civil_from_days); pure arithmetic, no Date objects. */
export function dayToYmd(day: number): Ymd {
  const z = day + 719468;
  const era = floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100));
  const mp = floor((5 * doy + 2) / 153);
  const d = doy - floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

// ISO strings are requested many times for the same days: cache them (bounded range).
const ISO_CACHE_MIN = ymdToDay(1800, 1, 1);
const ISO_CACHE_MAX = ymdToDay(2200, 1, 1);
const isoCache: (string | undefined)[] = [];

export function dayToIso(day: number): string {
  if (day >= ISO_CACHE_MIN && day < ISO_CACHE_MAX) {
    const hit = isoCache[day - ISO_CACHE_MIN];
    if (hit !== undefined) return hit;
  }
  const { y, m, d } = dayToYmd(day);
  const iso = `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
  if (day >= ISO_CACHE_MIN && day < ISO_CACHE_MAX) isoCache[day - ISO_CACHE_MIN] = iso;
  return iso;
}

/** Same calendar day n years later/earlier; 29 Feb becomes 28 Feb in non-leap years. */
export function addYearsYmd(v: Ymd, years: number): Ymd {
  const y = v.y + years;
  return { y, m: v.m, d: min(v.d, daysInMonth(y, v.m)) };
}

/** Full years of age on `on` for someone born on `birth` (both day numbers); a 29 Feb
 * birthday counts on 28 Feb in non-leap years (consistent with birthdayDay). */
export function ageOnDay(birthDay: number, onDay: number): number {
  const b = dayToYmd(birthDay);
  const o = dayToYmd(onDay);
  let age = o.y - b.y;
  if (birthdayDay(birthDay, age) > onDay) age -= 1;
  return age;
}

export function ageOn(birthIso: string, onIso: string): number {
  return ageOnDay(isoToDay(birthIso), isoToDay(onIso));
}

/** Day number of the n-th birthday (29 Feb birthdays fall on 28 Feb in non-leap years). */
export function birthdayDay(birthDay: number, age: number): number {
  const t = addYearsYmd(dayToYmd(birthDay), age);
  return ymdToDay(t.y, t.m, t.d);
}

/** Month index (y*12 + m-1) of a day number. */
export function dayToMonthIndex(day: number): number {
  const v = dayToYmd(day);
  return v.y * 12 + (v.m - 1);
}

export function monthIndexToString(mi: number): string {
  const y = floor(mi / 12);
  const m = (mi % 12) + 1;
  return `${pad4(y)}-${pad2(m)}`;
}

export function monthStringToIndex(s: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (!m) throw new RangeError(`invalid month: ${s}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** Day number of the first day of a month index. */
export function monthIndexFirstDay(mi: number): number {
  return ymdToDay(floor(mi / 12), (mi % 12) + 1, 1);
}

/** Day number of the last day of a month index. */
export function monthIndexLastDay(mi: number): number {
  return monthIndexFirstDay(mi + 1) - 1;
}

/**
 * @nct/dates: the ONE date module of the platform. Every workspace (services, seed, scripts,
 * tests) computes ages, birthdays, months and quarters here, so that a payment rule, a
 * dashboard and the seed can never disagree on someone's age.
 *
 * Dates are ISO strings `YYYY-MM-DD`, months `YYYY-MM`, quarters `YYYY-Qn`: calendar values,
 * no time zones. Arithmetic uses day numbers (days since 1970-01-01, proleptic Gregorian),
 * pure integer arithmetic without Date objects (fast, and the same in every time zone).
 *
 * ## Age, and birthdays on 29 February
 * A person is N years old ("đủ N tuổi", Law on the Elderly 2009 Art. 2) from the day their
 * N-th year of life ends: their birthday in the year of birth + N. Someone born on 29 February
 * reaches a new age on 28 FEBRUARY in a common year. The source is the Civil Code 2015
 * (Bộ luật Dân sự 91/2015/QH13), Article 148 "Kết thúc thời hạn" (end of a time limit):
 *
 * - 148.3: "Khi thời hạn tính bằng tháng thì thời hạn kết thúc tại thời điểm kết thúc ngày
 *   tương ứng của tháng cuối cùng của thời hạn; nếu tháng kết thúc thời hạn không có ngày
 *   tương ứng thì thời hạn kết thúc vào ngày cuối cùng của tháng đó."
 *   (A period counted in months ends at the end of the corresponding day of its last month;
 *   if that month has no corresponding day, the period ends on the LAST day of that month.)
 * - 148.4: "Khi thời hạn tính bằng năm thì thời hạn kết thúc tại thời điểm kết thúc ngày,
 *   tháng tương ứng của năm cuối cùng của thời hạn."
 *   (A period counted in years ends at the end of the corresponding day and month of its
 *   last year.)
 *
 * A year of age is twelve months, and a common year's February has no 29th, so the period
 * ends on its last day, the 28th (148.3; 148.4 alone names a day that does not exist).
 * Article 145.1 applies these rules unless a law provides otherwise; the texts our rules apply
 * (Law on the Elderly 2009, Decree 20/2021/NĐ-CP) do not. As everywhere in this code, a person
 * counts as N on that last day itself (their birthday). So someone born 1944-02-29 is 82 on
 * 2026-02-28 (not only from 2026-03-01); the social allowance at 80, the social pension at
 * 75 / 70-74, membership at 60 and every roster use this same `ageOn`. The same rule gives
 * month arithmetic on dates: 31 January + 1 month = the last day of February
 * (`addMonthsToDate`).
 *
 * Calendar-year ages (`calendarAge`: the year minus the birth year, "tuổi tính theo năm",
 * as longevity celebrations count) are a different, legal, notion kept by the rules that use
 * it; they live here too so that nobody computes them inline.
 *
 * Tests: packages/dates/src/dates.test.ts (table of cases), packages/dates/tests/single-source.test.ts
 * (no workspace defines its own age/month helpers).
 */

// Module-level aliases: global lookups are slow inside jest's vm sandbox, locals are not
// (the seed generator calls these millions of times).
const { floor, min } = Math;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** Years accepted by `isIsoDate` / `isIsoMonth` (input validation: nobody was born before 1800). */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2999;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad4 = (n: number): string => `${n}`.padStart(4, '0');

// ---- calendar ------------------------------------------------------------------------------

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month `m` (1-12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function formatYmd(y: number, m: number, d: number): string {
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

// ---- parsing and validation ----------------------------------------------------------------

/** Parses a strict ISO calendar date (any 4-digit year); throws RangeError otherwise. */
export function parseIsoDate(iso: string): Ymd {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`invalid ISO date: ${iso}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`invalid ISO date: ${iso}`);
  return { y, m: mo, d };
}

function parseIsoDateOrNull(iso: string): Ymd | null {
  try {
    return parseIsoDate(iso);
  } catch {
    return null;
  }
}

/** Input validation: a real calendar date `YYYY-MM-DD` with a year in 1800-2999. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Input validation: a month `YYYY-MM` with a year in 1800-2999. */
export function isIsoMonth(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_MONTH.exec(value);
  return !!m && Number(m[1]) >= MIN_YEAR && Number(m[1]) <= MAX_YEAR && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** The year of an ISO date or month, as a number. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The month `YYYY-MM` of an ISO date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Today's date in Vietnam (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). Only the clock calls this. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

// ---- day numbers ---------------------------------------------------------------------------

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function ymdToDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of ymdToDay (civil_from_days). */
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

export function isoToDay(iso: string): number {
  const { y, m, d } = parseIsoDate(iso);
  return ymdToDay(y, m, d);
}

// ISO strings are requested many times for the same days (seed): cache them (bounded range).
const ISO_CACHE_MIN = ymdToDay(1800, 1, 1);
const ISO_CACHE_MAX = ymdToDay(2200, 1, 1);
const isoCache: (string | undefined)[] = [];

export function dayToIso(day: number): string {
  const cached = day >= ISO_CACHE_MIN && day < ISO_CACHE_MAX;
  if (cached) {
    const hit = isoCache[day - ISO_CACHE_MIN];
    if (hit !== undefined) return hit;
  }
  const { y, m, d } = dayToYmd(day);
  const iso = formatYmd(y, m, d);
  if (cached) isoCache[day - ISO_CACHE_MIN] = iso;
  return iso;
}

/** `date` plus `n` days (n may be negative). */
export function addDays(date: string, n: number): string {
  return dayToIso(isoToDay(date) + n);
}

/** The day after an ISO date. */
export function dayAfter(date: string): string {
  return addDays(date, 1);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return isoToDay(to) - isoToDay(from);
}

// ---- years and ages (Civil Code 2015 Art. 148, see the module comment) ------------------------

/** Same calendar day `years` later/earlier; 29 February becomes 28 February in a common year (Art. 148.3). */
export function addYearsYmd(v: Ymd, years: number): Ymd {
  const y = v.y + years;
  return { y, m: v.m, d: min(v.d, daysInMonth(y, v.m)) };
}

/** ISO `date` plus `years` calendar years (29 February -> 28 February in a common year). */
export function addYears(date: string, years: number): string {
  const t = addYearsYmd(parseIsoDate(date), years);
  return formatYmd(t.y, t.m, t.d);
}

/** Day number of the day someone born on `birthDay` reaches `age` (their birthday; 28 Feb for 29 Feb births in common years). */
export function birthdayDay(birthDay: number, age: number): number {
  const t = addYearsYmd(dayToYmd(birthDay), age);
  return ymdToDay(t.y, t.m, t.d);
}

/** Full years of age on `onDay` of someone born on `birthDay` (day numbers). */
export function ageOnDay(birthDay: number, onDay: number): number {
  const b = dayToYmd(birthDay);
  const o = dayToYmd(onDay);
  let age = o.y - b.y;
  if (birthdayDay(birthDay, age) > onDay) age -= 1;
  return age;
}

/**
 * Full years of age on `onDate` ("đủ N tuổi"). Born 1944-02-29: 81 on 2026-02-27, 82 on
 * 2026-02-28 (Civil Code 2015 Art. 148.3, see the module comment).
 */
export function ageOn(birthDate: string, onDate: string): number {
  // NaN (never throws) on a malformed date, so one bad stored row fails its own comparison
  // (NaN >= 60 is false) instead of the whole list.
  const b = parseIsoDateOrNull(birthDate);
  const o = parseIsoDateOrNull(onDate);
  if (!b || !o) return NaN;
  return ageOnDay(ymdToDay(b.y, b.m, b.d), ymdToDay(o.y, o.m, o.d));
}

/** The date someone born on `birthDate` reaches `age` full years. */
export function dateReachingAge(birthDate: string, age: number): string {
  return addYears(birthDate, age);
}

/**
 * The latest birth date of someone at least `age` full years old on `onDate`: "aged N or more on
 * D" is exactly "born on or before latestBirthDateForAge(N, D)" (database range queries). On the
 * last day of a month it is the last day of that month `age` years earlier, so that on
 * 2026-02-28 someone born 1944-02-29 counts as 82, as `ageOn` says.
 */
export function latestBirthDateForAge(age: number, onDate: string): string {
  const { y, m, d } = parseIsoDate(onDate);
  const year = y - age;
  const last = daysInMonth(year, m);
  const day = d === daysInMonth(y, m) ? last : min(d, last);
  return formatYmd(year, m, day);
}

/** Age counted by calendar year ("tuổi tính theo năm", longevity celebrations): the year minus the birth year, whatever the birthday. */
export function calendarAge(birthYear: number, year: number): number {
  return year - birthYear;
}

// ---- months --------------------------------------------------------------------------------

/** Month index (y*12 + m-1) of a `YYYY-MM` month; throws RangeError on a malformed one. */
export function monthStringToIndex(s: string): number {
  const m = ISO_MONTH.exec(s);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`invalid month: ${s}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthIndexToString(mi: number): string {
  return `${pad4(floor(mi / 12))}-${pad2((mi % 12) + 1)}`;
}

/** Month index of a day number. */
export function dayToMonthIndex(day: number): number {
  const v = dayToYmd(day);
  return v.y * 12 + (v.m - 1);
}

/** Day number of the first day of a month index. */
export function monthIndexFirstDay(mi: number): number {
  return ymdToDay(floor(mi / 12), (mi % 12) + 1, 1);
}

/** Day number of the last day of a month index. */
export function monthIndexLastDay(mi: number): number {
  return monthIndexFirstDay(mi + 1) - 1;
}

/** `YYYY-MM` plus `n` months (n may be negative). Also takes an ISO date (its month). */
export function addMonths(month: string, n: number): string {
  return monthIndexToString(Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n);
}

/** Months from `from` to `to` (`YYYY-MM`; negative when `to` is earlier): 2025-11 -> 2026-02 is 3. */
export function monthsBetween(from: string, to: string): number {
  return monthStringToIndex(to) - monthStringToIndex(from);
}

/** First day `YYYY-MM-01` of a month. */
export function firstDayOfMonth(month: string): string {
  return dayToIso(monthIndexFirstDay(monthStringToIndex(month)));
}

/** Last day of a month (`2024-02` -> `2024-02-29`). */
export function lastDayOfMonth(month: string): string {
  return dayToIso(monthIndexLastDay(monthStringToIndex(month)));
}

/** First and last day of a month. */
export function monthBounds(month: string): { first: string; last: string } {
  return { first: firstDayOfMonth(month), last: lastDayOfMonth(month) };
}

/**
 * ISO `date` plus `n` months: the corresponding day, or the last day of the month when it has
 * none (Civil Code 2015 Art. 148.3): 2026-01-31 + 1 month = 2026-02-28.
 */
export function addMonthsToDate(date: string, n: number): string {
  const { y, m, d } = parseIsoDate(date);
  const mi = y * 12 + (m - 1) + n;
  const ty = floor(mi / 12);
  const tm = (mi % 12) + 1;
  return formatYmd(ty, tm, min(d, daysInMonth(ty, tm)));
}

// ---- quarters ------------------------------------------------------------------------------

/** The calendar quarter `YYYY-Qn` of an ISO date (or month). */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** First day of the quarter `back` quarters before the one containing `date` (0: its own quarter). */
export function quarterStart(date: string, back = 0): string {
  const qi = yearOf(date) * 4 + floor((Number(date.slice(5, 7)) - 1) / 3) - back;
  return formatYmd(floor(qi / 4), (qi % 4) * 3 + 1, 1);
}

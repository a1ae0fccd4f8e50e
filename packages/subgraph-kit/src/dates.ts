/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`) and months as `YYYY-MM`: no time zones in
 * stored data. "Today" is the calendar date in Vietnam (UTC+7).
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1800 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function isIsoMonth(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_MONTH.exec(value);
  return !!m && Number(m[1]) >= 1800 && Number(m[1]) <= 2999 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Today's date in Vietnam (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Age in full years on a date (Law on the Elderly 2009: "đủ 60 tuổi trở lên").
 * Someone born on 29 February reaches a new year of age on 1 March in common years.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** The latest birth date of someone who is at least `age` full years old on `onDate`. */
export function latestBirthDateForAge(age: number, onDate: string): string {
  const [y, m, d] = onDate.split('-').map(Number);
  const year = y - age;
  // Same month and day `age` years earlier; 29 Feb of a common year becomes 28 Feb
  // (consistent with ageOn: that person is not yet a year older on 28 Feb).
  const day = Math.min(d, daysInMonth(year, m));
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

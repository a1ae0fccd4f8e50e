import { parseCitizenId, PROVINCE_CODES } from '@nct/citizen-id';

/**
 * The birth year a citizen ID encodes (digits 4-6: century and sex, then the last two digits
 * of the year; Circular 59/2021/TT-BCA, Art. 7), or null for an ID that is not well formed.
 * Calendar ages (mừng thọ counts `year - birth year`) need nothing more, so a mutation can
 * compute them without the register's birth date, which only a field with `@requires` gets.
 */
export function birthYearOf(citizenId: string): number | null {
  const parts = parseCitizenId(citizenId);
  return parts && PROVINCE_CODES.has(parts.provinceCode) ? parts.birthYear : null;
}

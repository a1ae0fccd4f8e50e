import { parseCitizenId, PROVINCE_CODES } from '@nct/citizen-id';

/**
 * The birth year a citizen ID encodes (digits 4-6: century and sex, then the last two digits
 * of the year; Circular 59/2021/TT-BCA, Art. 7), or null for an ID that is not well formed.
 * Used to check an ID's shape; ages are computed from the register's birth date (through the
 * graph for a mutation, `@requires` for a field; docs/consistency.md section 3).
 */
export function birthYearOf(citizenId: string): number | null {
  const parts = parseCitizenId(citizenId);
  return parts && PROVINCE_CODES.has(parts.provinceCode) ? parts.birthYear : null;
}

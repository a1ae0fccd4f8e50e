import { isIsoDate } from '@nct/dates';
import type { Problem } from '@nct/rules';

/** Maximum length of a facility name (trạm y tế, bệnh viện...). */
export const MAX_FACILITY_LENGTH = 200;

/** NFC-normalised, trimmed text. */
export function normaliseText(value: string): string {
  return value.normalize('NFC').trim();
}

/** A facility name must be 1-200 characters once trimmed. */
export function facilityProblems(value: string, field: string): Problem[] {
  const text = normaliseText(value);
  return text.length === 0 || text.length > MAX_FACILITY_LENGTH
    ? [{ field, vi: `${field} phải có 1-${MAX_FACILITY_LENGTH} ký tự`, en: `${field} must be 1-${MAX_FACILITY_LENGTH} characters` }]
    : [];
}

/** A real calendar date, not after today (Vietnam). */
export function pastDateProblems(value: string, field: string, today: string): Problem[] {
  if (!isIsoDate(value)) return [{ field, vi: `${field} không phải ngày hợp lệ`, en: `${field} is not a valid date` }];
  if (value > today) return [{ field, vi: `${field} không được ở tương lai`, en: `${field} must not be in the future` }];
  return [];
}

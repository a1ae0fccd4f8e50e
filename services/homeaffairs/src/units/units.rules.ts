/**
 * Unit codes (Decision 19/2025/QĐ-TTg on the list of administrative units): provinces 2
 * digits, communes/wards/special zones 5 digits; abolished districts kept their 3-digit codes.
 */
export type CodeLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

export function codeLevel(code: string): CodeLevel | null {
  if (/^\d{2}$/.test(code)) return 'PROVINCE';
  if (/^\d{3}$/.test(code)) return 'DISTRICT';
  if (/^\d{5}$/.test(code)) return 'COMMUNE';
  return null;
}

export function isCommuneCode(code: string): boolean {
  return codeLevel(code) === 'COMMUNE';
}

/** Whether a unit is in force on a date (validFrom inclusive, validTo inclusive). */
export function isValidOn(unit: { validFrom: string; validTo: string | null }, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || date <= unit.validTo);
}

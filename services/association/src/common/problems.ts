import type { Problem } from '@nct/rules';

/** Vietnamese text as stored: NFC, trimmed. */
export function cleanText(value: string): string {
  return value.normalize('NFC').trim();
}

/** A problem when `value` (cleaned) is empty, too long, or does not match `pattern`. */
export function textProblem(field: string, value: string, maxLength: number, pattern?: RegExp): Problem | null {
  const text = cleanText(value);
  if (text.length > 0 && text.length <= maxLength && (!pattern || pattern.test(text))) return null;
  return {
    field,
    vi: `${field} phải có 1-${maxLength} ký tự hợp lệ`,
    en: `${field} must be 1-${maxLength} valid characters`,
  };
}

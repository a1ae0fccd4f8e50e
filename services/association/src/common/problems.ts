import { BadUserInputError } from '@nct/errors';

/** One reason an input is refused, in both languages, naming the input field. */
export interface Problem {
  field: string;
  vi: string;
  en: string;
}

/** Throws BAD_USER_INPUT listing every problem (nothing has been written at this point). */
export function refuse(problems: Problem[]): never {
  throw new BadUserInputError(
    { vi: problems.map((p) => p.vi).join('; '), en: problems.map((p) => p.en).join('; ') },
    { problems: problems.map((p) => ({ field: p.field, messageVi: p.vi, messageEn: p.en })) },
  );
}

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

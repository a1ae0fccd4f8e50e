import { checkCitizenId, PROBLEM_MESSAGES } from '@nct/citizen-id';
import { isIsoDate } from '@nct/dates';
import { BadUserInputError } from '@nct/errors';

/**
 * Validates a citizen ID argument's shape (12 digits, known province prefix) and returns it.
 * Consistency with birth date and sex is the register's business (homeaffairs).
 */
export function citizenIdArg(value: unknown, argument = 'citizenId'): string {
  const text = typeof value === 'string' ? value : '';
  const problems = typeof value === 'string' && value.length <= 64 ? checkCitizenId(value) : (['NOT_12_DIGITS'] as const);
  if (problems.length) {
    const p = PROBLEM_MESSAGES[problems[0]];
    throw new BadUserInputError(
      { vi: `${p.vi}: "${text.slice(0, 20)}"`, en: `${p.en}: "${text.slice(0, 20)}"` },
      { argument, problems: [...problems] },
    );
  }
  return text;
}

/**
 * A date argument (`asOf`, `onDate`...): the value, or `today` (the injected clock) when it is
 * omitted; refused unless a real ISO date. `labelVi` names it in the Vietnamese message
 * (default "Ngày <argument>").
 */
export function dateArg(value: string | null | undefined, argument: string, today: string, labelVi = `Ngày ${argument}`): string {
  const date = value ?? today;
  if (!isIsoDate(date)) throw new BadUserInputError({ vi: `${labelVi} không hợp lệ`, en: `${argument} is not a valid date` }, { argument });
  return date;
}

/** Vietnamese text as stored: trimmed, NFC, bounded length. */
export function textArg(value: string, argument: string, maxLength: number): string {
  const text = value.normalize('NFC').trim();
  if (text.length === 0 || text.length > maxLength) {
    throw new BadUserInputError(
      { vi: `${argument} phải có từ 1 đến ${maxLength} ký tự`, en: `${argument} must be 1 to ${maxLength} characters` },
      { argument, maxLength },
    );
  }
  return text;
}

/** Lower-case, diacritics removed (đ -> d): the search form of a Vietnamese name. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

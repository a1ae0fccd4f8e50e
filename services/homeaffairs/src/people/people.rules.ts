import { checkCitizenId, PROBLEM_MESSAGES } from '@nct/citizen-id';
import { foldVietnamese } from '@nct/subgraph-kit';
import { ageOn, isIsoDate, latestBirthDateForAge } from '@nct/dates';
import type { Problem } from '@nct/rules';
import { isCommuneCode } from '../units/units.rules';
import type { Sex } from './person.model';

/** Law on the Elderly 2009, Art. 2: a citizen aged a full 60 or more. */
export const ELDERLY_AGE = 60;
export const MAX_AGE = 130;
export const MAX_NAME_LENGTH = 100;

export interface PeopleFilterInput {
  communeCode?: string | null;
  minAge?: number | null;
  maxAge?: number | null;
  sex?: Sex | null;
  alive?: boolean | null;
  nameContains?: string | null;
}

/** Field conditions of a people filter, as plain values (operators are added by the resolver). */
export interface PeopleConditions {
  communeCode?: string;
  sex?: Sex;
  /** Inclusive upper bound on birth date (from minAge). */
  bornOnOrBefore?: string;
  /** Exclusive lower bound on birth date (from maxAge). */
  bornAfter?: string;
  alive?: boolean;
  /** Folded name fragment: matches names with a word starting with it ("van an", "an"). */
  nameFragment?: string;
}

/** The stored search fields of a name: folded, and folded from each word on (see person.model.ts). */
export function nameSearchFields(fullName: string): { nameSearch: string; nameKeys: string[] } {
  const nameSearch = foldVietnamese(fullName);
  const words = nameSearch.split(' ').filter((w) => w.length > 0);
  return { nameSearch, nameKeys: words.map((_, i) => words.slice(i).join(' ')) };
}

/** The range of `nameKeys` values that start with a folded fragment: [fragment, next). */
export function nameKeyRange(fragment: string): { from: string; before: string } {
  const chars = Array.from(fragment);
  const last = chars.pop()?.codePointAt(0) ?? 0;
  return { from: fragment, before: chars.join('') + String.fromCodePoint(last + 1) };
}

/** Checks a filter and turns ages into birth-date bounds as of `today`. */
export function peopleConditions(
  filter: PeopleFilterInput | null | undefined,
  today: string,
): { conditions: PeopleConditions; problems: Problem[] } {
  const problems: Problem[] = [];
  const conditions: PeopleConditions = {};
  if (!filter) return { conditions, problems };
  if (filter.communeCode != null) {
    if (!isCommuneCode(filter.communeCode)) {
      problems.push({ field: 'communeCode', vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' });
    } else conditions.communeCode = filter.communeCode;
  }
  for (const key of ['minAge', 'maxAge'] as const) {
    const v = filter[key];
    if (v != null && (!Number.isInteger(v) || v < 0 || v > MAX_AGE)) {
      problems.push({ field: key, vi: `${key} phải từ 0 đến ${MAX_AGE}`, en: `${key} must be between 0 and ${MAX_AGE}` });
    }
  }
  if (filter.minAge != null && filter.maxAge != null && filter.minAge > filter.maxAge) {
    problems.push({ field: 'minAge', vi: 'minAge không được lớn hơn maxAge', en: 'minAge must not exceed maxAge' });
  }
  if (problems.length === 0) {
    if (filter.minAge != null) conditions.bornOnOrBefore = latestBirthDateForAge(filter.minAge, today);
    if (filter.maxAge != null) conditions.bornAfter = latestBirthDateForAge(filter.maxAge + 1, today);
  }
  if (filter.sex != null) conditions.sex = filter.sex;
  if (filter.alive != null) conditions.alive = filter.alive;
  if (filter.nameContains != null) {
    const folded = foldVietnamese(filter.nameContains);
    if (folded.length === 0 || folded.length > MAX_NAME_LENGTH) {
      problems.push({
        field: 'nameContains',
        vi: `Chuỗi tìm kiếm phải có 1-${MAX_NAME_LENGTH} ký tự`,
        en: `nameContains must be 1-${MAX_NAME_LENGTH} characters`,
      });
    } else conditions.nameFragment = folded;
  }
  return { conditions, problems };
}

export interface RegistrationInput {
  citizenId: string;
  fullName: string;
  birthDate: string;
  sex: Sex;
  ethnicity: string;
  communeCode: string;
}

const NAME_PATTERN = /^[\p{L}][\p{L}\p{M}' .-]*$/u;

/** Every reason the register refuses a new entry (an empty list: accepted). */
export function registrationProblems(input: RegistrationInput, today: string): Problem[] {
  const problems: Problem[] = [];
  const idProblems = checkCitizenId(input.citizenId, { birthDate: input.birthDate, sex: input.sex });
  for (const p of idProblems) problems.push({ field: 'citizenId', ...PROBLEM_MESSAGES[p] });

  const name = input.fullName.normalize('NFC').trim();
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || !NAME_PATTERN.test(name)) {
    problems.push({
      field: 'fullName',
      vi: `Họ tên phải có 1-${MAX_NAME_LENGTH} ký tự, chỉ gồm chữ cái và khoảng trắng`,
      en: `fullName must be 1-${MAX_NAME_LENGTH} letters and spaces`,
    });
  }
  if (!isIsoDate(input.birthDate) || input.birthDate > today) {
    problems.push({ field: 'birthDate', vi: 'Ngày sinh không hợp lệ hoặc ở tương lai', en: 'birthDate is not a valid past date' });
  } else {
    const age = ageOn(input.birthDate, today);
    if (age < ELDERLY_AGE) {
      problems.push({
        field: 'birthDate',
        vi: `Chưa đủ ${ELDERLY_AGE} tuổi (Luật Người cao tuổi 2009)`,
        en: `Younger than ${ELDERLY_AGE} (Law on the Elderly 2009)`,
      });
    } else if (age > MAX_AGE) {
      problems.push({ field: 'birthDate', vi: `Tuổi vượt quá ${MAX_AGE}`, en: `Age above ${MAX_AGE}` });
    }
  }
  const ethnicity = input.ethnicity.normalize('NFC').trim();
  if (ethnicity.length === 0 || ethnicity.length > 50) {
    problems.push({ field: 'ethnicity', vi: 'Dân tộc phải có 1-50 ký tự', en: 'ethnicity must be 1-50 characters' });
  }
  if (!isCommuneCode(input.communeCode)) {
    problems.push({ field: 'communeCode', vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' });
  }
  return problems;
}

/** Age shown for a person: today, or at death. */
export function displayedAge(birthDate: string, deathDate: string | null, today: string): number {
  return ageOn(birthDate, deathDate && deathDate < today ? deathDate : today);
}

export interface CorrectionInput {
  fullName?: string | null;
  birthDate?: string | null;
  sex?: Sex | null;
  ethnicity?: string | null;
  communeCode?: string | null;
  clearLegacyUnitCode?: boolean | null;
}

/**
 * A correction applied to a register entry: the merged entry must pass every registration
 * check again (the citizen ID's digits 4-6 against the corrected birth year and sex), and a
 * recorded death must stay on or after the (corrected) birth date.
 */
export function correctionProblems(
  current: RegistrationInput & { deathDate: string | null },
  change: CorrectionInput,
  today: string,
): { merged: RegistrationInput; problems: Problem[] } {
  const given = Object.entries(change).filter(([, v]) => v != null);
  const merged: RegistrationInput = {
    citizenId: current.citizenId,
    fullName: change.fullName ?? current.fullName,
    birthDate: change.birthDate ?? current.birthDate,
    sex: change.sex ?? current.sex,
    ethnicity: change.ethnicity ?? current.ethnicity,
    communeCode: change.communeCode ?? current.communeCode,
  };
  if (given.length === 0) {
    return { merged, problems: [{ field: 'input', vi: 'Không có trường nào cần sửa', en: 'Nothing to correct' }] };
  }
  const problems = registrationProblems(merged, today);
  if (current.deathDate && isIsoDate(merged.birthDate) && merged.birthDate > current.deathDate) {
    problems.push({ field: 'birthDate', vi: 'Ngày sinh sau ngày mất đã ghi', en: 'birthDate is after the recorded date of death' });
  }
  return { merged, problems };
}

/** A death may be recorded once, on a real date, not before birth and not in the future. */
export function deathProblems(person: { birthDate: string; deathDate: string | null }, deathDate: string, today: string): Problem[] {
  if (!isIsoDate(deathDate)) return [{ field: 'deathDate', vi: 'Ngày mất không hợp lệ', en: 'deathDate is not a valid date' }];
  const problems: Problem[] = [];
  if (deathDate > today) problems.push({ field: 'deathDate', vi: 'Ngày mất ở tương lai', en: 'deathDate is in the future' });
  if (deathDate < person.birthDate)
    problems.push({ field: 'deathDate', vi: 'Ngày mất trước ngày sinh', en: 'deathDate is before the birth date' });
  return problems;
}

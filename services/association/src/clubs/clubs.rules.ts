import { checkCitizenId, PROBLEM_MESSAGES } from '@nct/citizen-id';
import { ageOn, isIsoDate } from '@nct/dates';
import { Problem } from '@nct/rules';
import { textProblem } from '../common/problems';
import { elderlyAgeOn } from '../membership/rules/elderly-age';
import type { PercentRange } from './rules/composition-targets';

export type Sex = 'MALE' | 'FEMALE';
export type ClubRole = 'CHAIR' | 'VICE_CHAIR' | 'MEMBER';

/** Club IDs: `CLB-<5-digit commune code>-<2-digit sequence>`, e.g. CLB-03199-01. */
export const CLUB_ID_PATTERN = /^CLB-\d{5}-\d{2}$/;
export const MAX_NAME_LENGTH = 100;
export const MAX_AGE = 130;
const NAME_PATTERN = /^[\p{L}][\p{L}\p{M}' .-]*$/u;

export interface ClubMemberFlags {
  birthDate: string;
  sex: Sex;
  elderly: boolean;
  woman: boolean;
  young: boolean;
}

/**
 * The composition flags must agree with identity, as of `today` (Decision 1336/QĐ-TTg counts
 * women, elderly and younger members): woman ⇔ FEMALE; elderly ⇔ a full 60 or more
 * (Law on the Elderly 2009, Art. 2); young ⇔ under 60. Assumes a valid birth date.
 */
export function memberFlagProblems(m: ClubMemberFlags, today: string): Problem[] {
  const problems: Problem[] = [];
  const elderlyAge = elderlyAgeOn(today);
  const isElderly = ageOn(m.birthDate, today) >= elderlyAge;
  if (m.woman !== (m.sex === 'FEMALE')) {
    problems.push({ field: 'woman', vi: 'Cờ "nữ" phải khớp với giới tính', en: 'woman must be true exactly when sex is FEMALE' });
  }
  if (m.elderly !== isElderly) {
    problems.push({
      field: 'elderly',
      vi: `Cờ "người cao tuổi" phải đúng khi và chỉ khi đủ ${elderlyAge} tuổi`,
      en: `elderly must be true exactly when aged a full ${elderlyAge} or more`,
    });
  }
  if (m.young !== !isElderly) {
    problems.push({
      field: 'young',
      vi: `Cờ "người trẻ" phải đúng khi và chỉ khi dưới ${elderlyAge} tuổi`,
      en: `young must be true exactly when younger than ${elderlyAge}`,
    });
  }
  return problems;
}

export interface ClubMemberInput extends ClubMemberFlags {
  clubId: string;
  citizenId: string;
  fullName: string;
  joinedOn: string;
}

/** Every reason a new club member is refused before the database is asked (empty: accepted). */
export function clubMemberProblems(input: ClubMemberInput, today: string): Problem[] {
  const problems: Problem[] = [];
  if (!CLUB_ID_PATTERN.test(input.clubId)) {
    problems.push({ field: 'clubId', vi: 'Mã câu lạc bộ có dạng CLB-xxxxx-nn', en: 'clubId must look like CLB-12345-01' });
  }
  // Younger members are not in the elderly register, so the ID is checked here against the
  // birth date and sex given (Circular 59/2021/TT-BCA, Art. 7: digits 4-6).
  for (const p of checkCitizenId(input.citizenId, { birthDate: input.birthDate, sex: input.sex })) {
    problems.push({ field: 'citizenId', ...PROBLEM_MESSAGES[p] });
  }
  const name = textProblem('fullName', input.fullName, MAX_NAME_LENGTH, NAME_PATTERN);
  if (name) problems.push(name);
  const birthOk = isIsoDate(input.birthDate) && input.birthDate <= today && ageOn(input.birthDate, today) <= MAX_AGE;
  if (!birthOk) {
    problems.push({ field: 'birthDate', vi: 'Ngày sinh không hợp lệ hoặc ở tương lai', en: 'birthDate is not a valid past date' });
  }
  if (!isIsoDate(input.joinedOn) || input.joinedOn > today || (birthOk && input.joinedOn < input.birthDate)) {
    problems.push({ field: 'joinedOn', vi: 'Ngày tham gia không hợp lệ', en: 'joinedOn must be a date between birth and today' });
  }
  if (birthOk) problems.push(...memberFlagProblems(input, today));
  return problems;
}

export interface CompositionMember {
  elderly: boolean;
  woman: boolean;
  young: boolean;
  priority: boolean;
}

export interface ClubComposition {
  total: number;
  women: number;
  elderly: number;
  young: number;
  priority: number;
  /** Shares as fractions of total (0 for an empty club). */
  shares: { women: number; elderly: number; young: number; priority: number };
}

/** Member counts and shares of a club, from the stored flags (Decision 1336/QĐ-TTg targets). */
export function clubComposition(members: readonly CompositionMember[]): ClubComposition {
  const total = members.length;
  const count = (key: keyof CompositionMember) => members.reduce((n, m) => n + (m[key] ? 1 : 0), 0);
  const women = count('woman');
  const elderly = count('elderly');
  const young = count('young');
  const priority = count('priority');
  const share = (n: number) => (total === 0 ? 0 : n / total);
  return {
    total,
    women,
    elderly,
    young,
    priority,
    shares: { women: share(women), elderly: share(elderly), young: share(young), priority: share(priority) },
  };
}

/** Whether count/total lies within a per-cent range, inclusive, in exact integer arithmetic. */
export function withinPercent(count: number, total: number, range: PercentRange): boolean {
  return total > 0 && count * 100 >= range.min * total && count * 100 <= range.max * total;
}

/**
 * The elderly among a commune's priority club members on `today` (full elderly age from the
 * club's copy of the birth date), by citizen ID, each once: younger members are not in the
 * register, so they are never returned.
 */
export function elderlyPriorityMembers(members: ReadonlyArray<{ citizenId: string; birthDate: string }>, today: string): string[] {
  const elderlyAge = elderlyAgeOn(today);
  const ids = members
    .filter((m) => isIsoDate(m.birthDate) && m.birthDate <= today && ageOn(m.birthDate, today) >= elderlyAge)
    .map((m) => m.citizenId);
  return [...new Set(ids)].sort();
}

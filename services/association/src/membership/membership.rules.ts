import { checkCitizenId, PROBLEM_MESSAGES } from '@nct/citizen-id';
import { ageOn, isIsoDate } from '@nct/dates';
import { communeCodeProblems, Problem } from '@nct/rules';
import { birthYearOf } from '../common/citizen';
import { elderlyAgeOn } from './rules/elderly-age';
import { cleanText, textProblem } from '../common/problems';

export const MAX_BRANCH_NAME_LENGTH = 100;
export const MAX_CARD_NUMBER_LENGTH = 30;
/** Card numbers as printed, e.g. HNCT-03199-000123. */
export const CARD_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9./-]*$/;

export interface MembershipInput {
  citizenId: string;
  branchName: string;
  communeCode: string;
  joinedOn: string;
  cardNumber: string;
}

/**
 * Every reason a membership registration is refused (empty: accepted). The citizen ID is
 * checked for shape only: birth date and sex live in the register (homeaffairs), and the
 * age-60 condition (Law on the Elderly 2009, Art. 2; the Association's charter) will be
 * checked through `@requires` on the Person's birth date in a later change.
 */
export function membershipProblems(input: MembershipInput, today: string): Problem[] {
  const problems: Problem[] = [];
  for (const p of checkCitizenId(input.citizenId)) problems.push({ field: 'citizenId', ...PROBLEM_MESSAGES[p] });
  const branch = textProblem('branchName', input.branchName, MAX_BRANCH_NAME_LENGTH);
  if (branch) problems.push(branch);
  problems.push(...communeCodeProblems(input.communeCode));
  if (!isIsoDate(input.joinedOn) || input.joinedOn > today) {
    problems.push({
      field: 'joinedOn',
      vi: 'Ngày vào Hội không hợp lệ hoặc ở tương lai',
      en: 'joinedOn is not a valid date or is in the future',
    });
  }
  const card = textProblem('cardNumber', input.cardNumber, MAX_CARD_NUMBER_LENGTH, CARD_NUMBER_PATTERN);
  if (card) problems.push(card);
  return problems;
}

/** The stored form of an accepted input (NFC, trimmed; card numbers upper case). */
export function normaliseMembership(input: MembershipInput): MembershipInput {
  return { ...input, branchName: cleanText(input.branchName), cardNumber: cleanText(input.cardNumber).toUpperCase() };
}

/**
 * The age-60 rule on joining (Law on the Elderly 2009, Art. 2; the Association's charter),
 * decided without the register: a mutation gets no `@requires` data. The citizen ID encodes
 * the birth year (digits 4-6), so in any year after the 60th birthday's year the person is a
 * full 60 whatever the day; in the year itself the applicant's birth date is needed and must
 * agree with the ID; before it, the person is too young. The register's birth date is
 * compared afterwards by `Person.membershipEligibility` (`@requires(fields: "birthDate")`).
 */
export function joiningAgeProblem(citizenId: string, joinedOn: string, declaredBirthDate: string | null | undefined): Problem | null {
  const birthYear = birthYearOf(citizenId);
  if (birthYear === null || !isIsoDate(joinedOn)) return null; // reported by the shape checks
  const age = elderlyAgeOn(joinedOn);
  const diff = Number(joinedOn.slice(0, 4)) - birthYear;
  const tooYoung = {
    field: 'joinedOn',
    vi: `Chỉ kết nạp người đủ ${age} tuổi (Luật Người cao tuổi 2009, Điều 2)`,
    en: `Members must be aged a full ${age} on joining (Law on the Elderly 2009, Art. 2)`,
  };
  if (diff > age) return null;
  if (diff < age) return tooYoung;
  if (declaredBirthDate == null) {
    return {
      field: 'birthDate',
      vi: `Người sinh năm ${birthYear} cần ngày sinh để xác định đủ ${age} tuổi`,
      en: `Someone born in ${birthYear} needs a birth date to show a full ${age}`,
    };
  }
  if (!isIsoDate(declaredBirthDate) || Number(declaredBirthDate.slice(0, 4)) !== birthYear) {
    return {
      field: 'birthDate',
      vi: 'Ngày sinh không khớp năm sinh trong số định danh',
      en: 'birthDate does not match the birth year in the citizen ID',
    };
  }
  return ageOn(declaredBirthDate, joinedOn) >= age ? null : tooYoung;
}

export interface JoinInput {
  citizenId: string;
  branchId: string;
  groupName?: string | null;
  joinedOn: string;
  cardNumber: string;
  birthDate?: string | null;
}

export const BRANCH_ID_PATTERN = /^CH-\d{5}-\d{3}$/;

/** Every reason a joining is refused before the database is asked (empty: accepted). */
export function joinProblems(input: JoinInput, today: string): Problem[] {
  const problems: Problem[] = [];
  for (const p of checkCitizenId(input.citizenId)) problems.push({ field: 'citizenId', ...PROBLEM_MESSAGES[p] });
  if (!BRANCH_ID_PATTERN.test(input.branchId))
    problems.push({ field: 'branchId', vi: 'Mã chi hội có dạng CH-xxxxx-nnn', en: 'branchId must look like CH-12345-001' });
  if (input.groupName != null) {
    const g = textProblem('groupName', input.groupName, MAX_BRANCH_NAME_LENGTH);
    if (g) problems.push(g);
  }
  if (!isIsoDate(input.joinedOn) || input.joinedOn > today) {
    problems.push({
      field: 'joinedOn',
      vi: 'Ngày vào Hội không hợp lệ hoặc ở tương lai',
      en: 'joinedOn is not a valid date or is in the future',
    });
  }
  if (input.birthDate != null && (!isIsoDate(input.birthDate) || input.birthDate > today)) {
    problems.push({ field: 'birthDate', vi: 'Ngày sinh không hợp lệ', en: 'birthDate is not a valid past date' });
  }
  const card = textProblem('cardNumber', input.cardNumber, MAX_CARD_NUMBER_LENGTH, CARD_NUMBER_PATTERN);
  if (card) problems.push(card);
  if (problems.length === 0) {
    const age = joiningAgeProblem(input.citizenId, input.joinedOn, input.birthDate);
    if (age) problems.push(age);
  }
  return problems;
}

/** Whether the register's birth date confirms the age-60 rule on the joining date. */
export function eligibilityOf(
  registerBirthDate: string | null | undefined,
  joinedOn: string,
  declaredBirthDate: string | null | undefined,
) {
  if (!isIsoDate(registerBirthDate)) return null;
  const ageAtJoining = ageOn(registerBirthDate, joinedOn);
  return {
    ageAtJoining,
    eligible: ageAtJoining >= elderlyAgeOn(joinedOn),
    declaredBirthDate: declaredBirthDate ?? null,
    declaredMatchesRegister: declaredBirthDate == null ? null : declaredBirthDate === registerBirthDate,
  };
}

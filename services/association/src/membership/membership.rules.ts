import { checkCitizenId, PROBLEM_MESSAGES } from '@nct/citizen-id';
import { ageOn, isIsoDate } from '@nct/dates';
import { communeCodeProblems, Problem } from '@nct/rules';
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
 * checked for shape only: birth date and sex live in the register (homeaffairs); the age-60
 * condition is `joiningAgeProblem`, on the register's birth date.
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
 * decided on the register's birth date, read through the graph by `joinAssociation`
 * (docs/consistency.md section 3; docs/membership-age.md): a full 60 on the joining date, and
 * not dead by then. What the applicant declared is only compared (IDENTITY_MISMATCH).
 */
export function joiningAgeProblem(register: { birthDate: string; deathDate: string | null }, joinedOn: string): Problem | null {
  if (!isIsoDate(joinedOn)) return null; // reported by the shape checks
  if (register.deathDate !== null && register.deathDate <= joinedOn) {
    return {
      field: 'joinedOn',
      vi: `Sổ đăng ký ghi người này đã mất ngày ${register.deathDate}`,
      en: `The register records this person's death on ${register.deathDate}`,
    };
  }
  const age = elderlyAgeOn(joinedOn);
  if (ageOn(register.birthDate, joinedOn) >= age) return null;
  return {
    field: 'joinedOn',
    vi: `Chỉ kết nạp người đủ ${age} tuổi (Luật Người cao tuổi 2009, Điều 2); theo sổ đăng ký, người này sinh ngày ${register.birthDate}`,
    en: `Members must be aged a full ${age} on joining (Law on the Elderly 2009, Art. 2); the register gives the birth date ${register.birthDate}`,
  };
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

/** Every reason a joining is refused by its shape, before the register and the database are asked (empty: accepted). */
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

import { checkCitizenId, PROBLEM_MESSAGES } from '@nct/citizen-id';
import { isIsoDate } from '@nct/subgraph-kit';
import { cleanText, Problem, textProblem } from '../common/problems';

export const MAX_BRANCH_NAME_LENGTH = 100;
export const MAX_CARD_NUMBER_LENGTH = 30;
/** Card numbers as printed, e.g. HNCT-03199-000123. */
export const CARD_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9./-]*$/;
/** Decision 19/2025/QĐ-TTg: communes, wards and special zones have 5-digit codes. */
export const COMMUNE_CODE_PATTERN = /^\d{5}$/;

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
  if (!COMMUNE_CODE_PATTERN.test(input.communeCode)) {
    problems.push({ field: 'communeCode', vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' });
  }
  if (!isIsoDate(input.joinedOn) || input.joinedOn > today) {
    problems.push({ field: 'joinedOn', vi: 'Ngày vào Hội không hợp lệ hoặc ở tương lai', en: 'joinedOn is not a valid date or is in the future' });
  }
  const card = textProblem('cardNumber', input.cardNumber, MAX_CARD_NUMBER_LENGTH, CARD_NUMBER_PATTERN);
  if (card) problems.push(card);
  return problems;
}

/** The stored form of an accepted input (NFC, trimmed; card numbers upper case). */
export function normaliseMembership(input: MembershipInput): MembershipInput {
  return { ...input, branchName: cleanText(input.branchName), cardNumber: cleanText(input.cardNumber).toUpperCase() };
}

import { checkCitizenId, PROBLEM_MESSAGES } from '@nct/citizen-id';
import { isIsoDate } from '@nct/dates';
import { Problem } from '@nct/rules';
import { facilityProblems } from '../common/problems';
import { beneficiaryGroupOn } from './rules/beneficiary-groups';

/**
 * BHYT card code (mã thẻ BHYT), Decision 1351/QĐ-BHXH (2015): 15 characters =
 *   positions 1-2   beneficiary group code (rules/beneficiary-groups.ts),
 *   position 3      benefit level 1-5 (mức hưởng, Law on Health Insurance Art. 22),
 *   positions 4-5   province code of the issuing social-insurance office (01-99),
 *   positions 6-15  the person's 10-digit social-insurance number.
 * Codes are written in capitals: lower-case input is refused, never silently upper-cased.
 */
export const CARD_CODE_LENGTH = 15;
export const BENEFIT_LEVELS = { min: 1, max: 5 } as const;

export type CardCodeProblem =
  'WRONG_LENGTH' | 'LOWER_CASE' | 'UNKNOWN_GROUP' | 'BENEFIT_LEVEL_OUT_OF_RANGE' | 'BAD_PROVINCE' | 'BAD_SOCIAL_INSURANCE_NUMBER';

const MESSAGES: Record<CardCodeProblem, (code: string) => { vi: string; en: string }> = {
  WRONG_LENGTH: (c) => ({
    vi: `Mã thẻ BHYT phải có đúng 15 ký tự (có ${c.length})`,
    en: `A BHYT card code must be exactly 15 characters (got ${c.length})`,
  }),
  LOWER_CASE: () => ({ vi: 'Mã thẻ BHYT phải viết hoa', en: 'A BHYT card code must be in capital letters' }),
  UNKNOWN_GROUP: (c) => ({
    vi: `Mã đối tượng "${c.slice(0, 2)}" không có trong danh mục`,
    en: `Unknown beneficiary group "${c.slice(0, 2)}"`,
  }),
  BENEFIT_LEVEL_OUT_OF_RANGE: (c) => ({
    vi: `Mức hưởng "${c.slice(2, 3)}" phải từ 1 đến 5`,
    en: `Benefit level "${c.slice(2, 3)}" must be 1 to 5`,
  }),
  BAD_PROVINCE: (c) => ({ vi: `Mã tỉnh "${c.slice(3, 5)}" phải từ 01 đến 99`, en: `Province code "${c.slice(3, 5)}" must be 01 to 99` }),
  BAD_SOCIAL_INSURANCE_NUMBER: () => ({
    vi: 'Mã số BHXH (10 ký tự cuối) phải là 10 chữ số',
    en: 'The social-insurance number (last 10 characters) must be 10 digits',
  }),
};

/** Every problem with a card code, checked against the group list in force on `onDate`. */
export function cardCodeProblems(code: string, onDate: string): Problem[] {
  const shown = code.slice(0, 20);
  const found: CardCodeProblem[] = [];
  if (/[a-z]/.test(code)) found.push('LOWER_CASE');
  if (code.length !== CARD_CODE_LENGTH) {
    found.push('WRONG_LENGTH');
  } else {
    const group = code.slice(0, 2);
    if (!/[a-z]/.test(group) && !beneficiaryGroupOn(group, onDate)) found.push('UNKNOWN_GROUP');
    const level = code.slice(2, 3);
    if (!/^\d$/.test(level) || Number(level) < BENEFIT_LEVELS.min || Number(level) > BENEFIT_LEVELS.max)
      found.push('BENEFIT_LEVEL_OUT_OF_RANGE');
    if (!/^\d{2}$/.test(code.slice(3, 5)) || code.slice(3, 5) === '00') found.push('BAD_PROVINCE');
    if (!/^\d{10}$/.test(code.slice(5))) found.push('BAD_SOCIAL_INSURANCE_NUMBER');
  }
  return found.map((p) => ({ field: 'code', problem: p, ...MESSAGES[p](shown) }));
}

/** The parts of a well-formed code. */
export function parseCardCode(code: string): {
  beneficiaryGroup: string;
  benefitLevel: number;
  provinceCode: string;
  socialInsuranceNumber: string;
} {
  return {
    beneficiaryGroup: code.slice(0, 2),
    benefitLevel: Number(code.slice(2, 3)),
    provinceCode: code.slice(3, 5),
    socialInsuranceNumber: code.slice(5),
  };
}

export interface CardValidity {
  validFrom: string;
  validTo: string;
}

/** Whether a card covers a date (both ends inclusive, as printed on the card). */
export function isValidOn(card: CardValidity, date: string): boolean {
  return card.validFrom <= date && date <= card.validTo;
}

/** Whether two validity periods share at least one day. */
export function overlaps(a: CardValidity, b: CardValidity): boolean {
  return a.validFrom <= b.validTo && b.validFrom <= a.validTo;
}

export interface IssueCardInput extends CardValidity {
  code: string;
  citizenId: string;
  primaryCareFacility: string;
}

/** Every reason to refuse issuing a card, before looking at the person's other cards. */
export function issueCardProblems(input: IssueCardInput, today: string): Problem[] {
  const problems = cardCodeProblems(input.code, today);
  problems.push(...checkCitizenId(input.citizenId).map((p) => ({ field: 'citizenId', problem: p, ...PROBLEM_MESSAGES[p] })));
  for (const field of ['validFrom', 'validTo'] as const) {
    if (!isIsoDate(input[field])) problems.push({ field, vi: `${field} không phải ngày hợp lệ`, en: `${field} is not a valid date` });
  }
  if (isIsoDate(input.validFrom) && isIsoDate(input.validTo) && input.validTo <= input.validFrom) {
    problems.push({ field: 'validTo', vi: 'Ngày hết hạn phải sau ngày bắt đầu', en: 'validTo must be after validFrom' });
  }
  problems.push(...facilityProblems(input.primaryCareFacility, 'primaryCareFacility'));
  return problems;
}

/** Of one person's cards: the one valid on `date`, else the most recently expired, else null. */
export function currentCard<C extends CardValidity>(cards: readonly C[], date: string): C | null {
  let best: C | null = null;
  for (const c of cards) {
    if (c.validFrom > date) continue; // not yet in force: neither valid nor expired
    if (!best || c.validTo > best.validTo) best = c;
  }
  return best;
}

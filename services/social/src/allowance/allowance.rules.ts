import type { AllowanceGroup, BenefitCaseDoc } from '../cases/benefit-case.model';
import { isIsoDate, isIsoMonth, monthOf, addMonths } from '@nct/dates';
import { ageInMonth, referenceMonth } from '../cases/cases.rules';
import { firstMonthOf } from '@nct/rules';
import type { Problem } from '@nct/rules';
import { BASE_LEVEL_TABLE } from './rules/base-level';
import { COEFFICIENT_TABLE } from './rules/coefficients';

/** First month any allowance can be computed for (the first base-level row: 2021-07). */
export const ALLOWANCE_FIRST_MONTH = firstMonthOf(BASE_LEVEL_TABLE);

/** Mức chuẩn trợ giúp xã hội in force in a month (Decree 20/2021 Art. 4, Decree 76/2024). */
export function baseLevelOn(month: string): number {
  return BASE_LEVEL_TABLE.inMonth(month).amount;
}

/** Whether a group's coefficient depends on the person's age in the month. */
export function coefficientDependsOnAge(group: AllowanceGroup, month: string): boolean {
  return COEFFICIENT_TABLE.inMonth(month).groups[group][0].fromAge !== null;
}

/**
 * Decree 20/2021 Art. 6.1 coefficient of a group for someone aged `age` full years in
 * `month`. null when it depends on age and the age is unknown (or below every band: the
 * group is for the elderly, eligibility is checked elsewhere).
 */
export function allowanceCoefficient(group: AllowanceGroup, age: number | null, month: string): number | null {
  const bands = COEFFICIENT_TABLE.inMonth(month).groups[group];
  if (bands[0].fromAge === null) return bands[0].coefficient;
  if (age === null) return null;
  let coefficient: number | null = null;
  for (const b of bands) if (b.fromAge !== null && age >= b.fromAge) coefficient = b.coefficient;
  return coefficient;
}

/** Monthly amount in VND = round(coefficient x base level) (Decree 20/2021 Art. 6.1). */
export function monthlyAllowanceAmount(group: AllowanceGroup, age: number | null, month: string): number | null {
  const coefficient = allowanceCoefficient(group, age, month);
  return coefficient === null ? null : Math.round(coefficient * baseLevelOn(month));
}

export interface AllowanceCaseView extends BenefitCaseDoc {
  group: AllowanceGroup;
  person: { citizenId: string };
  asOfMonth: string;
  coefficient: number | null;
  baseLevel: number;
  monthlyAmount: number | null;
}

/**
 * An allowance case with its amounts for its reference month (see referenceMonth). The
 * birth date comes from the register through the graph (`@requires`); without it an
 * age-dependent coefficient (5a) stays null.
 */
export function allowanceCaseView(doc: BenefitCaseDoc, birthDate: string | null | undefined, today: string): AllowanceCaseView {
  if (doc.kind !== 'ALLOWANCE' || !doc.group) throw new Error(`case ${doc.caseId} is not an allowance case`);
  const month = referenceMonth(doc, today);
  const age = birthDate ? ageInMonth(birthDate, month) : null;
  return {
    ...doc,
    group: doc.group,
    person: { citizenId: doc.citizenId },
    asOfMonth: month,
    coefficient: allowanceCoefficient(doc.group, age, month),
    baseLevel: baseLevelOn(month),
    monthlyAmount: monthlyAllowanceAmount(doc.group, age, month),
  };
}

export interface OpenAllowanceInput {
  decisionNumber: string;
  decisionDate: string;
  startMonth: string;
  /** Optional: an assertion compared with the register's residence commune. */
  communeCode?: string | null;
}

export const MAX_DECISION_NUMBER_LENGTH = 50;
/** How far after the decision month payment may start. */
export const MAX_START_MONTHS_AFTER_DECISION = 12;
const DECISION_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N}/.\- ]*$/u;

/** The decision number as stored: NFC, trimmed. */
export function normalizeDecisionNumber(value: string): string {
  return value.normalize('NFC').trim();
}

/**
 * Every reason to refuse opening an allowance case (empty: accepted). The citizen ID shape
 * is checked by the caller; eligibility against age and circumstances is not checked yet.
 */
export function openAllowanceProblems(input: OpenAllowanceInput, today: string): Problem[] {
  const problems: Problem[] = [];
  const decisionNumber = normalizeDecisionNumber(input.decisionNumber);
  if (decisionNumber.length === 0 || decisionNumber.length > MAX_DECISION_NUMBER_LENGTH || !DECISION_NUMBER.test(decisionNumber)) {
    problems.push({
      field: 'decisionNumber',
      vi: `Số quyết định phải có 1-${MAX_DECISION_NUMBER_LENGTH} ký tự (chữ, số, "/", "-", ".")`,
      en: `decisionNumber must be 1-${MAX_DECISION_NUMBER_LENGTH} characters (letters, digits, "/", "-", ".")`,
    });
  }
  if (!isIsoDate(input.decisionDate) || input.decisionDate > today) {
    problems.push({
      field: 'decisionDate',
      vi: 'Ngày quyết định không hợp lệ hoặc ở tương lai',
      en: 'decisionDate is not a valid date up to today',
    });
  }
  if (!isIsoMonth(input.startMonth)) {
    problems.push({ field: 'startMonth', vi: 'Tháng bắt đầu không hợp lệ', en: 'startMonth is not a valid month' });
  } else {
    if (input.startMonth < ALLOWANCE_FIRST_MONTH) {
      problems.push({
        field: 'startMonth',
        vi: `Tháng bắt đầu không được trước ${ALLOWANCE_FIRST_MONTH} (NĐ 20/2021/NĐ-CP)`,
        en: `startMonth must not be before ${ALLOWANCE_FIRST_MONTH} (Decree 20/2021)`,
      });
    }
    if (isIsoDate(input.decisionDate) && input.startMonth > addMonths(monthOf(input.decisionDate), MAX_START_MONTHS_AFTER_DECISION)) {
      problems.push({
        field: 'startMonth',
        vi: `Tháng bắt đầu không được quá ${MAX_START_MONTHS_AFTER_DECISION} tháng sau tháng quyết định`,
        en: `startMonth must be at most ${MAX_START_MONTHS_AFTER_DECISION} months after the decision month`,
      });
    }
  }
  if (input.communeCode != null && !/^\d{5}$/.test(input.communeCode)) {
    problems.push({ field: 'communeCode', vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' });
  }
  return problems;
}

import { addYears, isIsoDate } from '@nct/dates';
import { datedTable, type DatedTable, type Problem } from '@nct/rules';
import { codeLevel } from '../units/units.rules';
import type { AssociationLevel, DecisionDoc } from './association-unit.model';
import { LEADERSHIP_TERM_RULES, type LeadershipTermRule } from './rules/leadership-terms';

export function validateLeadershipTermRules(rows: readonly LeadershipTermRule[]): DatedTable<LeadershipTermRule> {
  return datedTable(rows, {
    name: 'leadership-terms',
    check: (r) => (Number.isInteger(r.maxYears) && r.maxYears >= 1 && r.maxYears <= 10 ? [] : [`maxYears ${r.maxYears} must be 1-10`]),
  });
}

/** Validated at load: a malformed table stops the service. */
export const TERM_RULES = validateLeadershipTermRules(LEADERSHIP_TERM_RULES);

const text = (field: string, value: string, max: number, problems: Problem[]) => {
  const v = value.normalize('NFC').trim();
  if (v.length === 0 || v.length > max)
    problems.push({ field, vi: `${field} phải có 1-${max} ký tự`, en: `${field} must be 1-${max} characters` });
};

/** A decision (number, date, issuing body): real past date, bounded texts. */
export function decisionProblems(prefix: string, d: DecisionDoc, today: string): Problem[] {
  const problems: Problem[] = [];
  text(`${prefix}.number`, d.number, 50, problems);
  text(`${prefix}.issuingBody`, d.issuingBody, 200, problems);
  if (!isIsoDate(d.date) || d.date > today) {
    problems.push({
      field: `${prefix}.date`,
      vi: 'Ngày quyết định không hợp lệ hoặc ở tương lai',
      en: 'Decision date is not a valid past date',
    });
  }
  return problems;
}

export interface AssociationUnitInput {
  adminUnitCode: string;
  name: string;
  level: AssociationLevel;
  establishment: DecisionDoc;
}

/** A province-level unit sits on a 2-digit province code, a commune-level one on a 5-digit commune code. */
export function associationUnitProblems(input: AssociationUnitInput, today: string): Problem[] {
  const problems: Problem[] = [];
  const level = codeLevel(input.adminUnitCode);
  if (level !== input.level) {
    problems.push({
      field: 'adminUnitCode',
      vi: 'Mã đơn vị phải là mã tỉnh (2 chữ số) cho cấp tỉnh, mã xã (5 chữ số) cho cấp xã',
      en: 'adminUnitCode must be a 2-digit province code for PROVINCE, a 5-digit commune code for COMMUNE',
    });
  }
  text('name', input.name, 200, problems);
  problems.push(...decisionProblems('establishment', input.establishment, today));
  return problems;
}

export interface TermInput {
  startDate: string;
  endDate: string;
  chairName: string;
  decision: DecisionDoc;
}

/**
 * A leadership term: real dates, end after start, no longer than the rule in force on the
 * start date allows (5 years: the Charter), not overlapping another term of the unit, and
 * not starting before the unit was established.
 */
export function termProblems(
  term: TermInput,
  context: {
    establishedOn: string;
    otherTerms: ReadonlyArray<{ startDate: string; endDate: string }>;
    today: string;
    rules?: readonly LeadershipTermRule[];
  },
): Problem[] {
  const problems: Problem[] = [];
  if (!isIsoDate(term.startDate) || !isIsoDate(term.endDate) || term.endDate <= term.startDate) {
    problems.push({
      field: 'endDate',
      vi: 'Ngày không hợp lệ hoặc kết thúc không sau bắt đầu',
      en: 'Impossible dates, or the term does not end after it starts',
    });
    return problems;
  }
  const rule = (context.rules ? validateLeadershipTermRules(context.rules) : TERM_RULES).on(term.startDate);
  if (!rule) {
    problems.push({ field: 'startDate', vi: 'Chưa có quy định nhiệm kỳ vào ngày này', en: 'No term rule in force on this date' });
  } else if (term.endDate > addYears(term.startDate, rule.maxYears)) {
    problems.push({
      field: 'endDate',
      vi: `Nhiệm kỳ dài quá ${rule.maxYears} năm (${rule.legalAct})`,
      en: `A term may last at most ${rule.maxYears} years (${rule.legalAct})`,
    });
  }
  if (term.startDate < context.establishedOn) {
    problems.push({
      field: 'startDate',
      vi: 'Nhiệm kỳ bắt đầu trước ngày thành lập',
      en: 'The term starts before the unit was established',
    });
  }
  const overlapping = context.otherTerms.find((t) => t.startDate < term.endDate && term.startDate < t.endDate);
  if (overlapping) {
    problems.push({
      field: 'startDate',
      vi: `Trùng với nhiệm kỳ ${overlapping.startDate} - ${overlapping.endDate}`,
      en: `Overlaps the term ${overlapping.startDate} to ${overlapping.endDate}`,
    });
  }
  text('chairName', term.chairName, 100, problems);
  problems.push(...decisionProblems('decision', term.decision, context.today));
  return problems;
}

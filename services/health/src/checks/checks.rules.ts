import { checkCitizenId, PROBLEM_MESSAGES } from '@nct/citizen-id';
import { Problem } from '@nct/rules';
import { facilityProblems, pastDateProblems } from '../common/problems';

/**
 * Health classification of a periodic check (Circular 14/2013/TT-BYT on health examination,
 * Annex 1 with the classification standard of Decision 1613/BYT-QĐ 1997): class I very good
 * (rất khỏe), II good (khỏe), III average (trung bình), IV weak (yếu), V very weak (rất yếu).
 * The elderly get a periodic check at least once a year (Circular 35/2011/TT-BYT on health care
 * for the elderly).
 */
export const RESULT_CLASSES = ['I', 'II', 'III', 'IV', 'V'] as const;
export type ResultClass = (typeof RESULT_CLASSES)[number];

export interface RecordCheckInput {
  citizenId: string;
  date: string;
  facility: string;
  resultClass: string;
}

/** Every reason to refuse recording a check (empty: accepted). */
export function recordCheckProblems(input: RecordCheckInput, today: string): Problem[] {
  const problems: Problem[] = checkCitizenId(input.citizenId).map((p) => ({ field: 'citizenId', problem: p, ...PROBLEM_MESSAGES[p] }));
  problems.push(...pastDateProblems(input.date, 'date', today));
  problems.push(...facilityProblems(input.facility, 'facility'));
  if (!(RESULT_CLASSES as readonly string[]).includes(input.resultClass)) {
    problems.push({ field: 'resultClass', vi: 'Phân loại sức khỏe phải là I-V', en: 'resultClass must be I to V' });
  }
  return problems;
}

import { checkCitizenId, PROBLEM_MESSAGES } from '@nct/citizen-id';
import { Problem } from '@nct/rules';
import { normaliseText, pastDateProblems } from '../common/problems';

/**
 * Home visits and home care for lonely or disadvantaged elderly people: Law on the Elderly 2009,
 * Art. 12 (the commune health station manages and cares for the elderly's health, including
 * at home for those who cannot travel); Circular 35/2011/TT-BYT (home examination and care by
 * the commune health station for elderly people who are lonely, disabled or cannot travel).
 */
export const HOME_VISIT_KINDS = ['HEALTH_MONITORING', 'HOME_CARE', 'CHRONIC_FOLLOW_UP', 'SUPPORT_VISIT'] as const;
export type HomeVisitKind = (typeof HOME_VISIT_KINDS)[number];

export const MAX_VISITOR_LENGTH = 100;
export const MAX_NOTES_LENGTH = 2000;

export interface RecordVisitInput {
  citizenId: string;
  date: string;
  visitor: string;
  kind: string;
  notes?: string | null;
}

/** Every reason to refuse recording a home visit (empty: accepted). */
export function recordVisitProblems(input: RecordVisitInput, today: string): Problem[] {
  const problems: Problem[] = checkCitizenId(input.citizenId).map((p) => ({ field: 'citizenId', problem: p, ...PROBLEM_MESSAGES[p] }));
  problems.push(...pastDateProblems(input.date, 'date', today));
  const visitor = normaliseText(input.visitor);
  if (visitor.length === 0 || visitor.length > MAX_VISITOR_LENGTH) {
    problems.push({
      field: 'visitor',
      vi: `Người thăm phải có 1-${MAX_VISITOR_LENGTH} ký tự`,
      en: `visitor must be 1-${MAX_VISITOR_LENGTH} characters`,
    });
  }
  if (!(HOME_VISIT_KINDS as readonly string[]).includes(input.kind)) {
    problems.push({ field: 'kind', vi: 'Loại lần thăm không hợp lệ', en: `kind must be one of ${HOME_VISIT_KINDS.join(', ')}` });
  }
  if (input.notes != null && normaliseText(input.notes).length > MAX_NOTES_LENGTH) {
    problems.push({
      field: 'notes',
      vi: `Ghi chú tối đa ${MAX_NOTES_LENGTH} ký tự`,
      en: `notes must be at most ${MAX_NOTES_LENGTH} characters`,
    });
  }
  return problems;
}

/** A quarter argument "YYYY-Qn" (n 1-4, year 1900-2999), or problems. */
export function quarterProblems(quarter: string, field = 'quarter'): Problem[] {
  return typeof quarter === 'string' && /^(19|2\d)\d{2}-Q[1-4]$/.test(quarter)
    ? []
    : [
        {
          field,
          vi: 'Quý phải có dạng YYYY-Qn (n từ 1 đến 4), ví dụ 2026-Q4',
          en: 'A quarter is written YYYY-Qn with n 1-4, e.g. 2026-Q4',
        },
      ];
}

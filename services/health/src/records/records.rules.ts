import { checkCitizenId, PROBLEM_MESSAGES } from '@nct/citizen-id';
import { communeCodeProblems, Problem } from '@nct/rules';
import { facilityProblems, pastDateProblems } from '../common/problems';

/**
 * Health management record (hồ sơ theo dõi sức khỏe), opened at a commune health station
 * (Law on the Elderly 2009, Art. 12; Circular 35/2011/TT-BYT on health care for the elderly:
 * the commune health station opens and keeps the record). One record per person.
 */
export interface OpenRecordInput {
  citizenId: string;
  openedOn: string;
  facility: string;
  communeCode: string;
}

/** Every reason to refuse opening a record (empty: accepted). */
export function openRecordProblems(input: OpenRecordInput, today: string): Problem[] {
  const problems: Problem[] = checkCitizenId(input.citizenId).map((p) => ({ field: 'citizenId', problem: p, ...PROBLEM_MESSAGES[p] }));
  problems.push(...pastDateProblems(input.openedOn, 'openedOn', today));
  problems.push(...facilityProblems(input.facility, 'facility'));
  problems.push(...communeCodeProblems(input.communeCode));
  return problems;
}

/**
 * Length of a leadership term (nhiệm kỳ) of an Association of the Elderly unit, by the date
 * the term starts. The Charter of the Vietnam Association of the Elderly sets the congress
 * term of every level at 5 years (Điều lệ Hội Người cao tuổi Việt Nam, chương về tổ chức:
 * "Nhiệm kỳ đại hội các cấp là 5 năm"). Verify the article number against the Charter in
 * force (amended at the 6th national congress, 2021) before relying on it; a change is a new
 * row here, never a code change.
 */
export interface LeadershipTermRule {
  effectiveFrom: string;
  maxYears: number;
  legalAct: string;
}

export const LEADERSHIP_TERM_RULES: readonly LeadershipTermRule[] = [
  { effectiveFrom: '1995-05-10', maxYears: 5, legalAct: 'Điều lệ Hội Người cao tuổi Việt Nam (nhiệm kỳ đại hội các cấp 5 năm)' },
];

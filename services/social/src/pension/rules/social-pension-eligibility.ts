import { datedTable, type DatedRow, type DatedTable } from '@nct/rules';
import { PENSION_KINDS, type PensionKind } from '../../records/social-record.model';

/**
 * How a monthly benefit from the social-insurance fund bears on the social pension:
 * - `ANY_AMOUNT`: receiving it, of any amount, excludes the social pension;
 * - `AT_OR_ABOVE_LEVEL`: it excludes the social pension only when its monthly amount is at or
 *   above the social-pension level (an amount not on record counts as excluding: it cannot be
 *   shown to be below).
 */
export type PensionExclusion = 'ANY_AMOUNT' | 'AT_OR_ABOVE_LEVEL';
const EXCLUSIONS: readonly PensionExclusion[] = ['ANY_AMOUNT', 'AT_OR_ABOVE_LEVEL'];

/**
 * Who may receive the social pension (trợ cấp hưu trí xã hội), Social Insurance Law 2024
 * (Luật Bảo hiểm xã hội số 41/2024/QH15) Art. 21, in force 2025-07-01, and Decree
 * 176/2025/NĐ-CP:
 * - from `ageWithoutPension` (a full 75) without a pension or monthly SI benefit (Art. 21.1);
 * - from `poorFromAge` (a full 70) to `ageWithoutPension - 1` (74) in a poor or near-poor
 *   household, with the same condition on benefits (Art. 21.2);
 * - "without a pension or monthly SI benefit" has an exception (Art. 21.1(b), referring to
 *   Art. 23.7): a person receiving the monthly benefit of Art. 23 whose amount is below the
 *   social-pension level. `exclusion` says, per kind of benefit, when it excludes;
 *   `paysDifference` whether the social pension then pays only the difference up to the level
 *   (our reading of Decree 176/2025) or the full level. Both are data: another reading is a
 *   new row. Our reading and its uncertainty: docs/rules.md, "Social pension and a small
 *   monthly benefit".
 */
export interface SocialPensionEligibilityRow extends DatedRow {
  ageWithoutPension: number;
  poorFromAge: number;
  exclusion: Record<PensionKind, PensionExclusion>;
  paysDifference: boolean;
}

const isAge = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 130;

export function checkSocialPensionEligibilityTable(rows: readonly SocialPensionEligibilityRow[]): DatedTable<SocialPensionEligibilityRow> {
  return datedTable(rows, {
    name: 'social pension eligibility',
    firstOfMonth: true,
    check: (r) => {
      const p: string[] = [];
      if (!isAge(r.ageWithoutPension)) p.push('ageWithoutPension must be an age 0-130');
      if (!isAge(r.poorFromAge)) p.push('poorFromAge must be an age 0-130');
      if (isAge(r.ageWithoutPension) && isAge(r.poorFromAge) && r.poorFromAge > r.ageWithoutPension)
        p.push('poorFromAge must not exceed ageWithoutPension');
      for (const k of PENSION_KINDS)
        if (!EXCLUSIONS.includes(r.exclusion?.[k])) p.push(`exclusion.${k} must be one of ${EXCLUSIONS.join(', ')}`);
      if (typeof r.paysDifference !== 'boolean') p.push('paysDifference must be true or false');
      return p;
    },
  });
}

export const SOCIAL_PENSION_ELIGIBILITY_TABLE = checkSocialPensionEligibilityTable([
  {
    effectiveFrom: '2025-07-01',
    legalAct:
      'Luật Bảo hiểm xã hội số 41/2024/QH15, Điều 21 (khoản 1 điểm b dẫn chiếu khoản 7 Điều 23); Nghị định 176/2025/NĐ-CP (mức 500.000 đồng/tháng; hưởng phần chênh lệch)',
    ageWithoutPension: 75,
    poorFromAge: 70,
    // Art. 21.1(b): a retirement pension of any amount excludes; the monthly benefit of Art. 23
    // excludes only at or above the social-pension level (Art. 23.7).
    exclusion: { RETIREMENT_PENSION: 'ANY_AMOUNT', MONTHLY_SOCIAL_INSURANCE: 'AT_OR_ABOVE_LEVEL' },
    // Decree 176/2025 (our reading): the social pension pays the difference up to the level.
    paysDifference: true,
  },
]);

import { datedTable, type DatedRow, type DatedTable } from '@nct/rules';

/**
 * Who may receive the social pension (trợ cấp hưu trí xã hội): Social Insurance Law 2024
 * (41/2024/QH15) Art. 21, in force 2025-07-01; Decree 176/2025/NĐ-CP.
 * - from `ageWithoutPension` (75) with no pension and no monthly social-insurance benefit;
 * - from `poorFromAge` (70) to `ageWithoutPension - 1` (74) in a poor or near-poor household,
 *   also with no pension / monthly benefit.
 */
export interface SocialPensionEligibilityRow extends DatedRow {
  ageWithoutPension: number;
  poorFromAge: number;
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
      return p;
    },
  });
}

export const SOCIAL_PENSION_ELIGIBILITY_TABLE = checkSocialPensionEligibilityTable([
  {
    effectiveFrom: '2025-07-01',
    legalAct: 'Luật Bảo hiểm xã hội 2024, Điều 21; Nghị định 176/2025/NĐ-CP',
    ageWithoutPension: 75,
    poorFromAge: 70,
  },
]);

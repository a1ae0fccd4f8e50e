import { datedTable, isPositiveVnd, type DatedRow, type DatedTable } from '@nct/rules';

/** Monthly social pension (trợ cấp hưu trí xã hội), VND per month. */
export interface SocialPensionLevelRow extends DatedRow {
  amount: number;
}

export function checkSocialPensionLevelTable(rows: readonly SocialPensionLevelRow[]): DatedTable<SocialPensionLevelRow> {
  return datedTable(rows, {
    name: 'social pension level',
    firstOfMonth: true,
    check: (r) => (isPositiveVnd(r.amount) ? [] : ['amount must be a positive integer number of VND']),
  });
}

export const SOCIAL_PENSION_LEVEL_TABLE = checkSocialPensionLevelTable([
  // Social Insurance Law 2024 (Luật BHXH số 41/2024/QH15) Art. 21-22, in force 2025-07-01;
  // the level is set by the Government: Decree 176/2025/NĐ-CP, 500,000 VND/month.
  // A province may add to it from its own budget (Art. 22): not modelled yet.
  { effectiveFrom: '2025-07-01', amount: 500_000, legalAct: 'Luật Bảo hiểm xã hội 2024, Điều 22; Nghị định 176/2025/NĐ-CP' },
]);

import { datedTable, isPositiveVnd, type DatedRow, type DatedTable } from '@nct/rules';

/**
 * Mức chuẩn trợ giúp xã hội (the base level every monthly social allowance is a multiple of),
 * VND per month. A province may set a higher base for itself (Decree 20/2021 Art. 4.2):
 * not modelled yet.
 */
export interface BaseLevelRow extends DatedRow {
  /** VND per month. */
  amount: number;
}

export function checkBaseLevelTable(rows: readonly BaseLevelRow[]): DatedTable<BaseLevelRow> {
  return datedTable(rows, {
    name: 'base level',
    firstOfMonth: true,
    check: (r) => (isPositiveVnd(r.amount) ? [] : ['amount must be a positive integer number of VND']),
  });
}

export const BASE_LEVEL_TABLE = checkBaseLevelTable([
  // Decree 20/2021/NĐ-CP Art. 4.1: 360,000 VND/month; the decree's allowance levels apply
  // from 2021-07-01 (Art. 40).
  { effectiveFrom: '2021-07-01', amount: 360_000, legalAct: 'Nghị định 20/2021/NĐ-CP, Điều 4 khoản 1' },
  // Decree 76/2024/NĐ-CP amends Decree 20/2021 Art. 4.1: 500,000 VND/month from 2024-07-01.
  { effectiveFrom: '2024-07-01', amount: 500_000, legalAct: 'Nghị định 76/2024/NĐ-CP (sửa đổi Điều 4 khoản 1 Nghị định 20/2021/NĐ-CP)' },
]);

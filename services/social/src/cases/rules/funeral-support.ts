import { datedTable, type DatedRow, type DatedTable } from '@nct/rules';
import type { BenefitKind } from '../benefit-case.model';

/**
 * Funeral support (hỗ trợ chi phí mai táng) when a beneficiary dies, as a multiple of the
 * base level in force in the month of death (at least 20 x base: Decree 20/2021 Art. 11).
 * A province may pay more from its own budget: raise the multiple in a new row.
 */
export interface FuneralSupportRow extends DatedRow {
  baseMultiple: Record<BenefitKind, number>;
}

export function checkFuneralSupportTable(rows: readonly FuneralSupportRow[]): DatedTable<FuneralSupportRow> {
  return datedTable(rows, {
    name: 'funeral support',
    firstOfMonth: true,
    check: (r) =>
      (['ALLOWANCE', 'SOCIAL_PENSION'] as const).flatMap((k) => {
        const m = r.baseMultiple?.[k];
        return typeof m === 'number' && Number.isFinite(m) && m >= 20 && m <= 200
          ? []
          : [`${k}: baseMultiple must be a number from 20 to 200`];
      }),
  });
}

export const FUNERAL_SUPPORT_TABLE = checkFuneralSupportTable([
  {
    effectiveFrom: '2021-07-01',
    legalAct:
      'Nghị định 20/2021/NĐ-CP, Điều 11 khoản 1 (mức thấp nhất 20 lần mức chuẩn); Nghị định 176/2025/NĐ-CP cho trợ cấp hưu trí xã hội',
    baseMultiple: { ALLOWANCE: 20, SOCIAL_PENSION: 20 },
  },
]);

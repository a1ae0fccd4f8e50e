import { datedTable, type DatedRow, type DatedTable } from '@nct/rules';
import { PENSION_KINDS, type PensionKind } from '../../records/social-record.model';

/** Entitlements the engine weighs against each other (the highest is paid). */
export type EntitlementKind = 'A5A' | 'A5B' | 'A5C' | 'A5D' | 'DISABILITY_SEVERE' | 'DISABILITY_VERY_SEVERE' | 'SOCIAL_PENSION';
export const ENTITLEMENT_KINDS: readonly EntitlementKind[] = [
  'A5A',
  'A5B',
  'A5C',
  'A5D',
  'DISABILITY_SEVERE',
  'DISABILITY_VERY_SEVERE',
  'SOCIAL_PENSION',
];

/**
 * Age thresholds of the monthly social allowance for the elderly (full years; a threshold
 * is met from the month the person reaches it, Decree 20/2021 Art. 8) and the order used
 * when two entitlements pay exactly the same amount.
 */
export interface EligibilityRow extends DatedRow {
  /** Law on the Elderly 2009 Art. 2: a full 60. */
  elderlyAge: number;
  /** Art. 5.5(b): from a full 75 to 79. */
  a5bFromAge: number;
  a5bToAge: number;
  /** Art. 5.5(c): from a full 80. */
  a5cFromAge: number;
  /**
   * Art. 5.5(c): the monthly benefits that exclude group 5c, of any amount (the person must
   * have no pension and no monthly social-insurance benefit).
   */
  a5cExcludedBy: readonly PensionKind[];
  /** Ties on the amount: the first in this list is chosen. Every kind exactly once. */
  tieBreak: readonly EntitlementKind[];
}

const isAge = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 130;

export function checkEligibilityTable(rows: readonly EligibilityRow[]): DatedTable<EligibilityRow> {
  return datedTable(rows, {
    name: 'allowance eligibility',
    firstOfMonth: true,
    check: (r) => {
      const p: string[] = [];
      for (const k of ['elderlyAge', 'a5bFromAge', 'a5bToAge', 'a5cFromAge'] as const)
        if (!isAge(r[k])) p.push(`${k} must be an age 0-130`);
      if (isAge(r.a5bFromAge) && isAge(r.a5bToAge) && r.a5bFromAge > r.a5bToAge) p.push('a5bFromAge must not exceed a5bToAge');
      if (isAge(r.elderlyAge) && isAge(r.a5bFromAge) && r.a5bFromAge < r.elderlyAge) p.push('a5bFromAge must be at least elderlyAge');
      const excluded = Array.isArray(r.a5cExcludedBy) ? r.a5cExcludedBy : null;
      if (!excluded || excluded.some((k) => !PENSION_KINDS.includes(k)) || new Set(excluded).size !== excluded.length)
        p.push(`a5cExcludedBy must list distinct kinds among ${PENSION_KINDS.join(', ')}`);
      const tie = Array.isArray(r.tieBreak) ? r.tieBreak : [];
      if (tie.length !== ENTITLEMENT_KINDS.length || ENTITLEMENT_KINDS.some((k) => !tie.includes(k)))
        p.push('tieBreak must list every entitlement once');
      return p;
    },
  });
}

export const ELIGIBILITY_TABLE = checkEligibilityTable([
  {
    effectiveFrom: '2021-07-01',
    legalAct: 'Luật Người cao tuổi 2009, Điều 2; Nghị định 20/2021/NĐ-CP, Điều 5 khoản 5, Điều 8',
    elderlyAge: 60,
    a5bFromAge: 75,
    a5bToAge: 79,
    a5cFromAge: 80,
    // Art. 5.5(c): "không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng": any pension or
    // monthly SI benefit, whatever its amount, excludes 5c (unlike the social pension).
    a5cExcludedBy: ['RETIREMENT_PENSION', 'MONTHLY_SOCIAL_INSURANCE'],
    // Equal amounts (e.g. 5c at 1.0 x 500,000 and the social pension at 500,000): our
    // reading is that the statutory social pension takes over from 2025-07-01; the order
    // is data so that a different instruction is a data change.
    tieBreak: ['SOCIAL_PENSION', 'A5D', 'DISABILITY_VERY_SEVERE', 'A5A', 'DISABILITY_SEVERE', 'A5B', 'A5C'],
  },
]);

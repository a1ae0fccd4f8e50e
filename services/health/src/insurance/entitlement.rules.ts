import { beneficiaryGroupOn } from './rules/beneficiary-groups';
import { ENTITLEMENT_BASES, STATE_FUNDED_ENTITLEMENT_ROWS, StateFundedEntitlementRow } from './rules/state-funded-entitlement';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const FAR = '9999-12-31';

/** Refuses a malformed entitlement table at load. */
export function validateEntitlements(rows: readonly StateFundedEntitlementRow[]): readonly StateFundedEntitlementRow[] {
  rows.forEach((r, i) => {
    const where = `entitlement row ${i} (${r.basis})`;
    if (!ENTITLEMENT_BASES.includes(r.basis)) throw new Error(`${where}: unknown basis`);
    if (!Number.isInteger(r.statePaysPercent) || r.statePaysPercent < 1 || r.statePaysPercent > 100) throw new Error(`${where}: statePaysPercent must be 1-100`);
    if (!Number.isInteger(r.minAge) || r.minAge < 60 || r.minAge > 120) throw new Error(`${where}: minAge must be 60-120`);
    if (!ISO.test(r.effectiveFrom)) throw new Error(`${where}: effectiveFrom must be an ISO date`);
    if (r.effectiveTo !== null && (!ISO.test(r.effectiveTo) || r.effectiveTo < r.effectiveFrom)) throw new Error(`${where}: effectiveTo must be on or after effectiveFrom`);
    if (!r.legalAct.trim() || !r.nameVi.trim() || !r.nameEn.trim()) throw new Error(`${where}: legalAct and names are required`);
    if (r.cardGroup !== null && !beneficiaryGroupOn(r.cardGroup, r.effectiveFrom)) throw new Error(`${where}: card group ${r.cardGroup} is not in the group list`);
    const clash = rows.find((o, j) => j !== i && o.basis === r.basis && o.effectiveFrom <= (r.effectiveTo ?? FAR) && r.effectiveFrom <= (o.effectiveTo ?? FAR));
    if (clash) throw new Error(`${where}: overlaps another row for the same basis`);
  });
  return rows;
}

export const STATE_FUNDED_ENTITLEMENTS = validateEntitlements(STATE_FUNDED_ENTITLEMENT_ROWS);

/** What the other agencies know about a person, as far as the entitlement needs it. */
export interface EntitlementFacts {
  age: number;
  /** receives the monthly social allowance (social) */
  socialAllowance: boolean;
  /** receives the social pension (social) */
  socialPension: boolean;
  household: 'POOR' | 'NEAR_POOR' | 'NONE';
  /** ethnic minority living in a disadvantaged commune (register + units) */
  minorityInDisadvantagedArea: boolean;
}

function applies(r: StateFundedEntitlementRow, f: EntitlementFacts): boolean {
  if (f.age < r.minAge) return false;
  switch (r.basis) {
    case 'SOCIAL_ALLOWANCE':
      return f.socialAllowance;
    case 'SOCIAL_PENSION':
      return f.socialPension;
    case 'POOR_HOUSEHOLD':
      return f.household === 'POOR';
    case 'NEAR_POOR_HOUSEHOLD':
      return f.household === 'NEAR_POOR';
    case 'ETHNIC_MINORITY_DISADVANTAGED_AREA':
      return f.minorityInDisadvantagedArea;
  }
}

/**
 * Every basis that applies on `date`, the most favourable first (highest state share, then
 * table order). A person holds one card, issued under the most favourable basis (Law on
 * Health Insurance Art. 12: someone in several groups is insured under the first that applies).
 */
export function stateFundedEntitlements(facts: EntitlementFacts, date: string, rows = STATE_FUNDED_ENTITLEMENTS): StateFundedEntitlementRow[] {
  return rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.effectiveFrom <= date && date <= (r.effectiveTo ?? FAR) && applies(r, facts))
    .sort((a, b) => b.r.statePaysPercent - a.r.statePaysPercent || a.i - b.i)
    .map(({ r }) => r);
}

import { datedTable, type DatedTable } from '@nct/rules';
import { beneficiaryGroupOn } from './rules/beneficiary-groups';
import { ENTITLEMENT_BASES, STATE_FUNDED_ENTITLEMENT_ROWS, StateFundedEntitlementRow } from './rules/state-funded-entitlement';

/** Refuses a malformed entitlement table at load; one series per basis, periods never overlap. */
export function validateEntitlements(rows: readonly StateFundedEntitlementRow[]): DatedTable<StateFundedEntitlementRow> {
  return datedTable(rows, {
    name: 'state-funded-entitlements',
    key: { name: 'basis', of: (r) => r.basis },
    ends: 'effectiveTo',
    check: (r) => [
      ...(ENTITLEMENT_BASES.includes(r.basis) ? [] : ['unknown basis']),
      ...(Number.isInteger(r.statePaysPercent) && r.statePaysPercent >= 1 && r.statePaysPercent <= 100
        ? []
        : ['statePaysPercent must be 1-100']),
      ...(Number.isInteger(r.minAge) && r.minAge >= 60 && r.minAge <= 120 ? [] : ['minAge must be 60-120']),
      ...(r.nameVi?.trim() && r.nameEn?.trim() ? [] : ['names are required']),
      ...(r.cardGroup === null || beneficiaryGroupOn(r.cardGroup, r.effectiveFrom)
        ? []
        : [`card group ${r.cardGroup} is not in the group list`]),
    ],
  });
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
export function stateFundedEntitlements(
  facts: EntitlementFacts,
  date: string,
  rows = STATE_FUNDED_ENTITLEMENTS,
): StateFundedEntitlementRow[] {
  return rows
    .allOn(date)
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => applies(r, facts))
    .sort((a, b) => b.r.statePaysPercent - a.r.statePaysPercent || a.i - b.i)
    .map(({ r }) => r);
}

import type { AllowanceGroup } from '../../cases/benefit-case.model';
import { datedTable, type DatedRow, type DatedTable } from '@nct/rules';

export const ALLOWANCE_GROUPS: readonly AllowanceGroup[] = ['A5A', 'A5B', 'A5C', 'A5D', 'DISABILITY_SEVERE', 'DISABILITY_VERY_SEVERE'];

/** A coefficient that applies from an age in full years (null: whatever the age). */
export interface CoefficientBand {
  fromAge: number | null;
  coefficient: number;
}

export interface CoefficientRow extends DatedRow {
  /** Bands per group, ascending by age. */
  groups: Record<AllowanceGroup, readonly CoefficientBand[]>;
}

function bandProblems(group: string, bands: readonly CoefficientBand[] | undefined): string[] {
  if (!bands || bands.length === 0) return [`${group}: no coefficient`];
  const problems: string[] = [];
  bands.forEach((b, i) => {
    if (typeof b.coefficient !== 'number' || !Number.isFinite(b.coefficient) || b.coefficient <= 0 || b.coefficient > 10) {
      problems.push(`${group}: coefficient must be a number in (0, 10]`);
    }
    if (b.fromAge === null) {
      if (bands.length > 1) problems.push(`${group}: a band for any age must be the only band`);
    } else if (!Number.isInteger(b.fromAge) || b.fromAge < 0 || b.fromAge > 130) {
      problems.push(`${group}: fromAge must be an integer 0-130`);
    } else if (i > 0 && !(b.fromAge > (bands[i - 1].fromAge ?? -1))) {
      problems.push(`${group}: bands must be in increasing age`);
    }
  });
  return problems;
}

export function checkCoefficientTable(rows: readonly CoefficientRow[]): DatedTable<CoefficientRow> {
  return datedTable(rows, {
    name: 'allowance coefficients',
    firstOfMonth: true,
    check: (r) => ALLOWANCE_GROUPS.flatMap((g) => bandProblems(g, r.groups?.[g])),
  });
}

/**
 * Coefficients of the monthly social allowance for the elderly, Decree 20/2021/NĐ-CP
 * Art. 6.1 (amount = coefficient x base level), groups of Art. 5.5 and, for elderly people
 * with a disability, Art. 5.6:
 * - 5a (poor, no one obliged to support them): 1.5 from a full 60 to under 80, 2.0 from a full 80;
 * - 5b (75-79, poor/near-poor, especially disadvantaged ethnic-minority/mountain commune) and
 *   5c (80+, no pension/insurance/other monthly allowance): 1.0;
 * - 5d (poor, no supporter, eligible for a care facility but cared for in the community): 3.0;
 * - an elderly person with a severe disability 2.0, with a very severe disability 2.5
 *   (adults under 60: 1.5 / 2.0; the elderly and children get the higher coefficient).
 */
export const COEFFICIENT_TABLE = checkCoefficientTable([
  {
    effectiveFrom: '2021-07-01',
    legalAct: 'Nghị định 20/2021/NĐ-CP, Điều 6 khoản 1',
    groups: {
      A5A: [
        { fromAge: 60, coefficient: 1.5 },
        { fromAge: 80, coefficient: 2.0 },
      ],
      A5B: [{ fromAge: null, coefficient: 1.0 }],
      A5C: [{ fromAge: null, coefficient: 1.0 }],
      A5D: [{ fromAge: null, coefficient: 3.0 }],
      DISABILITY_SEVERE: [{ fromAge: null, coefficient: 2.0 }],
      DISABILITY_VERY_SEVERE: [{ fromAge: null, coefficient: 2.5 }],
    },
  },
]);

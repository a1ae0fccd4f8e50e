import { datedTable, type DatedRow, type DatedTable } from '@nct/rules';

/** An inclusive range of whole per cents. */
export interface PercentRange {
  min: number;
  max: number;
}

export interface CompositionTargetRow extends DatedRow {
  /** Members per club, inclusive. */
  members: { min: number; max: number };
  women: PercentRange;
  elderly: PercentRange;
  young: PercentRange;
}

/**
 * Composition of an intergenerational self-help club (CLB liên thế hệ tự giúp nhau), per
 * the scheme approved by Decision 1336/QĐ-TTg of 2020-08-31 (to 2025): 50-70 members,
 * 60-70% women, 60-70% elderly, 30-40% younger people, priority for people in difficult
 * circumstances (no figure set). A later scheme (Decision 1648/QĐ-TTg, to 2035) adds a row
 * here when its figures differ.
 */
export const COMPOSITION_TARGETS = validateCompositionTargets([
  {
    effectiveFrom: '2020-08-31',
    legalAct: 'Quyết định 1336/QĐ-TTg ngày 31/8/2020',
    members: { min: 50, max: 70 },
    women: { min: 60, max: 70 },
    elderly: { min: 60, max: 70 },
    young: { min: 30, max: 40 },
  },
]);

function badRange(r: { min: number; max: number } | undefined, upper: number): boolean {
  return !r || !Number.isInteger(r.min) || !Number.isInteger(r.max) || r.min < 0 || r.min > r.max || r.max > upper;
}

export function validateCompositionTargets(rows: readonly CompositionTargetRow[]): DatedTable<CompositionTargetRow> {
  return datedTable(rows, {
    name: 'composition-targets',
    check: (r) => {
      if (badRange(r.members, 1000) || r.members.min < 1) return 'members must be a range of positive whole numbers';
      for (const key of ['women', 'elderly', 'young'] as const) {
        if (badRange(r[key], 100)) return `${key} must be a range of whole per cents 0-100`;
      }
      return null;
    },
  });
}

export function compositionTargetsOn(date: string): CompositionTargetRow | null {
  return COMPOSITION_TARGETS.on(date);
}

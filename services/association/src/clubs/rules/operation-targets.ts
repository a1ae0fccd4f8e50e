import { datedTable, type DatedRow, type DatedTable } from '@nct/rules';

/** The eight activity areas of an intergenerational self-help club (Decision 1336/QĐ-TTg, scheme content). */
export const ACTIVITY_AREAS = [
  'INCOME_GENERATION',
  'HEALTH_CARE',
  'HOME_CARE_VOLUNTEERS',
  'SELF_HELP_COMMUNITY_SUPPORT',
  'RIGHTS_PROTECTION',
  'COMMUNICATION',
  'SPORT_CULTURE_ARTS',
  'RESOURCE_MOBILISATION',
] as const;
export type ActivityArea = (typeof ACTIVITY_AREAS)[number];

export interface OperationTargetRow extends DatedRow {
  /** Members with a loan in the period, whole per cent of members, at least. */
  loanShareMinPercent: number;
  /** Priority members (difficult circumstances): at least this many. The decision sets no figure; 1 = "has priority members". */
  priorityMembersMin: number;
  /** Activity areas every club runs in the period. */
  requiredAreas: readonly ActivityArea[];
  /** Funds every club keeps (at least one entry on or before the reference date). */
  requiredFunds: readonly ('INCOME_GENERATION' | 'ACTIVITY')[];
  /** The period the loan and activity targets look back over, in months up to the reference date. */
  periodMonths: number;
}

/**
 * Operation targets of Decision 1336/QĐ-TTg of 2020-08-31: at least 70% of clubs run all
 * activities and get at least 50% of members a loan; 100% of clubs keep an income-generation
 * fund and an activity fund. Per club: all eight areas, >= 50% borrowing, both funds. The
 * period (12 months up to the reference date) is ours: the decision counts yearly reports.
 */
export const OPERATION_TARGETS = validateOperationTargets([
  {
    effectiveFrom: '2020-08-31',
    legalAct: 'Quyết định 1336/QĐ-TTg ngày 31/8/2020',
    loanShareMinPercent: 50,
    priorityMembersMin: 1,
    requiredAreas: ACTIVITY_AREAS,
    requiredFunds: ['INCOME_GENERATION', 'ACTIVITY'],
    periodMonths: 12,
  },
]);

export function validateOperationTargets(rows: readonly OperationTargetRow[]): DatedTable<OperationTargetRow> {
  return datedTable(rows, {
    name: 'operation-targets',
    check: (r) => {
      if (!Number.isInteger(r.loanShareMinPercent) || r.loanShareMinPercent < 0 || r.loanShareMinPercent > 100)
        return 'loanShareMinPercent must be 0-100';
      if (!Number.isInteger(r.priorityMembersMin) || r.priorityMembersMin < 0) return 'priorityMembersMin must be a whole number';
      if (!Array.isArray(r.requiredAreas) || r.requiredAreas.some((a) => !ACTIVITY_AREAS.includes(a)))
        return 'requiredAreas must be activity areas';
      if (!Array.isArray(r.requiredFunds) || r.requiredFunds.some((f) => f !== 'INCOME_GENERATION' && f !== 'ACTIVITY'))
        return 'requiredFunds must be club funds';
      if (!Number.isInteger(r.periodMonths) || r.periodMonths < 1 || r.periodMonths > 60) return 'periodMonths must be 1-60';
      return null;
    },
  });
}

export function operationTargetsOn(date: string): OperationTargetRow | null {
  return OPERATION_TARGETS.on(date);
}

export interface CoverageTargetRow extends DatedRow {
  /** Share of the province's communes with at least one club, whole per cent (null: not set). */
  communeSharePercent: number | null;
  /** Share of lowland communes with 1-3 clubs (null: not set). */
  lowlandSharePercent: number | null;
  /** Share of mountain / border / island communes with 1-3 clubs (null: not set). */
  mountainSharePercent: number | null;
  /** Clubs per commune counted towards the lowland / mountain targets. */
  clubsPerCommune: { min: number; max: number };
}

/**
 * Club coverage targets of the province. To 2025: the provincial plan under Decision
 * 1336/QĐ-TTg (Đồng Nai's, the domain's example: >= 90% of communes have a club). To 2035:
 * Decision 1648/QĐ-TTg: every lowland commune and 70% of mountain, border and island
 * communes have 1-3 clubs; the row starts with the scheme's period (2026).
 */
export const COVERAGE_TARGETS = validateCoverageTargets([
  {
    effectiveFrom: '2020-08-31',
    legalAct: 'Quyết định 1336/QĐ-TTg; kế hoạch của tỉnh đến 2025 (≥ 90% xã có câu lạc bộ)',
    communeSharePercent: 90,
    lowlandSharePercent: null,
    mountainSharePercent: null,
    clubsPerCommune: { min: 1, max: 1000 },
  },
  {
    effectiveFrom: '2026-01-01',
    legalAct: 'Quyết định 1648/QĐ-TTg (đến 2035): 100% xã đồng bằng, 70% xã miền núi, biên giới, hải đảo có 1-3 câu lạc bộ',
    communeSharePercent: null,
    lowlandSharePercent: 100,
    mountainSharePercent: 70,
    clubsPerCommune: { min: 1, max: 3 },
  },
]);

export function validateCoverageTargets(rows: readonly CoverageTargetRow[]): DatedTable<CoverageTargetRow> {
  const pct = (v: number | null) => v === null || (Number.isInteger(v) && v >= 0 && v <= 100);
  return datedTable(rows, {
    name: 'coverage-targets',
    check: (r) => {
      if (!pct(r.communeSharePercent) || !pct(r.lowlandSharePercent) || !pct(r.mountainSharePercent))
        return 'shares must be whole per cents 0-100 or null';
      if (r.communeSharePercent === null && (r.lowlandSharePercent === null || r.mountainSharePercent === null))
        return 'a row sets the commune share or both the lowland and mountain shares';
      const c = r.clubsPerCommune;
      if (!c || !Number.isInteger(c.min) || !Number.isInteger(c.max) || c.min < 1 || c.max < c.min)
        return 'clubsPerCommune must be a range from 1';
      return null;
    },
  });
}

export function coverageTargetsOn(date: string): CoverageTargetRow | null {
  return COVERAGE_TARGETS.on(date);
}

/**
 * National targets for the elderly's health coverage, by indicator, as percentages of the
 * elderly. A row applies to a year when its `effectiveFrom` is on or before 31 December of that
 * year (a target "by 2025" applies to 2025) and no later row for the indicator does; years
 * before the first row have no target.
 *
 * - ANNUAL_CHECK >= 70% and HEALTH_RECORD 95% (2025) -> 100% (2030), CHRONIC_MANAGEMENT 70%
 *   (2025) -> 90% (2030): Decision 1579/QĐ-TTg of 13 October 2020, Programme on health care for
 *   the elderly to 2030, section I.2 (specific targets).
 * - INSURANCE_CARD 95% (2025) -> 100% (2030): National Action Programme on the Elderly
 *   2021-2030 (Decision 1948/QĐ-TTg of 26 November 2021), specific targets.
 * Checked 2026-11-23 against secondary summaries of both decisions (the primary texts were not
 * reachable from here). A province may set higher targets: add rows, never edit one in force.
 */
export type CoverageIndicator = 'HEALTH_RECORD' | 'ANNUAL_CHECK' | 'INSURANCE_CARD' | 'CHRONIC_MANAGEMENT';
export const COVERAGE_INDICATORS: readonly CoverageIndicator[] = ['HEALTH_RECORD', 'ANNUAL_CHECK', 'INSURANCE_CARD', 'CHRONIC_MANAGEMENT'];

export interface CoverageTargetRow {
  indicator: CoverageIndicator;
  /** whole percent, 0-100 */
  targetPercent: number;
  effectiveFrom: string;
  legalAct: string;
}

const HEALTH_PROGRAMME = 'Quyết định 1579/QĐ-TTg ngày 13/10/2020 (Chương trình chăm sóc sức khỏe người cao tuổi đến năm 2030)';
const ACTION_PROGRAMME = 'Quyết định 1948/QĐ-TTg ngày 26/11/2021 (Chương trình hành động quốc gia về người cao tuổi giai đoạn 2021-2030)';

export const COVERAGE_TARGET_ROWS: readonly CoverageTargetRow[] = [
  { indicator: 'ANNUAL_CHECK', targetPercent: 70, effectiveFrom: '2021-01-01', legalAct: HEALTH_PROGRAMME },
  { indicator: 'HEALTH_RECORD', targetPercent: 95, effectiveFrom: '2025-01-01', legalAct: HEALTH_PROGRAMME },
  { indicator: 'HEALTH_RECORD', targetPercent: 100, effectiveFrom: '2030-01-01', legalAct: HEALTH_PROGRAMME },
  { indicator: 'CHRONIC_MANAGEMENT', targetPercent: 70, effectiveFrom: '2025-01-01', legalAct: HEALTH_PROGRAMME },
  { indicator: 'CHRONIC_MANAGEMENT', targetPercent: 90, effectiveFrom: '2030-01-01', legalAct: HEALTH_PROGRAMME },
  { indicator: 'INSURANCE_CARD', targetPercent: 95, effectiveFrom: '2025-01-01', legalAct: ACTION_PROGRAMME },
  { indicator: 'INSURANCE_CARD', targetPercent: 100, effectiveFrom: '2030-01-01', legalAct: ACTION_PROGRAMME },
];

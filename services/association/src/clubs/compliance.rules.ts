import { addMonthsToDate, ageOn, dayAfter } from '@nct/dates';
import { elderlyAgeOn } from '../membership/rules/elderly-age';
import { withinPercent } from './clubs.rules';
import { compositionTargetsOn } from './rules/composition-targets';
import { ActivityArea, operationTargetsOn } from './rules/operation-targets';

export type ComplianceTarget =
  | 'MEMBERS'
  | 'WOMEN'
  | 'ELDERLY'
  | 'YOUNG'
  | 'PRIORITY_MEMBERS'
  | 'LOAN_SHARE'
  | 'INCOME_GENERATION_FUND'
  | 'ACTIVITY_FUND'
  | 'ALL_ACTIVITY_AREAS';
export type ComplianceKind = 'COMPOSITION' | 'OPERATION';

export interface ComplianceMember {
  citizenId: string;
  birthDate: string;
  sex: 'MALE' | 'FEMALE';
  priority: boolean;
  joinedOn: string;
  /** The day the membership ended (death), if it did. */
  endedOn?: string | null;
}
export interface ComplianceLoan {
  citizenId: string;
  date: string;
  status: 'OUTSTANDING' | 'REPAID' | 'WRITTEN_OFF';
}
export interface ComplianceActivity {
  date: string;
  area: ActivityArea;
}
export interface ComplianceFundEntry {
  fund: 'INCOME_GENERATION' | 'ACTIVITY';
  date: string;
}

export interface ComplianceCheck {
  target: ComplianceTarget;
  kind: ComplianceKind;
  /** The target as written, e.g. "50-70", "60-70%", ">= 50%", "8/8". */
  required: string;
  /** The club's figure: a count, or a share in per cent (two decimals). */
  actual: number;
  /** Numerator and denominator behind `actual` (count and members, areas run and areas). */
  count: number;
  of: number;
  met: boolean;
}

export interface ClubComplianceResult {
  asOf: string;
  periodFrom: string;
  legalAct: string;
  members: number;
  checks: ComplianceCheck[];
  compositionMet: boolean;
  operationMet: boolean;
  met: boolean;
  /** Share of members with a loan in the period, per cent (two decimals). */
  loanSharePercent: number;
  missingAreas: ActivityArea[];
}

const pct = (n: number, total: number) => (total === 0 ? 0 : Math.round((n * 10000) / total) / 100);

/** The first day of the period of `months` months that ends on `asOf` (inclusive): the same day `months` earlier, plus one. */
export function periodStart(asOf: string, months: number): string {
  return dayAfter(addMonthsToDate(asOf, -months));
}

/**
 * Where a club stands against Decision 1336/QĐ-TTg on `asOf`: composition (50-70 members,
 * 60-70% women, 60-70% elderly, 30-40% younger, priority members) and operation (>= 50% of
 * members with a loan in the period, both funds kept, all eight areas run in the period).
 * Elderly and younger are recomputed from the birth date on `asOf` (stored flags go stale);
 * a woman who is elderly counts in both groups. Members are those who joined by `asOf`.
 * Shares are compared exactly in integers; `actual` is rounded for display only.
 */
export function clubCompliance(
  asOf: string,
  members: readonly ComplianceMember[],
  loans: readonly ComplianceLoan[],
  activities: readonly ComplianceActivity[],
  fundEntries: readonly ComplianceFundEntry[],
): ClubComplianceResult {
  const composition = compositionTargetsOn(asOf);
  const operation = operationTargetsOn(asOf);
  if (!composition || !operation) throw new Error(`no club targets in force on ${asOf}`);
  const from = periodStart(asOf, operation.periodMonths);
  // members on asOf: joined by then, and not ended (a death) on or before it
  const current = members.filter((m) => m.joinedOn <= asOf && !(m.endedOn != null && m.endedOn <= asOf));
  const total = current.length;
  const elderlyAge = elderlyAgeOn(asOf);
  const elderly = current.filter((m) => m.birthDate <= asOf && ageOn(m.birthDate, asOf) >= elderlyAge).length;
  const women = current.filter((m) => m.sex === 'FEMALE').length;
  const young = total - elderly;
  const priority = current.filter((m) => m.priority).length;
  const memberIds = new Set(current.map((m) => m.citizenId));
  const borrowers = new Set(
    loans
      .filter((l) => memberIds.has(l.citizenId) && l.date <= asOf && (l.date >= from || l.status === 'OUTSTANDING'))
      .map((l) => l.citizenId),
  ).size;
  const run = new Set(activities.filter((a) => a.date >= from && a.date <= asOf).map((a) => a.area));
  const missingAreas = operation.requiredAreas.filter((a) => !run.has(a));
  const kept = new Set(fundEntries.filter((e) => e.date <= asOf).map((e) => e.fund));

  const share = (target: ComplianceTarget, count: number, range: { min: number; max: number }): ComplianceCheck => ({
    target,
    kind: 'COMPOSITION',
    required: `${range.min}-${range.max}%`,
    actual: pct(count, total),
    count,
    of: total,
    met: withinPercent(count, total, range),
  });
  const checks: ComplianceCheck[] = [
    {
      target: 'MEMBERS',
      kind: 'COMPOSITION',
      required: `${composition.members.min}-${composition.members.max}`,
      actual: total,
      count: total,
      of: total,
      met: total >= composition.members.min && total <= composition.members.max,
    },
    share('WOMEN', women, composition.women),
    share('ELDERLY', elderly, composition.elderly),
    share('YOUNG', young, composition.young),
    {
      target: 'PRIORITY_MEMBERS',
      kind: 'COMPOSITION',
      required: `>= ${operation.priorityMembersMin}`,
      actual: priority,
      count: priority,
      of: total,
      met: priority >= operation.priorityMembersMin,
    },
    {
      target: 'LOAN_SHARE',
      kind: 'OPERATION',
      required: `>= ${operation.loanShareMinPercent}%`,
      actual: pct(borrowers, total),
      count: borrowers,
      of: total,
      met: total > 0 && borrowers * 100 >= operation.loanShareMinPercent * total,
    },
    ...(['INCOME_GENERATION', 'ACTIVITY'] as const).map((fund): ComplianceCheck => ({
      target: fund === 'INCOME_GENERATION' ? 'INCOME_GENERATION_FUND' : 'ACTIVITY_FUND',
      kind: 'OPERATION',
      required: operation.requiredFunds.includes(fund) ? 'kept' : 'optional',
      actual: kept.has(fund) ? 1 : 0,
      count: kept.has(fund) ? 1 : 0,
      of: 1,
      met: kept.has(fund) || !operation.requiredFunds.includes(fund),
    })),
    {
      target: 'ALL_ACTIVITY_AREAS',
      kind: 'OPERATION',
      required: `${operation.requiredAreas.length}/${operation.requiredAreas.length}`,
      actual: operation.requiredAreas.length - missingAreas.length,
      count: operation.requiredAreas.length - missingAreas.length,
      of: operation.requiredAreas.length,
      met: missingAreas.length === 0,
    },
  ];
  const compositionMet = checks.filter((c) => c.kind === 'COMPOSITION').every((c) => c.met);
  const operationMet = checks.filter((c) => c.kind === 'OPERATION').every((c) => c.met);
  return {
    asOf,
    periodFrom: from,
    legalAct: composition.legalAct,
    members: total,
    checks,
    compositionMet,
    operationMet,
    met: compositionMet && operationMet,
    loanSharePercent: pct(borrowers, total),
    missingAreas: [...missingAreas],
  };
}

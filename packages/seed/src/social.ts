import { birthdayDay, dayToIso, dayToMonthIndex, monthIndexFirstDay, monthIndexToString, monthStringToIndex } from '@nct/dates';
import { RATES } from './rates';
import { shuffled, type Rng } from './rng';
import type { AllowanceCaseSeed, AllowanceGroup, CaseStatus, SocialPensionCaseSeed } from './types';
import { dayBetween, type PersonInternal, type SeedContext } from './context';
// Module-level aliases: global lookups are slow inside jest's vm sandbox, locals are not.
const { max, min, round } = Math;

const DECREE_20_START = monthStringToIndex('2021-07');
const SOCIAL_PENSION_START = monthStringToIndex('2025-07');

/**
 * Social allowance and social pension cases (stream `social`); sets `allowance` and `pension`
 * on the people who get one, for the sections after it.
 */
export function generateSocial(
  ctx: SeedContext,
  persons: PersonInternal[],
  n: number,
): { allowanceCases: AllowanceCaseSeed[]; socialPensionCases: SocialPensionCaseSeed[] } {
  const { asOfDay, asOfMonth, stream } = ctx;
  // ---- social ------------------------------------------------------------------------------
  const sr = stream('social');
  let decisionSeq = 0;
  const nextDecision = (suffix: string): string => `${++decisionSeq}/${suffix}`;
  const decisionDateIn = (rng: Rng, monthIndex: number): string => {
    // decisions are signed in the month before payment starts, or early in that month
    const lo = monthIndexFirstDay(monthIndex - 1) + 10;
    const hi = min(monthIndexFirstDay(monthIndex) + 9, asOfDay);
    return dayToIso(dayBetween(rng, min(lo, hi), hi));
  };

  const deceased = persons.filter((p) => p.deathDay !== null);
  const anomalyTarget = min(deceased.length, max(n >= 500 ? 1 : 0, round(RATES.deceasedStillPaid * n)));
  const stillPaid = new Set<PersonInternal>(shuffled(sr, deceased).slice(0, anomalyTarget));

  const pickGroup = (p: PersonInternal): AllowanceGroup | null => {
    const r = sr.next();
    if (p.age >= 80) {
      if (r < 0.5) return 'A5C';
      if (r < 0.515) return 'A5A';
      if (r < 0.517) return 'A5D';
      if (r < 0.527) return 'DISABILITY_SEVERE';
      if (r < 0.532) return 'DISABILITY_VERY_SEVERE';
      return null;
    }
    if (p.age >= 75 && p.commune.fx.disadvantaged && r < 0.4) return 'A5B';
    const r2 = sr.next();
    if (r2 < 0.009) return 'A5A';
    if (r2 < 0.01) return 'A5D';
    if (r2 < 0.0135) return 'DISABILITY_SEVERE';
    if (r2 < 0.0155) return 'DISABILITY_VERY_SEVERE';
    return null;
  };
  const forcedGroup = (p: PersonInternal): AllowanceGroup =>
    p.age >= 80 ? 'A5C' : p.age >= 75 && p.commune.fx.disadvantaged ? 'A5B' : 'A5A';
  const thresholdAge = (g: AllowanceGroup): number => (g === 'A5C' ? 80 : g === 'A5B' ? 75 : 60);

  const allowanceCases: AllowanceCaseSeed[] = [];
  const socialPensionCases: SocialPensionCaseSeed[] = [];
  for (const p of persons) {
    const forced = stillPaid.has(p);
    const group = forced ? forcedGroup(p) : pickGroup(p);
    if (group === null) continue;
    const deathMonth = p.deathDay === null ? null : dayToMonthIndex(p.deathDay);
    const turned = dayToMonthIndex(birthdayDay(p.birthDay, thresholdAge(group)));
    const earliest = max(turned, DECREE_20_START);
    const latest = deathMonth ?? asOfMonth;
    if (earliest > latest) continue;
    // newly eligible people start from the month they turn the age; others at any time since
    const start = turned >= DECREE_20_START || sr.chance(0.4) ? min(latest, earliest + sr.int(0, 2)) : sr.int(earliest, latest);
    const { status, stop } = forced
      ? { status: 'ACTIVE' as const, stop: null }
      : caseLifecycle(sr, start, deathMonth, asOfMonth, 0.03, 0.08);
    const c: AllowanceCaseSeed = {
      citizenId: p.seed.citizenId,
      group,
      decisionNumber: nextDecision('QĐ-UBND'),
      decisionDate: decisionDateIn(sr, start),
      startMonth: monthIndexToString(start),
      status,
      stopMonth: stop === null ? null : monthIndexToString(stop),
      communeCode: p.commune.fx.code,
    };
    p.allowance = c;
    allowanceCases.push(c);
  }

  for (const p of persons) {
    if (p.allowance !== null || p.age < 75) continue;
    if (!sr.chance(RATES.socialPensionOf75PlusWithoutAllowance)) continue;
    const deathMonth = p.deathDay === null ? null : dayToMonthIndex(p.deathDay);
    const earliest = max(SOCIAL_PENSION_START, dayToMonthIndex(birthdayDay(p.birthDay, 75)));
    const latest = deathMonth ?? asOfMonth;
    if (earliest > latest) continue;
    const start = min(latest, earliest + sr.int(0, 3));
    const { status, stop } = caseLifecycle(sr, start, deathMonth, asOfMonth, 0.02, 0.05);
    const c: SocialPensionCaseSeed = {
      citizenId: p.seed.citizenId,
      decisionNumber: nextDecision('QĐ-UBND'),
      decisionDate: decisionDateIn(sr, start),
      startMonth: monthIndexToString(start),
      status,
      stopMonth: stop === null ? null : monthIndexToString(stop),
      communeCode: p.commune.fx.code,
    };
    p.pension = c;
    socialPensionCases.push(c);
  }
  return { allowanceCases, socialPensionCases };
}

/**
 * Status of a benefit case as of `asOfMonth`: stopped from the month after death; otherwise
 * stopped (share `stoppedBelow`) or suspended (up to `suspendedBelow`, cumulative) at random.
 */
function caseLifecycle(
  sr: Rng,
  start: number,
  deathMonth: number | null,
  asOfMonth: number,
  stoppedBelow: number,
  suspendedBelow: number,
): { status: CaseStatus; stop: number | null } {
  if (deathMonth !== null) return { status: 'STOPPED', stop: deathMonth + 1 }; // stops from the month after death
  const r = sr.next();
  if (r < stoppedBelow && start < asOfMonth) return { status: 'STOPPED', stop: sr.int(start + 1, asOfMonth) };
  if (r < suspendedBelow) return { status: 'SUSPENDED', stop: null };
  return { status: 'ACTIVE', stop: null };
}

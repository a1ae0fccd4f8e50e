import { createHash } from 'node:crypto';
import type { SeedData } from '@nct/seed';
import { calendarAge, dateReachingAge, dayToIso, isoToDay, quarterStart, yearOf } from '@nct/dates';
import type { HomeVisitKind } from '../visits/visits.rules';

/** A chronic condition of the derived seed (never an HIV code). */
export interface ChronicConditionSeed {
  citizenId: string;
  code: string;
  diagnosedOn: string;
  underManagement: boolean;
  facility: string;
}

export interface HomeVisitSeed {
  citizenId: string;
  date: string;
  visitor: string;
  kind: HomeVisitKind;
  notes: string;
}

/** What this subgraph adds to the shared seed (`data.health` has records, checks and cards). */
export interface HealthSeedExtra {
  chronicConditions: ChronicConditionSeed[];
  homeVisits: HomeVisitSeed[];
}

/**
 * Rates (share of the elderly), from Vietnamese surveys of the elderly as commonly cited
 * (hypertension about 40-50% of people 60+, diabetes 10-15%, COPD about 5-7%); management
 * around the 70% programme target so that some communes meet it and some do not.
 */
export const DERIVE_RATES = {
  conditions: [
    { code: 'I10', share: 0.42 },
    { code: 'E11.9', share: 0.12 },
    { code: 'J44.9', share: 0.06 },
    { code: 'I25.1', share: 0.07 },
    { code: 'I69.4', share: 0.03 },
    { code: 'M17.9', share: 0.15 },
  ],
  underManagement: 0.68,
  /** group 5a/5d allowance beneficiaries (lonely or without support): visits per quarter */
  visitedThisQuarter5a5d: 0.62,
  visitedEarlierQuarter5a5d: 0.7,
  /** other people aged 80+ */
  visitedThisQuarter80plus: 0.08,
} as const;

/** A deterministic number in [0, 1) from a citizen ID and a label. */
export function unit(citizenId: string, label: string): number {
  const h = createHash('sha256').update(`${citizenId}|${label}`).digest();
  return h.readUInt32BE(0) / 0x1_0000_0000;
}

const between = (lo: number, hi: number, u: number): number => (hi <= lo ? lo : lo + Math.floor(u * (hi - lo + 1)));

const VISITORS = ['Y sĩ trạm y tế', 'Nhân viên y tế thôn, bản', 'Tình nguyện viên chăm sóc tại nhà'] as const;
const KINDS: readonly HomeVisitKind[] = ['SUPPORT_VISIT', 'HEALTH_MONITORING', 'HOME_CARE', 'CHRONIC_FOLLOW_UP'];
const NOTES: Record<HomeVisitKind, string> = {
  SUPPORT_VISIT: 'Thăm hỏi, động viên; hướng dẫn liên hệ trạm y tế khi cần',
  HEALTH_MONITORING: 'Đo huyết áp, cân nặng; tư vấn dinh dưỡng và vận động',
  HOME_CARE: 'Chăm sóc, vệ sinh, hướng dẫn người nhà chăm sóc',
  CHRONIC_FOLLOW_UP: 'Theo dõi dùng thuốc điều trị bệnh mạn tính',
};

function stationOf(name: string): string {
  return `Trạm Y tế ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
}

/**
 * The health seed records the shared generator does not make: chronic conditions and home
 * visits. Pure and deterministic (sha256 of citizen ID + label), dated relative to
 * `data.asOf`; nothing after a person's death or after `asOf`.
 * Cases for the cross-agency questions: group 5a/5d beneficiaries with and without a visit in
 * the quarter of `asOf` (Q10); people with conditions under management and not (Q11).
 */
export function deriveHealthSeed(data: SeedData): HealthSeedExtra {
  const asOfDay = isoToDay(data.asOf);
  const stations = new Map(data.communes.map((c) => [c.code, stationOf(c.name)]));
  const lonely = new Set(data.social.allowanceCases.filter((c) => c.group === 'A5A' || c.group === 'A5D').map((c) => c.citizenId));
  const chronicConditions: ChronicConditionSeed[] = [];
  const homeVisits: HomeVisitSeed[] = [];
  // Both answers of Q10 exist whatever the date: of the 5a/5d beneficiaries alive on `asOf`
  // (by citizen ID), the first is never visited in the current quarter and the second always
  // is. Without this, a small seed on some dates had every one of them visited.
  const lonelyAlive = data.people
    .filter((p) => lonely.has(p.citizenId) && (!p.deathDate || p.deathDate > data.asOf))
    .map((p) => p.citizenId)
    .sort();
  const [neverVisitedNow, alwaysVisitedNow] = lonelyAlive;

  for (const p of data.people) {
    const endDay = p.deathDate ? Math.min(asOfDay, isoToDay(p.deathDate)) : asOfDay;
    const station = stations.get(p.communeCode) ?? 'Trạm Y tế xã';
    const birthYear = yearOf(p.birthDate);
    const earliest = Math.max(isoToDay('2010-01-01'), isoToDay(dateReachingAge(p.birthDate, 50)));

    for (const c of DERIVE_RATES.conditions) {
      if (unit(p.citizenId, `chronic:${c.code}`) >= c.share) continue;
      chronicConditions.push({
        citizenId: p.citizenId,
        code: c.code,
        diagnosedOn: dayToIso(between(Math.min(earliest, endDay), endDay, unit(p.citizenId, `chronic-date:${c.code}`))),
        underManagement: unit(p.citizenId, `chronic-managed:${c.code}`) < DERIVE_RATES.underManagement,
        facility: station,
      });
    }

    const age = calendarAge(birthYear, yearOf(data.asOf));
    const isLonely = lonely.has(p.citizenId);
    if (!isLonely && age < 80) continue;
    for (let back = 0; back < 4; back++) {
      const lo = isoToDay(quarterStart(data.asOf, back));
      const hi = Math.min(endDay, isoToDay(quarterStart(data.asOf, back - 1)) - 1);
      if (hi < lo) continue;
      const rate = isLonely
        ? back === 0
          ? DERIVE_RATES.visitedThisQuarter5a5d
          : DERIVE_RATES.visitedEarlierQuarter5a5d
        : DERIVE_RATES.visitedThisQuarter80plus;
      if (back === 0 && p.citizenId === neverVisitedNow) continue;
      const forced = back === 0 && p.citizenId === alwaysVisitedNow;
      if (!forced && unit(p.citizenId, `visit:${back}`) >= rate) continue;
      const kind = KINDS[Math.floor(unit(p.citizenId, `visit-kind:${back}`) * KINDS.length)];
      homeVisits.push({
        citizenId: p.citizenId,
        date: dayToIso(between(lo, hi, unit(p.citizenId, `visit-date:${back}`))),
        visitor: `${VISITORS[Math.floor(unit(p.citizenId, `visitor:${back}`) * VISITORS.length)]} (${station})`,
        kind,
        notes: NOTES[kind],
      });
    }
  }
  return { chronicConditions, homeVisits };
}

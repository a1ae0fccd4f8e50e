import {
  DISADVANTAGED_VILLAGES_ACT,
  LISTED_VILLAGES_PER_COMMUNE,
  POST_REFORM_ACT,
  POST_REFORM_VILLAGE_COMMUNES,
  REGION_III_ACT,
  REGION_III_OLD_COMMUNES,
  type DisadvantagedActFixture,
} from './fixtures/lai-chau';
import type { DisadvantagedAreaSeed, UnitSeed, VillageSeed } from './types';
import type { CommuneInfo } from './units';

/**
 * The dated list of especially disadvantaged areas (ILLUSTRATIVE, see fixtures/lai-chau.ts):
 * - Decision 861/QĐ-TTg (2021-06-04 .. 2025-06-30): region III communes before the reform, the
 *   two communes the reform left unchanged (Tà Tổng, Mù Cả) and a few old communes whose
 *   successors lost the status;
 * - Decision 612/QĐ-UBDT (2021-09-16 .. 2025-06-30): the first villages of the other rural
 *   pre-reform communes;
 * - the provincial decision from 2025-07-01: the current communes flagged `disadvantaged`
 *   (so a commune's status today is the flag it always had), and the first villages of a few
 *   other communes.
 * No user seed: the same list for every seed.
 */
export function buildDisadvantagedAreas(
  communes: readonly CommuneInfo[],
  historicalUnits: readonly UnitSeed[],
  villages: readonly VillageSeed[],
): DisadvantagedAreaSeed[] {
  const villagesOf = new Map<string, VillageSeed[]>();
  for (const v of villages) villagesOf.set(v.communeCode, [...(villagesOf.get(v.communeCode) ?? []), v]);
  const commune = (code: string, act: DisadvantagedActFixture): DisadvantagedAreaSeed => ({
    level: 'COMMUNE',
    unitCode: code,
    villageCode: null,
    ...act,
  });
  const firstVillages = (code: string, act: DisadvantagedActFixture): DisadvantagedAreaSeed[] =>
    (villagesOf.get(code) ?? []).slice(0, LISTED_VILLAGES_PER_COMMUNE).map((v) => ({
      level: 'VILLAGE',
      unitCode: code,
      villageCode: v.villageCode,
      ...act,
    }));

  const unchangedRegionIII = communes.filter((cm) => cm.fx.unchanged && cm.fx.disadvantaged).map((cm) => cm.fx.code);
  const regionIII = new Set([...unchangedRegionIII, ...REGION_III_OLD_COMMUNES]);
  const ruralOld = historicalUnits.filter((u) => u.level === 'COMMUNE' && u.kind === 'COMMUNE' && !regionIII.has(u.code));
  return [
    ...[...regionIII].sort().map((code) => commune(code, REGION_III_ACT)),
    ...ruralOld.flatMap((u) => firstVillages(u.code, DISADVANTAGED_VILLAGES_ACT)),
    ...communes.filter((cm) => cm.fx.disadvantaged).map((cm) => commune(cm.fx.code, POST_REFORM_ACT)),
    ...POST_REFORM_VILLAGE_COMMUNES.flatMap((code) => firstVillages(code, POST_REFORM_ACT)),
  ];
}

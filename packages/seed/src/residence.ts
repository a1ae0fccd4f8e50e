import { dayToIso, isoToDay } from '@nct/dates';
import { ABOLISHED_ON, OLD_UNITS_VALID_FROM, REFORM_DATE } from './fixtures/lai-chau';
import { RATES } from './rates';
import type { PersonInternal, SeedContext } from './context';
import type { ResidencePeriodSeed, VillageSeed } from './types';
import type { CommuneInfo } from './units';

const later = (a: string, b: string): string => (a > b ? a : b);

/**
 * Each person's residence history (stream `residence`, so nothing else of the seed changes):
 * - before the reform, a period in a pre-reform commune their commune was formed from (the
 *   legacy code of their record when it has one), from birth or from when that commune exists,
 *   to 2025-06-30; only where the fixture has commune lineage (the two unchanged communes cover
 *   both sides of the reform in one period);
 * - ~3% (not those on a legacy code) moved from another current commune after the reform: a period there, then one in their
 *   commune from the day of the move (before `asOf` and before their death);
 * - a village of the commune in each period.
 * The last period is open (`to` null) and in the person's current commune. A person who died
 * before their commune was formed keeps a last period from its formation (the record was filed
 * there at the reform).
 */
export function generateResidence(
  ctx: SeedContext,
  persons: PersonInternal[],
  communes: readonly CommuneInfo[],
  villages: readonly VillageSeed[],
): void {
  const rr = ctx.stream('residence');
  const villagesOf = new Map<string, string[]>();
  for (const v of villages) villagesOf.set(v.communeCode, [...(villagesOf.get(v.communeCode) ?? []), v.villageCode]);
  const village = (code: string): string | null => {
    const list = villagesOf.get(code);
    return list && list.length > 0 ? rr.pick(list) : null;
  };
  const earliestMove = isoToDay(REFORM_DATE) + 30;
  for (const p of persons) {
    const birth = p.seed.birthDate;
    const lastDay = (p.deathDay ?? ctx.asOfDay) - 1;
    // a record still on a pre-2025 code was made in the person's own commune's predecessor: not a mover
    const moves = rr.chance(RATES.movedSinceReform) && lastDay >= earliestMove && p.seed.legacyUnitCode === null;
    const moveDay = moves ? rr.int(earliestMove, lastDay) : null;
    const others = moveDay === null ? [] : communes.filter((cm) => cm !== p.commune);
    const home = others.length > 0 ? rr.pick(others) : p.commune;
    const periods: ResidencePeriodSeed[] = [];
    if (home.unit.validFrom === REFORM_DATE && home.legacyCodes.length > 0) {
      const own = home === p.commune ? p.seed.legacyUnitCode : null;
      const old = own && home.legacyCodes.includes(own) ? own : rr.pick(home.legacyCodes);
      const from = later(birth, OLD_UNITS_VALID_FROM);
      if (from <= ABOLISHED_ON) periods.push({ communeCode: old, villageCode: village(old), from, to: ABOLISHED_ON });
    }
    const homeFrom = later(birth, home.unit.validFrom);
    if (home === p.commune) {
      periods.push({ communeCode: home.unit.code, villageCode: village(home.unit.code), from: homeFrom, to: null });
    } else {
      const moved = dayToIso(moveDay as number);
      periods.push({
        communeCode: home.unit.code,
        villageCode: village(home.unit.code),
        from: homeFrom,
        to: dayToIso((moveDay as number) - 1),
      });
      periods.push({ communeCode: p.commune.unit.code, villageCode: village(p.commune.unit.code), from: moved, to: null });
    }
    p.seed.residenceHistory = periods;
  }
}

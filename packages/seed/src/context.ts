import { addYearsYmd, dayToYmd, ymdToDay } from '@nct/dates';
import { CitizenIdIssuer, OLD_PROVINCE_CODES } from './citizen-id';
import { OLD_PROVINCE_ID_PREFIX } from './fixtures/lai-chau';
import { MINORITY_ETHNICITIES } from './names';
import { WeightedTable, type Rng } from './rng';
import type { AllowanceCaseSeed, PersonSeed, SocialPensionCaseSeed } from './types';
import type { CommuneInfo } from './units';

/**
 * What every section of the generator shares: the reference day, the per-section PRNG streams
 * and the citizen-ID issuer (IDs stay unique across the elderly and the clubs' younger members).
 */
export interface SeedContext {
  asOfDay: number;
  asOfMonth: number;
  asOfYear: number;
  /** The PRNG stream of one section, derived from the seed and the section's label. */
  stream(label: string): Rng;
  issuer: CitizenIdIssuer;
  /** Birth-province prefixes of people born outside the province. */
  otherProvinces: WeightedTable<string>;
  minorities: WeightedTable<string>;
}

/** A generated elderly person with what later sections need to know about them. */
export interface PersonInternal {
  seed: PersonSeed;
  birthDay: number;
  deathDay: number | null;
  /** full age on the reference day (death day, or asOf for the living) */
  age: number;
  bucket: number;
  commune: CommuneInfo;
  allowance: AllowanceCaseSeed | null;
  pension: SocialPensionCaseSeed | null;
}

/** Random day in [lo, hi]; returns lo when the range is empty. */
export function dayBetween(rng: Rng, lo: number, hi: number): number {
  return hi <= lo ? lo : rng.int(lo, hi);
}

/** Random birth day so that the full age on refDay is exactly `age`. */
export function birthDayForAge(rng: Rng, refDay: number, age: number): number {
  const ref = dayToYmd(refDay);
  const latest = addYearsYmd(ref, -age);
  const earliestExcl = addYearsYmd(ref, -(age + 1));
  return rng.int(ymdToDay(earliestExcl.y, earliestExcl.m, earliestExcl.d) + 1, ymdToDay(latest.y, latest.m, latest.d));
}

export function otherProvinceTable(): WeightedTable<string> {
  const preferred: Record<string, number> = {
    '011': 10,
    '010': 8,
    '015': 6,
    '014': 6,
    '034': 8,
    '036': 6,
    '035': 3,
    '037': 3,
    '030': 4,
    '033': 4,
    '001': 6,
    '025': 5,
    '038': 5,
    '040': 4,
    '022': 2,
    '008': 2,
    '002': 2,
    '019': 2,
  };
  return new WeightedTable(OLD_PROVINCE_CODES.filter((p) => p !== OLD_PROVINCE_ID_PREFIX).map((p) => [p, preferred[p] ?? 0.3] as const));
}

export function minorityTable(): WeightedTable<string> {
  return new WeightedTable(MINORITY_ETHNICITIES);
}

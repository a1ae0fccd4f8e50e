/**
 * Deterministic seed-data generator. Pure: the output depends only on the options.
 * One module per job: units.ts (communes, old units, lineage), people.ts (the elderly, their
 * names and communes), social.ts, health.ts and association.ts (each agency's records),
 * residence.ts and disadvantaged.ts (the register's residence histories and dated list). Each
 * draws from its own PRNG stream (derived from the seed and a label) so that the sections stay
 * independent of one another; context.ts holds what they share.
 */
import { dayToMonthIndex, dayToYmd, isoToDay } from '@nct/dates';
import { generateClubs, generateMemberships } from './association';
import { CitizenIdIssuer } from './citizen-id';
import { minorityTable, otherProvinceTable, type SeedContext } from './context';
import { PROVINCE } from './fixtures/lai-chau';
import { generateHealth } from './health';
import { buildDisadvantagedAreas } from './disadvantaged';
import { generatePeople } from './people';
import { generateResidence } from './residence';
import { createRng, hashSeed, type Rng } from './rng';
import { generateSocial } from './social';
import type { SeedData } from './types';
import { buildUnits } from './units';

export { RATES } from './rates';
// Module-level aliases: global lookups are slow inside jest's vm sandbox, locals are not.
const { floor, round } = Math;

export interface SeedOptions {
  people: number;
  seed?: number;
  /** ISO date the data is "as of", default '2026-11-01' */
  asOf?: string;
}

export const DEFAULT_SEED_PEOPLE = 2000;
export const BENCH_SEED_PEOPLE = 100000;
export const DEFAULT_AS_OF = '2026-11-01';
export const DEFAULT_SEED = 1;

function validateOptions(options: SeedOptions): { people: number; seed: number; asOf: string; asOfDay: number } {
  const { people } = options;
  if (!Number.isInteger(people) || people < 0) throw new RangeError(`people must be a non-negative integer, got ${people}`);
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const asOfDay = isoToDay(asOf); // throws on invalid dates
  return { people, seed, asOf, asOfDay };
}

export function generateSeed(options: SeedOptions): SeedData {
  const { people: n, seed, asOf, asOfDay } = validateOptions(options);
  const ctx: SeedContext = {
    asOfDay,
    asOfMonth: dayToMonthIndex(asOfDay),
    asOfYear: dayToYmd(asOfDay).y,
    stream: (label: string): Rng => createRng(hashSeed(floor(seed) ^ round((seed % 1) * 1e9), label)),
    issuer: new CitizenIdIssuer(),
    otherProvinces: otherProvinceTable(),
    minorities: minorityTable(),
  };
  const { communes, historicalUnits, lineage, villages } = buildUnits();
  // In this order: social reads the people, health and clubs read who gets a benefit, and the
  // clubs' younger members take citizen IDs after the elderly's.
  const persons = generatePeople(ctx, communes, n);
  const social = generateSocial(ctx, persons, n);
  const health = generateHealth(ctx, persons);
  const memberships = generateMemberships(ctx, persons);
  const { clubs, clubMemberships } = generateClubs(ctx, communes, persons);
  // the register's residence histories, from their own stream (nothing above depends on them)
  generateResidence(ctx, persons, communes, villages);

  return {
    asOf,
    seed,
    province: { ...PROVINCE },
    communes: communes.map((cm) => cm.unit),
    historicalUnits,
    lineage,
    villages,
    disadvantagedAreas: buildDisadvantagedAreas(communes, historicalUnits, villages),
    people: persons.map((p) => p.seed),
    social,
    health,
    association: { memberships, clubs, clubMemberships },
  };
}

import type { SeedData } from '@nct/seed';
import { deriveAssociationSeed } from '@nct/association';
import { deriveHealthSeed } from '@nct/health';
import { deriveHomeaffairsSeed } from '@nct/homeaffairs';
import { deriveSocialSeed } from '@nct/social';

// Plain helpers for the cross-agency end-to-end tests (docs/cross-agency.md). Everything the
// tests expect is computed from the seed data alone: the shared generation (`system.seed`)
// plus each service's own derived seed records (`derive<Service>Seed`), which are the data
// the services load. No service rule, resolver or read model is used here.

/** The date the whole system runs at in this test run (NCT_TODAY, pinned by the jest global setup). */
export { testToday } from '@nct/testing';

/** Alive on a day: no death recorded on or before it. */
export const aliveOn = (p: { deathDate: string | null }, day: string): boolean => p.deathDate === null || p.deathDate > day;

/** A benefit case covers a month when it had started and was not yet stopped (a suspended case still covers it). */
export const caseCovers = (c: { startMonth: string; stopMonth: string | null }, month: string): boolean =>
  c.startMonth <= month && (c.stopMonth === null || month < c.stopMonth);

export const sorted = <T>(xs: Iterable<T>): T[] => [...xs].sort();

/** The whole seed as the services hold it: shared generation plus each service's derived records. */
export function seedView(seed: SeedData) {
  const social = deriveSocialSeed(seed);
  const health = deriveHealthSeed(seed);
  const association = deriveAssociationSeed(seed);
  const homeaffairs = deriveHomeaffairsSeed(seed);
  const person = new Map(seed.people.map((p) => [p.citizenId, p]));
  const group = <T extends { citizenId: string }>(xs: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) m.set(x.citizenId, [...(m.get(x.citizenId) ?? []), x]);
    return (id: string): T[] => m.get(id) ?? [];
  };
  return {
    seed,
    social,
    health,
    association,
    homeaffairs,
    person,
    /** every benefit case (allowance and social pension) the social service holds, per person */
    casesOf: group(social.cases),
    socialRecordOf: (id: string) => social.records.find((r) => r._id === id) ?? null,
    paymentsOf: group(social.payments),
    checksOf: group(seed.health.checks),
    cardsOf: group(seed.health.insuranceCards),
    visitsOf: group(health.homeVisits),
    conditionsOf: group(health.chronicConditions),
    peopleIn: (commune: string) => seed.people.filter((p) => p.communeCode === commune),
  };
}
export type SeedView = ReturnType<typeof seedView>;

/**
 * The commune to test a question on: one with at least one positive and one negative case
 * (the most positives first, then the code), so that both a missing and an extra row show.
 */
export function communeWithBoth(seed: SeedData, positives: (commune: string) => number, negatives: (commune: string) => number): string {
  const candidates = seed.communes
    .map((c) => ({ code: c.code, pos: positives(c.code), neg: negatives(c.code) }))
    .filter((c) => c.pos > 0 && c.neg > 0)
    .sort((a, b) => b.pos - a.pos || a.code.localeCompare(b.code));
  if (!candidates.length) throw new Error('the seed has no commune with both a positive and a negative case');
  return candidates[0].code;
}

/**
 * The small-cell rule of docs/security.md, restated: a cell of 1-4 people is withheld (null),
 * and when exactly one cell of a group is withheld, the smallest other non-zero cell is
 * withheld too, so that a shown total cannot give it back.
 */
export function disclose(counts: number[]): Array<number | null> {
  const withheld = counts.map((n) => n > 0 && n < 5);
  if (withheld.filter(Boolean).length === 1) {
    const others = counts
      .map((n, i) => ({ n, i }))
      .filter(({ n, i }) => !withheld[i] && n > 0)
      .sort((a, b) => a.n - b.n);
    if (others.length) withheld[others[0].i] = true;
  }
  return counts.map((n, i) => (withheld[i] ? null : n));
}

/** A single published count: 1-4 withheld. */
export const smallWithheld = (n: number): number | null => (n > 0 && n < 5 ? null : n);

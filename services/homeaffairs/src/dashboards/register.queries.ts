import { decide, SMALL_CELL_THRESHOLD } from '@nct/auth';
import { trusted } from '@nct/db';
import type { RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { PERSON_PROJECTION, personFromDoc, type PersonIdentity } from '../people/person.queries';
import { countBounds, rosterBirthIntervals, rosterMatches, type RosterCriteria } from './roster.rules';
import { diedAfter, legacyRecordTotal, livingBornBy, TALLY, tallyHistograms } from './register.tallies';

/**
 * The register's dashboard reads: every one starts from an index of `people`
 * (person.model.ts) and reads only the people its answer can hold.
 */

/** The indexed reads a commune roster is made of (their union holds every row it can list). */
export function rosterCores(communeCode: string, c: RosterCriteria): Array<Record<string, unknown>> {
  if (c.citizenIds) return [{ communeCode, citizenId: trusted({ $in: [...c.citizenIds] }) }];
  // the deceased are few: start from the deaths of the commune (Q9); `$gt: ''` keeps the
  // range off the living (no death date sorts before every string)
  if (c.alive === false) return [{ communeCode, deathDate: trusted({ $gt: '', $lte: c.asOf }) }];
  return rosterBirthIntervals(c).map((i) => {
    const birth: Record<string, string> = {};
    if (i.from !== null) birth.$gte = i.from;
    if (i.to !== null) birth.$lte = i.to;
    return Object.keys(birth).length ? { communeCode, birthDate: trusted(birth) } : { communeCode };
  });
}

/** A commune's roster in citizen-ID order: one indexed read per birth-date range, then the exact rule. */
export async function readRoster(models: Models, communeCode: string, c: RosterCriteria): Promise<PersonIdentity[]> {
  const reads = await Promise.all(
    rosterCores(communeCode, c).map((core) => models.Person.find(core, PERSON_PROJECTION).lean<PersonIdentity[]>()),
  );
  const byId = new Map<string, PersonIdentity>();
  for (const doc of reads.flat()) if (!byId.has(doc.citizenId)) byId.set(doc.citizenId, personFromDoc(doc));
  const rows = [...byId.values()].filter((p) => rosterMatches(p, c));
  return rows.sort((a, b) => (a.citizenId < b.citizenId ? -1 : a.citizenId > b.citizenId ? 1 : 0));
}

type CountFigure = 'elderly' | 'centenarians' | 'legacyRecords';

/**
 * A figure of communes on a date, from the register tallies (register.tallies.ts): one read of
 * each tally for all the communes of a request (e.g. `communesOf { elderlyCountToday }`), plus,
 * for the living on `asOf`, one aggregation of the deaths recorded after `asOf` (none after
 * today). elderly: living on `asOf` and aged a full 60; centenarians: a full 100;
 * legacyRecords: records still on a pre-2025 code, deceased included (the date does not matter).
 */
export async function communeFigures(
  models: Models,
  ctx: RequestContext,
  figure: CountFigure,
  asOf: string,
  codes: readonly string[],
): Promise<number[]> {
  if (figure === 'legacyRecords')
    return (await tallyHistograms(models, ctx, TALLY.legacyRecords).loadMany(codes)).map((h) => legacyRecordTotal(ok(h)));
  const histograms = await tallyHistograms(models, ctx, TALLY.livingBirths).loadMany(codes);
  const died = await diedAfter(models, ctx, asOf).loadMany(codes);
  const { elderlyBornBy, centenarianBornBy } = countBounds(asOf);
  const bornBy = figure === 'elderly' ? elderlyBornBy : centenarianBornBy;
  return histograms.map((h, i) => livingBornBy(ok(h), ok(died[i]), bornBy));
}

function ok<T>(v: T | Error): T {
  if (v instanceof Error) throw v;
  return v;
}

/** Records on one old unit code (Q12), in one commune when the caller is limited to it. */
export async function recordsOnCode(models: Models, code: string, communeCode: string | null): Promise<number> {
  return models.Person.countDocuments({ legacyUnitCode: code, ...(communeCode ? { communeCode } : {}) });
}

/** Per old unit code, the records of these communes still on it (Q12), from the `legacy-records` tally. */
export async function recordsByLegacyCode(
  models: Models,
  ctx: RequestContext,
  communeCodes: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const h of await tallyHistograms(models, ctx, TALLY.legacyRecords).loadMany(communeCodes)) {
    for (const [code, n] of Object.entries(ok(h))) out.set(code, (out.get(code) ?? 0) + n);
  }
  return new Map([...out].filter(([, n]) => n > 0));
}

/**
 * Whether counts must be disclosure-controlled for this caller: anyone who may not read the
 * people themselves (a coordinator) gets cells of 1-4 withheld (PDP Law 91/2025; the same
 * threshold as `registerStatistics`, packages/auth/src/disclosure.ts).
 */
export function needsSuppression(ctx: RequestContext): boolean {
  return !decide(ctx.identity, ctx.purpose, 'IDENTITY').allowed;
}

/** A single count as this caller may see it: null when withheld. */
export function disclosedCount(ctx: RequestContext, n: number): number | null {
  return needsSuppression(ctx) && n > 0 && n < SMALL_CELL_THRESHOLD ? null : n;
}

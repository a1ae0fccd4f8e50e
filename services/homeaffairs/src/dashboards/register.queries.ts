import { decide, SMALL_CELL_THRESHOLD } from '@nct/auth';
import { trusted } from '@nct/db';
import { loader, type RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { PERSON_PROJECTION, personFromDoc, type PersonIdentity } from '../people/person.queries';
import { countsByKey, indexedMatch } from '../queries';
import { countBounds, rosterBirthIntervals, rosterMatches, type RosterCriteria } from './roster.rules';

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
  const reads = await Promise.all(rosterCores(communeCode, c).map((core) => models.Person.find(core, PERSON_PROJECTION).lean<PersonIdentity[]>()));
  const byId = new Map<string, PersonIdentity>();
  for (const doc of reads.flat()) if (!byId.has(doc.citizenId)) byId.set(doc.citizenId, personFromDoc(doc));
  const rows = [...byId.values()].filter((p) => rosterMatches(p, c));
  return rows.sort((a, b) => (a.citizenId < b.citizenId ? -1 : a.citizenId > b.citizenId ? 1 : 0));
}

/** Alive on `asOf`: no death recorded on or before it. */
const aliveOn = (asOf: string) => ({ $or: [{ deathDate: null }, { deathDate: { $gt: asOf } }] });

type CountFigure = 'elderly' | 'centenarians' | 'legacyRecords';

/** One aggregation per figure and batch of communes: `{ _id: commune, n }` for each commune counted. */
function countPipeline(figure: CountFigure, codes: readonly string[], asOf: string) {
  const communes = { communeCode: { $in: [...codes] } };
  const { elderlyBornBy, centenarianBornBy } = countBounds(asOf);
  const match =
    figure === 'elderly'
      ? indexedMatch(communes, { birthDate: { $lte: elderlyBornBy }, ...aliveOn(asOf) })
      : figure === 'centenarians'
        ? indexedMatch({ birthDate: { $lte: centenarianBornBy } }, { ...communes, ...aliveOn(asOf) })
        : indexedMatch({ legacyUnitCode: { $gt: '' } }, communes);
  return [...match, { $group: { _id: '$communeCode', n: { $sum: 1 } } }];
}

/**
 * A figure of communes on a date, batched per request: all communes a request asks about
 * (e.g. `communesOf { elderlyCountToday }`) are counted by one aggregation.
 * elderly: living on `asOf` and aged a full 60; centenarians: a full 100; legacyRecords:
 * records still on a pre-2025 code, deceased included (the date does not matter).
 */
export function communeFigure(models: Models, ctx: RequestContext, figure: CountFigure, asOf: string) {
  return loader<string, number>(ctx, `count:${figure}:${figure === 'legacyRecords' ? '' : asOf}`, async (codes) => {
    const counts = countsByKey(await models.Person.aggregate<{ _id: string; n: number }>(countPipeline(figure, codes, asOf)));
    return codes.map((c) => counts.get(c) ?? 0);
  });
}

/** Records on one old unit code (Q12), in one commune when the caller is limited to it. */
export async function recordsOnCode(models: Models, code: string, communeCode: string | null): Promise<number> {
  return models.Person.countDocuments({ legacyUnitCode: code, ...(communeCode ? { communeCode } : {}) });
}

/** Per old unit code, the records of these communes still on it (Q12). */
export async function recordsByLegacyCode(models: Models, communeCodes: readonly string[]): Promise<Map<string, number>> {
  const rows = await models.Person.aggregate<{ _id: string; n: number }>([
    ...indexedMatch({ legacyUnitCode: { $gt: '' } }, { communeCode: { $in: [...communeCodes] } }),
    { $group: { _id: '$legacyUnitCode', n: { $sum: 1 } } },
  ]);
  return countsByKey(rows);
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

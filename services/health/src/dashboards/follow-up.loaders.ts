import { trusted } from '@nct/db';
import { digestBatchThreshold, groupByKey, loader, RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { quarterOf } from '../visits/visits.rules';
import { dayNumber, HealthDigestRow, provinceDigestLoader } from './health.digest';

/**
 * Per-request loaders for the care follow-up facts. A batch of fewer than 20 people reads the
 * collection (one `$in` find); a larger batch (a dashboard's list of allowance recipients or
 * club members) reads the whole province's digest once per request instead, because on the
 * embedded database a `$in` over a big collection costs a full scan anyway. Both paths give
 * the same facts (tests/follow-up.integration.test.ts checks it).
 */
function factsLoader<V>(
  models: Models,
  ctx: RequestContext,
  name: string,
  fromDigest: (row: HealthDigestRow | undefined) => V,
  fromCollections: (ids: readonly string[]) => Promise<V[]>,
) {
  return loader<string, V>(ctx, name, async (ids) => {
    if (ids.length >= digestBatchThreshold()) {
      const rows = await provinceDigestLoader(models, ctx).load('all');
      return ids.map((id) => fromDigest(rows.get(id)));
    }
    return fromCollections(ids);
  });
}

const unique = <T>(values: T[]): T[] => [...new Set(values)].sort();

/** Calendar years with a periodic check, per person. */
export function checkYearsLoader(models: Models, ctx: RequestContext) {
  return factsLoader<number[]>(
    models,
    ctx,
    'follow-up-check-years',
    (row) => row?.checkYears ?? [],
    async (ids) => {
      const rows = await models.HealthCheck.find({ citizenId: trusted({ $in: [...ids] }) }, { _id: 0, citizenId: 1, date: 1 }).lean<Array<{ citizenId: string; date: string }>>();
      return groupByKey(ids, rows, (r) => r.citizenId).map((list) => unique(list.map((r) => Number(r.date.slice(0, 4)))));
    },
  );
}

/** Every card's [validFrom, validTo] as day numbers, per person. */
export function cardPeriodsLoader(models: Models, ctx: RequestContext) {
  return factsLoader<Array<[number, number]>>(
    models,
    ctx,
    'follow-up-card-periods',
    (row) => row?.cards ?? [],
    async (ids) => {
      const rows = await models.InsuranceCard.find({ citizenId: trusted({ $in: [...ids] }) }, { _id: 0, citizenId: 1, validFrom: 1, validTo: 1 }).lean<
        Array<{ citizenId: string; validFrom: string; validTo: string }>
      >();
      return groupByKey(ids, rows, (r) => r.citizenId).map((list) => list.map((r): [number, number] => [dayNumber(r.validFrom), dayNumber(r.validTo)]));
    },
  );
}

/** Quarters with a home visit, per person. */
export function visitQuartersLoader(models: Models, ctx: RequestContext) {
  return factsLoader<string[]>(
    models,
    ctx,
    'follow-up-visit-quarters',
    (row) => row?.visitQuarters ?? [],
    async (ids) => {
      const rows = await models.HomeVisit.find({ citizenId: trusted({ $in: [...ids] }) }, { _id: 0, citizenId: 1, date: 1 }).lean<Array<{ citizenId: string; date: string }>>();
      return groupByKey(ids, rows, (r) => r.citizenId).map((list) => unique(list.map((r) => quarterOf(r.date))));
    },
  );
}

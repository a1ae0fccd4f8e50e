import { trusted } from '@nct/db';
import { loader, RequestContext } from '@nct/subgraph-kit';
import type { ClubDoc } from '../clubs/club.model';
import type { Models } from '../models';

/** Clubs of one request's communes: one `$in` on the `{communeCode, clubId}` index per batch. */
export function clubsByCommuneLoader(models: Models, ctx: RequestContext) {
  return loader<string, ClubDoc[]>(ctx, 'clubs-by-commune', async (codes) => {
    const docs = await models.Club.find({ communeCode: trusted({ $in: [...codes] }) }).lean<ClubDoc[]>();
    const map = new Map<string, ClubDoc[]>();
    for (const d of docs) map.set(d.communeCode, [...(map.get(d.communeCode) ?? []), d]);
    return codes.map((c) => (map.get(c) ?? []).sort((a, b) => a.clubId.localeCompare(b.clubId)));
  });
}

/**
 * 100+ celebrations per commune and year (PLANNED or DELIVERED): one aggregation per year asked
 * (one, in practice) for the whole batch of communes. It starts on the `celebrations
 * {year, age}` index, so only the year's centenarian records are read (a few hundred in a
 * province), and counts them by commune. The communes are not in the `$match`: SecantusDB
 * plans an `$in` followed by other conditions as a collection scan.
 */
export function centenarianLoader(models: Models, ctx: RequestContext) {
  return loader<string, number>(ctx, 'centenarian-celebrations', async (keys) => {
    const years = [...new Set(keys.map((k) => Number(k.split('|')[1])))];
    const counts = new Map<string, number>();
    for (const year of years) {
      const rows = await models.Celebration.aggregate<{ _id: string; n: number }>([
        { $match: { year, age: { $gte: 100 } } },
        // PLANNED or DELIVERED: neither NOT_DELIVERED nor CANCELLED_DECEASED (the person died first)
        {
          $group: {
            _id: '$communeCode',
            n: {
              $sum: { $cond: [{ $eq: ['$status', 'NOT_DELIVERED'] }, 0, { $cond: [{ $eq: ['$status', 'CANCELLED_DECEASED'] }, 0, 1] }] },
            },
          },
        },
      ]);
      for (const r of rows) counts.set(`${r._id}|${year}`, r.n);
    }
    return keys.map((k) => counts.get(k) ?? 0);
  });
}

/**
 * A year's recorded celebrations per commune: DELIVERED and NOT_DELIVERED (Q8 figures). One
 * aggregation per year asked for the whole request, starting on the `celebrations {year, age}`
 * index (the year's records only; PLANNED and CANCELLED_DECEASED are read but not counted).
 * The communes are not in the `$match` (see centenarianLoader).
 */
export function celebrationOutcomeLoader(models: Models, ctx: RequestContext) {
  return loader<number, Map<string, { delivered: number; notDelivered: number }>>(ctx, 'celebration-outcomes', async (years) =>
    Promise.all(
      years.map(async (year) => {
        const rows = await models.Celebration.aggregate<{ _id: string; delivered: number; notDelivered: number }>([
          { $match: { year } },
          {
            $group: {
              _id: '$communeCode',
              delivered: { $sum: { $cond: [{ $eq: ['$status', 'DELIVERED'] }, 1, 0] } },
              notDelivered: { $sum: { $cond: [{ $eq: ['$status', 'NOT_DELIVERED'] }, 1, 0] } },
            },
          },
        ]);
        return new Map(rows.map((r) => [r._id, { delivered: r.delivered, notDelivered: r.notDelivered }]));
      }),
    ),
  );
}

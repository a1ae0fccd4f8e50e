import { trusted } from '@nct/db';
import { groupByKey, loader, RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';

/**
 * The dates of each person's home visits, for one request (`homeVisitedInQuarter`): one `$in`
 * query per batch on the index (citizenId, date desc); no visitor, kind or notes are read.
 */
export function visitDatesLoader(models: Models, ctx: RequestContext) {
  return loader<string, Array<{ date: string }>>(ctx, 'person-visit-dates', async (ids) => {
    const rows = await models.HomeVisit.find({ citizenId: trusted({ $in: [...ids] }) }, { _id: 0, citizenId: 1, date: 1 }).lean<
      Array<{ citizenId: string; date: string }>
    >();
    return groupByKey(ids, rows, (r) => r.citizenId);
  });
}

import { trusted } from '@nct/db';
import { groupByKey, loader, RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import type { ChronicConditionDoc } from './chronic-condition.model';

export const PROJECTION = { _id: 0, citizenId: 1, code: 1, diagnosedOn: 1, underManagement: 1, facility: 1, managementEndedOn: 1 } as const;

/** Each person's chronic conditions, for one request: one query per batch. */
export function chronicConditionsLoader(models: Models, ctx: RequestContext) {
  return loader<string, ChronicConditionDoc[]>(ctx, 'chronic-conditions', async (ids) => {
    const rows = await models.ChronicCondition.find({ citizenId: trusted({ $in: [...ids] }) }, PROJECTION)
      .sort({ citizenId: 1, code: 1 })
      .lean<ChronicConditionDoc[]>();
    return groupByKey(ids, rows, (r) => r.citizenId);
  });
}

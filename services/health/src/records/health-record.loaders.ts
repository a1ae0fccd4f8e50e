import { trusted } from '@nct/db';
import { byKey, loader, RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import type { HealthRecordDoc } from './health-record.model';

const PROJECTION = { _id: 0, citizenId: 1, openedOn: 1, facility: 1, communeCode: 1, source: 1, closedOn: 1, closedReason: 1 } as const;

/** Health records of one request by citizen ID: one query per batch. */
export function healthRecordLoader(models: Models, ctx: RequestContext) {
  return loader<string, HealthRecordDoc | null>(ctx, 'health-record', async (ids) =>
    byKey(
      ids,
      await models.HealthRecord.find({ citizenId: trusted({ $in: [...ids] }) }, PROJECTION).lean<HealthRecordDoc[]>(),
      (d) => d.citizenId,
    ),
  );
}

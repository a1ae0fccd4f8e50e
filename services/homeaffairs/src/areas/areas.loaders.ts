import { trusted } from '@nct/db';
import { byKey, groupByKey, loader, type RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import type { DisadvantagedAreaDoc, VillageDoc } from './areas.model';

const NO_ID = { _id: 0 } as const;

/**
 * Every listing of the especially disadvantaged list for the communes of a request (commune and
 * village listings alike, by `unitCode`), oldest first: one `$in` on the `{unitCode, from}` index
 * per batch, whatever the number of people or periods asking.
 */
export function listingsLoader(models: Models, ctx: RequestContext) {
  return loader<string, DisadvantagedAreaDoc[]>(ctx, 'disadvantaged-listings', async (codes) =>
    groupByKey(
      codes,
      await models.DisadvantagedArea.find({ unitCode: trusted({ $in: [...codes] }) }, NO_ID)
        .sort({ unitCode: 1, from: 1 })
        .lean<DisadvantagedAreaDoc[]>(),
      (l) => l.unitCode,
    ),
  );
}

/** Villages by code, one query per batch (the unique `villageCode` index). */
export function villageLoader(models: Models, ctx: RequestContext) {
  return loader<string, VillageDoc | null>(ctx, 'village', async (codes) =>
    byKey(
      codes,
      await models.Village.find({ villageCode: trusted({ $in: [...codes] }) }, NO_ID).lean<VillageDoc[]>(),
      (v) => v.villageCode,
    ),
  );
}

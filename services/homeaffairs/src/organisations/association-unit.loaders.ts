import { trusted } from '@nct/db';
import { groupByKey, loader, RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import type { LeadershipTermDoc } from './association-unit.model';

/** Leadership terms of one request's units by code, in start-date order: one query per batch. */
export function termsLoader(models: Models, ctx: RequestContext) {
  return loader<string, LeadershipTermDoc[]>(ctx, 'leadership-terms', async (codes) =>
    groupByKey(
      codes,
      await models.LeadershipTerm.find({ adminUnitCode: trusted({ $in: [...codes] }) }, { _id: 0, createdAt: 0, updatedAt: 0 })
        .sort({ startDate: 1 })
        .lean<LeadershipTermDoc[]>(),
      (t) => t.adminUnitCode,
    ),
  );
}

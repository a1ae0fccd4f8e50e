import { trusted } from '@nct/db';
import { groupByKey, loader, RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import type { InsuranceCardDoc } from './insurance-card.model';

export const PROJECTION = { _id: 0, code: 1, citizenId: 1, validFrom: 1, validTo: 1, primaryCareFacility: 1 } as const;

/**
 * Each person's BHYT cards, latest expiry first, for one request: one `$in` query per batch on
 * the index (citizenId, validTo desc). `insuranceCard` picks the current one and
 * `insuranceCardValid(asOf)` looks at the periods, so a batch asking both reads the collection
 * once. A person holds one card at a time: about one row per year of coverage.
 */
export function personCardsLoader(models: Models, ctx: RequestContext) {
  return loader<string, InsuranceCardDoc[]>(ctx, 'person-insurance-cards', async (ids) => {
    const rows = await models.InsuranceCard.find({ citizenId: trusted({ $in: [...ids] }) }, PROJECTION)
      .sort({ citizenId: 1, validTo: -1 })
      .lean<InsuranceCardDoc[]>();
    return groupByKey(ids, rows, (r) => r.citizenId);
  });
}

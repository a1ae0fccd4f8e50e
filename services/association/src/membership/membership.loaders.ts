import { trusted } from '@nct/db';
import { loader, RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import type { MembershipDoc } from './membership.model';

/** Memberships of one request by citizen ID: one `$in` on the unique `citizenId` index per batch. */
export function membershipLoader(models: Models, ctx: RequestContext) {
  return loader<string, MembershipDoc | null>(ctx, 'membership', async (ids) => {
    const docs = await models.Membership.find({ citizenId: trusted({ $in: [...ids] }) }).lean<MembershipDoc[]>();
    const map = new Map(docs.map((d) => [d.citizenId, d]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

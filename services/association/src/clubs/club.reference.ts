import type { RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { clubLoader } from './club.loaders';
import { CLUB_ID_PATTERN } from './clubs.rules';

/** Resolves `Club` representations sent by the gateway: all of one fetch become one query. */
export function clubReference(models: Models) {
  return {
    __resolveReference: (ref: { clubId: unknown }, ctx: RequestContext) =>
      typeof ref.clubId === 'string' && CLUB_ID_PATTERN.test(ref.clubId) ? clubLoader(models, ctx).load(ref.clubId) : null,
  };
}

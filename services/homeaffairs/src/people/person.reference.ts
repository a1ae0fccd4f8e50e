import type { RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { personLoader } from './person.resolver';

/**
 * Resolves `Person` representations from other subgraphs: all representations of one
 * gateway fetch become one query. Unknown IDs resolve to null.
 */
export function personReference(models: Models) {
  return {
    __resolveReference: (ref: { citizenId: string }, ctx: RequestContext) => personLoader(models, ctx).load(ref.citizenId),
  };
}

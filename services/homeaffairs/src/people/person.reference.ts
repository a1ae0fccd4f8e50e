import { decide } from '@nct/auth';
import { AppError } from '@nct/errors';
import { assertInScope, type RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { personLoader } from './person.queries';

/**
 * Resolves `Person` representations from other subgraphs: all representations of one
 * gateway fetch become one query. Unknown IDs resolve to null.
 */
export function personReference(models: Models) {
  return {
    __resolveReference: async (ref: { citizenId: string }, ctx: RequestContext) => {
      // Another subgraph handed out this person: the register still decides who sees them.
      const decision = decide(ctx.identity, ctx.purpose, 'IDENTITY');
      if (!decision.allowed) throw new AppError(decision.code, { vi: decision.vi, en: decision.en }, { policy: 'IDENTITY' });
      const person = await personLoader(models, ctx).load(ref.citizenId);
      if (person) assertInScope(ctx, person.communeCode);
      return person;
    },
  };
}

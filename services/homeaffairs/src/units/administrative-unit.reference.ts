import type { RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { unitLoader } from './administrative-unit.loaders';

/** Resolves `AdministrativeUnit` representations sent by the gateway, batched per request. */
export function administrativeUnitReference(models: Models) {
  return {
    __resolveReference: (ref: { code: string }, ctx: RequestContext) => unitLoader(models, ctx).load(ref.code),
  };
}

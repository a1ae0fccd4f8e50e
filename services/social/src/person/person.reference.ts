import { isIsoDate } from '@nct/subgraph-kit';
import type { PersonRef } from './person';

/**
 * Resolves `Person` representations without a query: the stub keeps the key and the birth
 * date the gateway sent for `@requires`; the field loaders then batch all people at once.
 */
export function personReference() {
  return {
    __resolveReference: (ref: { citizenId: string; birthDate?: unknown }): PersonRef => ({
      citizenId: ref.citizenId,
      birthDate: isIsoDate(ref.birthDate) ? ref.birthDate : null,
    }),
  };
}

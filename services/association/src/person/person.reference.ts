import { isIsoDate } from '@nct/dates';
import type { PersonRef } from './person';

/**
 * Resolves `Person` representations without a query: the stub keeps the key and the register
 * dates the gateway sent for `@requires`; the field loaders then batch every person of the
 * fetch into one indexed `$in` read per collection.
 */
export function personReference() {
  return {
    __resolveReference: (ref: { citizenId: string; birthDate?: unknown; deathDate?: unknown }): PersonRef => ({
      citizenId: ref.citizenId,
      birthDate: isIsoDate(ref.birthDate) ? ref.birthDate : null,
      deathDate: isIsoDate(ref.deathDate) ? ref.deathDate : null,
    }),
  };
}

import { isIsoDate } from '@nct/dates';
import { parseResidenceHistory } from '../register/residence.rules';
import type { PersonRef } from './person';

/**
 * Resolves `Person` representations without a query: the stub keeps the key and the identity
 * fields the gateway sent for `@requires` (birth date, death date, residence history with the
 * disadvantaged spells); the field loaders then batch all people at once. Values of the wrong
 * shape are dropped (treated as unknown), never trusted.
 */
export function personReference() {
  return {
    __resolveReference: (ref: { citizenId: string; birthDate?: unknown; deathDate?: unknown; residenceHistory?: unknown }): PersonRef => {
      const out: PersonRef = { citizenId: ref.citizenId, birthDate: isIsoDate(ref.birthDate) ? ref.birthDate : null };
      if ('deathDate' in ref) out.deathDate = isIsoDate(ref.deathDate) ? ref.deathDate : null;
      if ('residenceHistory' in ref) out.residenceHistory = parseResidenceHistory(ref.residenceHistory);
      return out;
    },
  };
}

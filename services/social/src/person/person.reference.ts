import { isIsoDate } from '@nct/dates';
import type { PersonRef } from './person';

/**
 * Resolves `Person` representations without a query: the stub keeps the key and the identity
 * fields the gateway sent for `@requires` (birth date, death date, residence commune and its
 * disadvantaged flag); the field loaders then batch all people at once. Values of the wrong
 * shape are dropped (treated as unknown), never trusted.
 */
export function personReference() {
  return {
    __resolveReference: (ref: { citizenId: string; birthDate?: unknown; deathDate?: unknown; residence?: unknown }): PersonRef => {
      const out: PersonRef = { citizenId: ref.citizenId, birthDate: isIsoDate(ref.birthDate) ? ref.birthDate : null };
      if ('deathDate' in ref) out.deathDate = isIsoDate(ref.deathDate) ? ref.deathDate : null;
      if (ref.residence && typeof ref.residence === 'object') {
        const r = ref.residence as { code?: unknown; disadvantaged?: unknown };
        out.residence = {
          code: typeof r.code === 'string' && /^\d{5}$/.test(r.code) ? r.code : null,
          disadvantaged: typeof r.disadvantaged === 'boolean' ? r.disadvantaged : null,
        };
      }
      return out;
    },
  };
}

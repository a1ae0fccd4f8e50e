import { Person } from './person';

/**
 * Resolves `Person` representations sent by the gateway to the stub itself, without reading
 * the database: the health fields then batch through their own per-request loaders.
 */
export const personReference = {
  __resolveReference: (ref: { citizenId: string }): Person => Object.assign(new Person(), { citizenId: ref.citizenId }),
};

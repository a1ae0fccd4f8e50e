/**
 * Resolves `Person` representations: identity lives in homeaffairs, so the stub is just the
 * key; the field resolvers' loaders then batch every person of the fetch into one query per
 * collection.
 */
export function personReference() {
  return {
    __resolveReference: (ref: { citizenId: string }) => ({ citizenId: ref.citizenId }),
  };
}

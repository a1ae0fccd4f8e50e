import { buildFederatedSchema, resolverContainer } from '@nct/subgraph-kit';
import type { Models } from './models';
import {
  ClubConnectionResolver,
  ClubMemberResolver,
  ClubMembershipResolver,
  ClubResolver,
} from './clubs/club.resolver';
import { clubReference } from './clubs/club.reference';
import { MembershipResolver } from './membership/membership.resolver';
import { PersonResolver } from './person/person.resolver';
import { personReference } from './person/person.reference';

export function buildSchema(models: Models) {
  return buildFederatedSchema({
    resolvers: [PersonResolver, MembershipResolver, ClubResolver, ClubConnectionResolver, ClubMembershipResolver, ClubMemberResolver],
    container: resolverContainer(models),
    referenceResolvers: {
      Person: personReference(),
      Club: clubReference(models),
    },
  });
}

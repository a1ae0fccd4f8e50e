import { buildFederatedSchema, resolverContainer } from '@nct/subgraph-kit';
import type { Models } from './models';
import { CelebrationResolver } from './celebrations/celebration.resolver';
import { ClubConnectionResolver, ClubMemberResolver, ClubMembershipResolver, ClubResolver } from './clubs/club.resolver';
import { clubReference } from './clubs/club.reference';
import { FundResolver } from './funds/fund.resolver';
import { BranchResolver, MembershipResolver } from './membership/membership.resolver';
import { PersonResolver } from './person/person.resolver';
import { personReference } from './person/person.reference';
import { RecognitionResolver } from './recognitions/recognition.resolver';
import { administrativeUnitReference, UnitResolver } from './units/unit.resolver';

export function buildSchema(models: Models) {
  return buildFederatedSchema({
    resolvers: [
      PersonResolver,
      MembershipResolver,
      BranchResolver,
      ClubResolver,
      ClubConnectionResolver,
      ClubMembershipResolver,
      ClubMemberResolver,
      FundResolver,
      CelebrationResolver,
      RecognitionResolver,
      UnitResolver,
    ],
    container: resolverContainer(models),
    referenceResolvers: {
      Person: personReference(),
      Club: clubReference(models),
      AdministrativeUnit: administrativeUnitReference(),
    },
  });
}

import { buildFederatedSchema, resolverContainer } from '@nct/subgraph-kit';
import type { Models } from './models';
// The order of these imports is the order of the fields in the SDL (type-graphql records them
// as each module loads), and so in the committed supergraph: keep it.
import { CelebrationResolver } from './celebrations/celebration.resolver';
import { FundResolver } from './funds/fund.resolver';
import { ClubConnectionResolver, ClubMembershipResolver, ClubResolver } from './clubs/club.resolver';
import { ClubRecordsResolver } from './clubs/club-records.resolver';
import { ClubMemberResolver } from './clubs/club-member.resolver';
import { clubReference } from './clubs/club.reference';
import { BranchResolver, MembershipResolver } from './membership/membership.resolver';
import { RecognitionResolver } from './recognitions/recognition.resolver';
import { PersonResolver } from './person/person.resolver';
import { personReference } from './person/person.reference';
import { administrativeUnitReference, UnitResolver } from './units/unit.resolver';

export function buildSchema(models: Models) {
  return buildFederatedSchema({
    resolvers: [
      PersonResolver,
      MembershipResolver,
      BranchResolver,
      ClubResolver,
      ClubRecordsResolver,
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

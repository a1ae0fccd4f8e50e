import { buildFederatedSchema, NO_GRAPH, resolverContainer, type SubgraphServices } from '@nct/subgraph-kit';
import type { Models } from './models';
import type { AssociationDeps } from './services';
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
import { AssociationDeathResolver } from './deaths/death.resolver';
import { clubMemberCohortReference, ClubMemberCohortResolver } from './cohorts/cohort.resolver';

/** `services.graph`: the register through the gateway (identity for decisions by age; the death receiver). */
export function buildSchema(models: Models, services: SubgraphServices = { graph: NO_GRAPH }) {
  const deps: AssociationDeps = { ...models, graph: services.graph };
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
      AssociationDeathResolver,
      ClubMemberCohortResolver,
    ],
    container: resolverContainer(deps),
    referenceResolvers: {
      Person: personReference(),
      Club: clubReference(models),
      AdministrativeUnit: administrativeUnitReference(),
      ClubMemberCohort: clubMemberCohortReference,
    },
  });
}

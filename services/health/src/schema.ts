import { buildFederatedSchema, NO_GRAPH, resolverContainer, type SubgraphServices } from '@nct/subgraph-kit';
import type { Models } from './models';
import type { HealthDeps } from './services';
import { HealthCheckResolver } from './checks/health-check.resolver';
import { ClubMemberCohort, clubMemberCohortReference } from './cohorts/club-member-cohort';
import { ClubMemberCohortResolver } from './cohorts/cohort.resolver';
import { ChronicConditionResolver } from './chronic/chronic-condition.resolver';
import { HealthCoverageResolver } from './coverage/coverage.resolver';
import { HealthDeathResolver } from './deaths/death.resolver';
import { EntitlementResolver } from './insurance/entitlement.resolver';
import { InsuranceCardResolver } from './insurance/insurance-card.resolver';
import { Person } from './person/person';
import { personReference } from './person/person.reference';
import { PersonHealthResolver } from './person/person.resolver';
import { HealthRecordResolver } from './records/health-record.resolver';
import { AdministrativeUnit, administrativeUnitReference } from './units/administrative-unit';
import { HomeVisitResolver } from './visits/home-visit.resolver';

/** `services.graph`: the register through the gateway (the death receiver reads the date of death there). */
export function buildSchema(models: Models, services: SubgraphServices = { graph: NO_GRAPH }) {
  const deps: HealthDeps = { ...models, graph: services.graph };
  return buildFederatedSchema({
    resolvers: [
      PersonHealthResolver,
      HealthRecordResolver,
      HealthCheckResolver,
      InsuranceCardResolver,
      EntitlementResolver,
      ChronicConditionResolver,
      HomeVisitResolver,
      HealthCoverageResolver,
      HealthDeathResolver,
      ClubMemberCohortResolver,
    ],
    // Person, AdministrativeUnit and ClubMemberCohort are reachable only through _entities: list them so that their stubs and fields are printed.
    orphanedTypes: [Person, AdministrativeUnit, ClubMemberCohort],
    container: resolverContainer(deps),
    referenceResolvers: {
      Person: personReference,
      AdministrativeUnit: administrativeUnitReference,
      ClubMemberCohort: clubMemberCohortReference,
    },
  });
}

import { buildFederatedSchema, resolverContainer } from '@nct/subgraph-kit';
import type { Models } from './models';
import { HealthCheckResolver } from './checks/health-check.resolver';
import { ChronicConditionResolver } from './chronic/chronic-condition.resolver';
import { HealthCoverageResolver } from './coverage/coverage.resolver';
import { EntitlementResolver } from './insurance/entitlement.resolver';
import { InsuranceCardResolver } from './insurance/insurance-card.resolver';
import { Person } from './person/person';
import { personReference } from './person/person.reference';
import { PersonHealthResolver } from './person/person.resolver';
import { HealthRecordResolver } from './records/health-record.resolver';
import { AdministrativeUnit, administrativeUnitReference } from './units/administrative-unit';
import { HomeVisitResolver } from './visits/home-visit.resolver';

export function buildSchema(models: Models) {
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
    ],
    // Person and AdministrativeUnit are reachable only through _entities: list them so that their stubs and fields are printed.
    orphanedTypes: [Person, AdministrativeUnit],
    container: resolverContainer(models),
    referenceResolvers: { Person: personReference, AdministrativeUnit: administrativeUnitReference },
  });
}

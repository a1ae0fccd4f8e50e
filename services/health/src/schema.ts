import { buildFederatedSchema, resolverContainer } from '@nct/subgraph-kit';
import type { Models } from './models';
import { HealthCheckResolver } from './checks/health-check.resolver';
import { InsuranceCardResolver } from './insurance/insurance-card.resolver';
import { Person } from './person/person';
import { personReference } from './person/person.reference';
import { PersonHealthResolver } from './person/person.resolver';
import { HealthRecordResolver } from './records/health-record.resolver';

export function buildSchema(models: Models) {
  return buildFederatedSchema({
    resolvers: [PersonHealthResolver, HealthRecordResolver, HealthCheckResolver, InsuranceCardResolver],
    // Person is reachable only through _entities: list it so that its stub and fields are printed.
    orphanedTypes: [Person],
    container: resolverContainer(models),
    referenceResolvers: { Person: personReference },
  });
}

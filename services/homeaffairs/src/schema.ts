import { buildFederatedSchema, resolverContainer } from '@nct/subgraph-kit';
import type { Models } from './models';
import { AdministrativeUnitResolver } from './units/administrative-unit.resolver';
import { administrativeUnitReference } from './units/administrative-unit.reference';
import { PersonConnectionResolver, PersonResolver } from './people/person.resolver';
import { personReference } from './people/person.reference';
import { RegisterStatisticsResolver } from './statistics/register-statistics.resolver';

export function buildSchema(models: Models) {
  return buildFederatedSchema({
    resolvers: [PersonResolver, PersonConnectionResolver, AdministrativeUnitResolver, RegisterStatisticsResolver],
    container: resolverContainer(models),
    referenceResolvers: {
      Person: personReference(models),
      AdministrativeUnit: administrativeUnitReference(models),
    },
  });
}

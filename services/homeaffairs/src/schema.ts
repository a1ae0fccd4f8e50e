import { buildFederatedSchema, resolverContainer } from '@nct/subgraph-kit';
import type { Models } from './models';
import { AdministrativeUnitResolver, UnitFactsResolver } from './units/administrative-unit.resolver';
import { administrativeUnitReference } from './units/administrative-unit.reference';
import { UnitImportResolver } from './units/unit-import.resolver';
import { PersonConnectionResolver, PersonResolver } from './people/person.resolver';
import { personReference } from './people/person.reference';
import { RegisterStatisticsResolver } from './statistics/register-statistics.resolver';
import { DashboardResolver, UnitCountsResolver } from './dashboards/dashboard.resolver';
import { AssociationUnitConnectionResolver, AssociationUnitResolver } from './organisations/association-unit.resolver';
import { PlanResolver, PlanTaskConnectionResolver, PlanTaskFieldsResolver } from './plans/plan.resolver';

export function buildSchema(models: Models) {
  return buildFederatedSchema({
    resolvers: [
      PersonResolver,
      PersonConnectionResolver,
      AdministrativeUnitResolver,
      UnitFactsResolver,
      UnitImportResolver,
      RegisterStatisticsResolver,
      DashboardResolver,
      UnitCountsResolver,
      AssociationUnitResolver,
      AssociationUnitConnectionResolver,
      PlanResolver,
      PlanTaskConnectionResolver,
      PlanTaskFieldsResolver,
    ],
    container: resolverContainer(models),
    referenceResolvers: {
      Person: personReference(models),
      AdministrativeUnit: administrativeUnitReference(models),
    },
  });
}

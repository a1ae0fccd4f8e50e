import { buildFederatedSchema, resolverContainer, type SubgraphServices } from '@nct/subgraph-kit';
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
import { ResidenceChangeResolver, ResidencePeriodResolver } from './people/residence.resolver';
import { OutboxResolver } from './people/outbox.resolver';
import { systemNow } from './people/outbox.delivery';
import { DisadvantagedAreaResolver, UnitDisadvantagedResolver, VillageResolver } from './areas/areas.resolver';

export interface SchemaOptions {
  /** The instant the operators' delivery pass reads (tests pass a clock they move). */
  now?: () => Date;
}

/** The register's schema; `services.graph` delivers the outbox (docs/consistency.md section 2). */
export function buildSchema(models: Models, services: SubgraphServices, options: SchemaOptions = {}) {
  const base = resolverContainer(models);
  const outbox = new OutboxResolver(models, { graph: services.graph, now: options.now ?? systemNow });
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
      ResidenceChangeResolver,
      ResidencePeriodResolver,
      DisadvantagedAreaResolver,
      VillageResolver,
      UnitDisadvantagedResolver,
      OutboxResolver,
    ],
    container: { get: (cls: new (m: Models) => unknown) => (cls === (OutboxResolver as unknown) ? outbox : base.get(cls)) },
    referenceResolvers: {
      Person: personReference(models),
      AdministrativeUnit: administrativeUnitReference(models),
    },
  });
}

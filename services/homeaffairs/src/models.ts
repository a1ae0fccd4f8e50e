import type { Connection } from 'mongoose';
import { Tallies } from '@nct/db';
import { lineageSchema, unitSchema } from './units/administrative-unit.model';
import { personSchema } from './people/person.model';
import { associationUnitSchema, leadershipTermSchema } from './organisations/association-unit.model';
import { planSchema, planTaskSchema } from './plans/plan.model';
import { disadvantagedAreaSchema, villageSchema } from './areas/areas.model';
import { outboxSchema } from './people/outbox.model';

/**
 * The homeaffairs database: administrative units and their lineage, the resident register,
 * villages and the dated list of especially disadvantaged areas, the Association's organisation
 * records, implementation plans, the register tallies (per-commune counts, docs/tallies.md) and
 * the outbox of register events for the other agencies (docs/consistency.md section 2). Every read goes to these collections through the
 * indexes declared next to each schema.
 */
export function createModels(conn: Connection) {
  return {
    Unit: conn.model('AdministrativeUnit', unitSchema),
    Lineage: conn.model('UnitLineage', lineageSchema),
    Person: conn.model('Person', personSchema),
    Village: conn.model('Village', villageSchema),
    DisadvantagedArea: conn.model('DisadvantagedArea', disadvantagedAreaSchema),
    Outbox: conn.model('RegisterOutboxEntry', outboxSchema),
    AssociationUnit: conn.model('AssociationUnit', associationUnitSchema),
    LeadershipTerm: conn.model('LeadershipTerm', leadershipTermSchema),
    Plan: conn.model('ImplementationPlan', planSchema),
    PlanTask: conn.model('PlanTask', planTaskSchema),
    // pre-computed per-commune counts of the register (dashboards/register.tallies.ts)
    Tallies: new Tallies(conn),
  };
}

export type Models = ReturnType<typeof createModels>;

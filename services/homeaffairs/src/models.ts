import type { Connection } from 'mongoose';
import { digestModel } from '@nct/subgraph-kit';
import { lineageSchema, unitSchema } from './units/administrative-unit.model';
import { personSchema } from './people/person.model';
import { associationUnitSchema, leadershipTermSchema } from './organisations/association-unit.model';
import { planSchema, planTaskSchema } from './plans/plan.model';

/**
 * The homeaffairs database: administrative units and their lineage, the resident register
 * (and its commune digests), the Association's organisation records, implementation plans.
 */
export function createModels(conn: Connection) {
  return {
    Unit: conn.model('AdministrativeUnit', unitSchema),
    Lineage: conn.model('UnitLineage', lineageSchema),
    Person: conn.model('Person', personSchema),
    AssociationUnit: conn.model('AssociationUnit', associationUnitSchema),
    LeadershipTerm: conn.model('LeadershipTerm', leadershipTermSchema),
    Plan: conn.model('ImplementationPlan', planSchema),
    PlanTask: conn.model('PlanTask', planTaskSchema),
    digests: digestModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;

import type { Connection } from 'mongoose';
import { lineageSchema, unitSchema } from './units/administrative-unit.model';
import { personSchema } from './people/person.model';

/** The homeaffairs database: administrative units, their lineage, the resident register. */
export function createModels(conn: Connection) {
  return {
    Unit: conn.model('AdministrativeUnit', unitSchema),
    Lineage: conn.model('UnitLineage', lineageSchema),
    Person: conn.model('Person', personSchema),
  };
}

export type Models = ReturnType<typeof createModels>;

import { trusted } from '@nct/db';
import type { Models } from '../models';
import type { CohortPerson } from './chronic-by-membership.rules';

/** Citizen IDs per `$in` read of the conditions. */
const BATCH = 1000;

/**
 * The people whose health record a scope keeps, with their chronic conditions: the records of
 * one commune (`health_records {communeCode, citizenId}`) or of every commune (a province: the
 * same index, all communes), then their conditions (`chronic_conditions {citizenId, code}`,
 * `$in` of 1,000 IDs at a time). People without a condition are dropped.
 */
export async function cohortPeople(models: Models, scope: string): Promise<CohortPerson[]> {
  const filter = /^\d{5}$/.test(scope) ? { communeCode: scope } : { communeCode: trusted({ $gte: '00000', $lte: '99999' }) };
  const records = await models.HealthRecord.find(filter, { _id: 0, citizenId: 1, closedOn: 1 }).lean<
    Array<{ citizenId: string; closedOn?: string | null }>
  >();
  type Condition = CohortPerson['conditions'][number];
  const people = new Map<string, CohortPerson & { conditions: Condition[] }>(
    records.map((r) => [r.citizenId, { citizenId: r.citizenId, closedOn: r.closedOn ?? null, conditions: [] }]),
  );
  const ids = [...people.keys()];
  for (let i = 0; i < ids.length; i += BATCH) {
    const rows = await models.ChronicCondition.find(
      { citizenId: trusted({ $in: ids.slice(i, i + BATCH) }) },
      { _id: 0, citizenId: 1, diagnosedOn: 1, underManagement: 1, managementEndedOn: 1 },
    ).lean<Array<Condition & { citizenId: string }>>();
    for (const r of rows) people.get(r.citizenId)?.conditions.push(r);
  }
  return [...people.values()].filter((p) => p.conditions.length > 0);
}

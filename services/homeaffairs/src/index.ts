import mongoose from 'mongoose';
import type { SubgraphDefinition } from '@nct/subgraph-kit';
import { createModels, Models } from './models';
import { buildSchema } from './schema';

export { seedDatabase } from './seed';
export { deriveHomeaffairsSeed, SEED_PLAN_NUMBER, type HomeaffairsSeedExtra } from './seed/derive';
export { createModels, type Models } from './models';
export { rosterCriteria, rosterMatches, rosterBirthIntervals, countBounds, aliveOn, type RegisterRow } from './dashboards/roster.rules';
export { nameSearchFields } from './people/people.rules';
export { importUnits } from './units/unit-import';

/** Sở Nội vụ: administrative units and the resident register (owner of `Person` identity). */
export const definition: SubgraphDefinition<Models> = {
  name: 'homeaffairs',
  staffRole: 'homeaffairs',
  createModels,
  buildSchema,
};

/** This subgraph's SDL, for composition; needs no database. */
export async function printSubgraphSdl(): Promise<string> {
  return (await buildSchema(createModels(mongoose.createConnection()))).sdl;
}

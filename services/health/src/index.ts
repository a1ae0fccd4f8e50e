import mongoose from 'mongoose';
import type { SubgraphDefinition } from '@nct/subgraph-kit';
import { createModels, Models } from './models';
import { buildSchema } from './schema';

export { seedDatabase } from './seed/seed';
export { deriveHealthSeed, type HealthSeedExtra, type ChronicConditionSeed, type HomeVisitSeed } from './seed/derive';
export { createModels, type Models } from './models';

/** Sở Y tế: health records, periodic checks, BHYT cards, chronic conditions and home visits, added to `Person`. */
export const definition: SubgraphDefinition<Models> = {
  name: 'health',
  staffRole: 'health',
  createModels,
  buildSchema,
};

/** This subgraph's SDL, for composition; needs no database. */
export async function printSubgraphSdl(): Promise<string> {
  return (await buildSchema(createModels(mongoose.createConnection()))).sdl;
}

import mongoose from 'mongoose';
import type { SubgraphDefinition } from '@nct/subgraph-kit';
import { createModels, Models } from './models';
import { buildSchema } from './schema';

export { seedDatabase } from './seed';
export { createModels, type Models } from './models';

/** Sở LĐ-TBXH: social protection (monthly social allowance, social pension) on `Person`. */
export const definition: SubgraphDefinition<Models> = {
  name: 'social',
  staffRole: 'social',
  createModels,
  buildSchema,
};

/** This subgraph's SDL, for composition; needs no database. */
export async function printSubgraphSdl(): Promise<string> {
  return (await buildSchema(createModels(mongoose.createConnection()))).sdl;
}

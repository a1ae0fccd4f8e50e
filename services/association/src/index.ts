import mongoose from 'mongoose';
import type { SubgraphDefinition } from '@nct/subgraph-kit';
import { createModels, Models } from './models';
import { buildSchema } from './schema';

export { seedDatabase } from './seed';
export { createModels, type Models } from './models';
export { clubComposition, withinPercent, memberFlagProblems } from './clubs/clubs.rules';
export { compositionTargetsOn } from './clubs/rules/composition-targets';

/** Hội Người cao tuổi: Association membership and intergenerational self-help clubs (owner of `Club`). */
export const definition: SubgraphDefinition<Models> = {
  name: 'association',
  staffRole: 'association',
  createModels,
  buildSchema,
};

/** This subgraph's SDL, for composition; needs no database. */
export async function printSubgraphSdl(): Promise<string> {
  return (await buildSchema(createModels(mongoose.createConnection()))).sdl;
}

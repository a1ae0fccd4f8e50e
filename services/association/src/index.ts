import mongoose from 'mongoose';
import type { SubgraphDefinition } from '@nct/subgraph-kit';
import { createModels, Models } from './models';
import { buildSchema } from './schema';

export { seedDatabase } from './seed';
export { deriveAssociationSeed, DERIVE_RATES, type AssociationSeedExtra } from './seed/derive';
export { createModels, type Models } from './models';
export { clubComposition, withinPercent, memberFlagProblems } from './clubs/clubs.rules';
export { clubCompliance, periodStart } from './clubs/compliance.rules';
export { compositionTargetsOn } from './clubs/rules/composition-targets';
export { operationTargetsOn, coverageTargetsOn, ACTIVITY_AREAS } from './clubs/rules/operation-targets';
export { celebrationView, celebratesAt, celebrationAges, giftFor } from './celebrations/celebrations.rules';
export { clubCoverage } from './units/units.rules';

/** Hội Người cao tuổi: members and branches, clubs and their funds, celebrations, recognitions (owner of `Club`). */
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

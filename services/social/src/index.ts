import mongoose from 'mongoose';
import { NO_GRAPH, type SubgraphDefinition } from '@nct/subgraph-kit';
import { createModels, Models } from './models';
import { buildSchema } from './schema';

export { seedDatabase } from './seed';
export { deriveSocialSeed, SOCIAL_SEED_RATES, type SocialSeedExtra } from './seed/derive';
export { evaluateEligibility, type Eligibility, type EligibilityFacts } from './allowance/eligibility.rules';
export { socialRowFrom, rowsFrom, type SocialRow } from './dashboards/social-row';
export { coverageFrom, onProtectionList, paymentsAfterDeathFrom } from './dashboards/coverage.rules';
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
  return (await buildSchema(createModels(mongoose.createConnection()), { graph: NO_GRAPH })).sdl;
}

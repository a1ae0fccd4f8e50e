import mongoose from 'mongoose';
import type { SubgraphDefinition } from '@nct/subgraph-kit';
import { createModels, Models } from './models';
import { buildSchema } from './schema';

export { seedDatabase } from './seed';
export { deriveSocialSeed, SOCIAL_SEED_RATES, type SocialSeedExtra } from './seed/derive';
export { evaluateEligibility, type Eligibility, type EligibilityFacts } from './allowance/eligibility.rules';
export { rebuildSocialDigest, socialRowFrom, SOCIAL_DIGEST_SPEC, type SocialRow } from './dashboards/social.digest';
export { rebuildActionMonthDigest, ACTION_MONTH_DIGEST_SPEC, type ActionMonthRow } from './dashboards/action-month.digest';
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
  return (await buildSchema(createModels(mongoose.createConnection()))).sdl;
}

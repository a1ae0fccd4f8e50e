import mongoose from 'mongoose';
import type { SubgraphDefinition } from '@nct/subgraph-kit';
import { createModels, Models } from './models';
import { buildSchema } from './schema';

export { createModels, type Models } from './models';
export { MAX_ENTRIES_PER_WRITE } from './access-log/access-log.rules';

/**
 * The access log of personal-data reads (PDP Law 91/2025: access is logged). Written by the
 * gateway for every request that returned personal data, read by auditors. It owns its own
 * database and nothing else; no agency owns it.
 */
export const definition: SubgraphDefinition<Models> = {
  name: 'audit',
  staffRole: 'auditor',
  createModels,
  buildSchema,
};

/** This subgraph's SDL, for composition; needs no database. */
export async function printSubgraphSdl(): Promise<string> {
  return (await buildSchema(createModels(mongoose.createConnection()))).sdl;
}

/** Nothing to seed: the log starts empty and only the gateway writes it. */
export async function seedDatabase(): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  return { seeded: true, counts: {} };
}

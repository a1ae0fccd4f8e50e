import mongoose from 'mongoose';
import { NO_GRAPH, type SubgraphDefinition } from '@nct/subgraph-kit';
import { createModels, Models } from './models';
import { buildSchema } from './schema';
import { outboxIntervalFromEnv, startOutboxWorker, systemNow } from './people/outbox.delivery';

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
  buildSchema: (models, services) => buildSchema(models, services),
  // the outbox worker (docs/consistency.md section 2): every OUTBOX_INTERVAL_MS (default 5 s; 0: off)
  background: (instance) =>
    startOutboxWorker(
      { models: instance.models, graph: instance.services.graph, logger: instance.logger, now: systemNow },
      outboxIntervalFromEnv(process.env),
    ),
};

/** This subgraph's SDL, for composition; needs no database. */
export async function printSubgraphSdl(): Promise<string> {
  return (await buildSchema(createModels(mongoose.createConnection()), { graph: NO_GRAPH })).sdl;
}

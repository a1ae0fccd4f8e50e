import type { SeedData } from '@nct/seed';
import type { Models } from '../models';
import { hasCoverageTallies, rebuildCoverageTallies } from '../coverage/coverage.tallies';
import { deriveHealthSeed } from './derive';

const BATCH = 2000;

async function insertInBatches<T>(model: { insertMany(docs: T[], opts: object): Promise<unknown> }, docs: T[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    await model.insertMany(docs.slice(i, i + BATCH), { ordered: false, lean: true });
  }
}

/**
 * Writes the health slice of the seed (records, checks, BHYT cards from the shared generator;
 * chronic conditions and home visits derived here). A database that already has records is
 * not seeded again, but gets the derived records if it has none yet (a database seeded before
 * they existed). The rows are inserted in bulk, outside the writes that keep the coverage
 * tallies: every coverage tally is then rebuilt from the collections (also when a database
 * seeded before the tallies existed has none).
 */
export async function seedDatabase(models: Models, data: SeedData): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  const extra = deriveHealthSeed(data);
  const hasRecords = !!(await models.HealthRecord.findOne({}, { _id: 1 }).lean());
  const counts: Record<string, number> = {};
  if (!hasRecords) {
    const { records, checks, insuranceCards } = data.health;
    await insertInBatches(models.HealthRecord, records);
    await insertInBatches(models.HealthCheck, checks);
    await insertInBatches(models.InsuranceCard, insuranceCards);
    Object.assign(counts, { records: records.length, checks: checks.length, insuranceCards: insuranceCards.length });
  }
  if (!(await models.ChronicCondition.findOne({}, { _id: 1 }).lean()) && !(await models.HomeVisit.findOne({}, { _id: 1 }).lean())) {
    await insertInBatches(models.ChronicCondition, extra.chronicConditions);
    await insertInBatches(models.HomeVisit, extra.homeVisits);
    Object.assign(counts, { chronicConditions: extra.chronicConditions.length, homeVisits: extra.homeVisits.length });
  }
  if (Object.keys(counts).length > 0 || !(await hasCoverageTallies(models))) await rebuildCoverageTallies(models);
  return { seeded: !hasRecords, counts };
}

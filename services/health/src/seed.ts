import type { SeedData } from '@nct/seed';
import type { Models } from './models';

const BATCH = 2000;

async function insertInBatches<T>(model: { insertMany(docs: T[], opts: object): Promise<unknown> }, docs: T[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    await model.insertMany(docs.slice(i, i + BATCH), { ordered: false, lean: true });
  }
}

/** Writes the health slice of the seed: records, checks, BHYT cards. Skips when records exist. */
export async function seedDatabase(models: Models, data: SeedData): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  if ((await models.HealthRecord.estimatedDocumentCount()) > 0 || (await models.HealthRecord.findOne().lean())) {
    return { seeded: false, counts: {} };
  }
  const { records, checks, insuranceCards } = data.health;
  await insertInBatches(models.HealthRecord, records);
  await insertInBatches(models.HealthCheck, checks);
  await insertInBatches(models.InsuranceCard, insuranceCards);
  return { seeded: true, counts: { records: records.length, checks: checks.length, insuranceCards: insuranceCards.length } };
}

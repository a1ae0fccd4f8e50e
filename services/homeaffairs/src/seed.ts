import type { SeedData } from '@nct/seed';
import { foldVietnamese } from '@nct/subgraph-kit';
import type { Models } from './models';

const BATCH = 2000;

async function insertInBatches<T>(model: { insertMany(docs: T[], opts: object): Promise<unknown> }, docs: T[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    await model.insertMany(docs.slice(i, i + BATCH), { ordered: false, lean: true });
  }
}

/** Writes the homeaffairs slice of the seed: units, lineage and the register. Skips a non-empty register. */
export async function seedDatabase(models: Models, data: SeedData): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  if ((await models.Person.estimatedDocumentCount()) > 0 || (await models.Person.findOne().lean())) {
    return { seeded: false, counts: {} };
  }
  const units = [data.province, ...data.communes, ...data.historicalUnits];
  await insertInBatches(models.Unit, units);
  await insertInBatches(models.Lineage, data.lineage);
  await insertInBatches(
    models.Person,
    data.people.map((p) => ({ ...p, nameSearch: foldVietnamese(p.fullName) })),
  );
  return { seeded: true, counts: { units: units.length, lineage: data.lineage.length, people: data.people.length } };
}

import type { SeedData } from '@nct/seed';
import type { Models } from './models';
import { nameSearchFields } from './people/people.rules';
import { deriveHomeaffairsSeed } from './seed/derive';
import { listingId } from './areas/areas.rules';
import { hasRegisterTallies, rebuildRegisterTallies } from './dashboards/register.tallies';

const BATCH = 2000;

async function insertInBatches<T>(model: { insertMany(docs: T[], opts: object): Promise<unknown> }, docs: T[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    await model.insertMany(docs.slice(i, i + BATCH), { ordered: false, lean: true });
  }
}

async function isEmpty(model: { findOne(): { lean(): Promise<unknown> } }): Promise<boolean> {
  return !(await model.findOne().lean());
}

/**
 * Writes the homeaffairs slice of the seed: units, lineage and the register with residence
 * histories (skipped when the register is not empty), villages and the dated list of especially
 * disadvantaged areas (each skipped when its collection is not empty), then the derived organisation records and plan (each skipped when
 * its collection is not empty), and the register tallies rebuilt from `people`
 * (dashboards/register.tallies.ts).
 */
export async function seedDatabase(models: Models, data: SeedData): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  const counts: Record<string, number> = {};
  let seeded = false;
  if (await isEmpty(models.Person)) {
    const units = [data.province, ...data.communes, ...data.historicalUnits];
    await insertInBatches(models.Unit, units);
    await insertInBatches(models.Lineage, data.lineage);
    await insertInBatches(
      models.Person,
      data.people.map((p) => ({ ...p, ...nameSearchFields(p.fullName) })),
    );
    Object.assign(counts, { units: units.length, lineage: data.lineage.length, people: data.people.length });
    seeded = true;
  }
  // the register was inserted in bulk (no write tallied it): the tallies are computed from it,
  // also for a register seeded before the tallies existed
  if (counts.people !== undefined || !(await hasRegisterTallies(models))) await rebuildRegisterTallies(models);
  // villages and the dated list of especially disadvantaged areas (also into a register seeded
  // before they existed)
  if (await isEmpty(models.Village)) {
    await insertInBatches(models.Village, data.villages);
    counts.villages = data.villages.length;
    seeded = true;
  }
  if (await isEmpty(models.DisadvantagedArea)) {
    await insertInBatches(
      models.DisadvantagedArea,
      data.disadvantagedAreas.map((l) => ({ ...l, listingId: listingId(l) })),
    );
    counts.disadvantagedAreas = data.disadvantagedAreas.length;
    seeded = true;
  }
  const extra = deriveHomeaffairsSeed(data);
  if (await isEmpty(models.AssociationUnit)) {
    await insertInBatches(models.AssociationUnit, extra.associationUnits);
    await insertInBatches(models.LeadershipTerm, extra.leadershipTerms);
    Object.assign(counts, { associationUnits: extra.associationUnits.length, leadershipTerms: extra.leadershipTerms.length });
    seeded = true;
  }
  if (await isEmpty(models.Plan)) {
    await insertInBatches(models.Plan, extra.plans);
    await insertInBatches(models.PlanTask, extra.planTasks);
    Object.assign(counts, { plans: extra.plans.length, planTasks: extra.planTasks.length });
    seeded = true;
  }
  return { seeded, counts };
}

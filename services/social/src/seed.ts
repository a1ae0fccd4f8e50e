import type { SeedData } from '@nct/seed';
import type { Models } from './models';
import { deriveSocialSeed } from './seed/derive';

const BATCH = 2000;

async function insertInBatches<T>(model: { insertMany(docs: T[], opts: object): Promise<unknown> }, docs: T[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    await model.insertMany(docs.slice(i, i + BATCH), { ordered: false, lean: true });
  }
}

/**
 * Writes the social slice of the seed: benefit cases (the generator's, with the decision's
 * facts and history, plus derived social pensions), the department's records, monthly
 * payments and Action Month support (src/seed/derive.ts). Skips a non-empty database.
 */
export async function seedDatabase(models: Models, data: SeedData): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  if ((await models.BenefitCase.estimatedDocumentCount()) > 0) return { seeded: false, counts: {} };
  const extra = deriveSocialSeed(data);
  await insertInBatches(models.BenefitCase, extra.cases);
  await insertInBatches(models.SocialRecord, extra.records);
  await insertInBatches(models.MonthlyPayment, extra.payments);
  await insertInBatches(models.ActionMonthSupport, extra.supports);
  return {
    seeded: true,
    counts: {
      allowanceCases: extra.cases.filter((c) => c.kind === 'ALLOWANCE').length,
      socialPensionCases: extra.cases.filter((c) => c.kind === 'SOCIAL_PENSION').length,
      socialRecords: extra.records.length,
      monthlyPayments: extra.payments.length,
      actionMonthSupports: extra.supports.length,
    },
  };
}

import type { SeedData } from '@nct/seed';
import { rebuildActionMonthDigest } from './dashboards/action-month.digest';
import { rebuildSocialDigest } from './dashboards/social.digest';
import type { Models } from './models';
import { deriveSocialSeed } from './seed/derive';

const BATCH = 2000;

async function insertInBatches<T>(model: { insertMany(docs: T[], opts: object): Promise<unknown> }, docs: T[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    await model.insertMany(docs.slice(i, i + BATCH), { ordered: false, lean: true });
  }
}

/** Rebuilds the digests when they are missing (e.g. a database seeded before digests existed). */
async function ensureDigests(models: Models): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  if (!(await models.digests.findOne({ kind: 'social' }).lean()) && (await models.BenefitCase.findOne().lean())) {
    counts.socialDigestRows = await rebuildSocialDigest(models);
  }
  if (!(await models.digests.findOne({ kind: 'action-month' }).lean()) && (await models.ActionMonthSupport.findOne().lean())) {
    counts.actionMonthDigestRows = await rebuildActionMonthDigest(models);
  }
  return counts;
}

/**
 * Writes the social slice of the seed: benefit cases (the generator's, with the decision's
 * facts and history, plus derived social pensions), the department's records, monthly
 * payments and Action Month support (src/seed/derive.ts), then rebuilds the digests. Skips
 * non-empty collections, but always rebuilds digests that are missing.
 */
export async function seedDatabase(models: Models, data: SeedData): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  if ((await models.BenefitCase.estimatedDocumentCount()) > 0 || (await models.BenefitCase.findOne().lean())) {
    const counts = await ensureDigests(models);
    return { seeded: false, counts };
  }
  const extra = deriveSocialSeed(data);
  await insertInBatches(models.BenefitCase, extra.cases);
  await insertInBatches(models.SocialRecord, extra.records);
  await insertInBatches(models.MonthlyPayment, extra.payments);
  await insertInBatches(models.ActionMonthSupport, extra.supports);
  const socialDigestRows = await rebuildSocialDigest(models);
  const actionMonthDigestRows = await rebuildActionMonthDigest(models);
  return {
    seeded: true,
    counts: {
      allowanceCases: extra.cases.filter((c) => c.kind === 'ALLOWANCE').length,
      socialPensionCases: extra.cases.filter((c) => c.kind === 'SOCIAL_PENSION').length,
      socialRecords: extra.records.length,
      monthlyPayments: extra.payments.length,
      actionMonthSupports: extra.supports.length,
      socialDigestRows,
      actionMonthDigestRows,
    },
  };
}

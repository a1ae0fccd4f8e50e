import type { SeedData } from '@nct/seed';
import type { BenefitCaseDoc } from './cases/benefit-case.model';
import { caseIdFor, openSlotFor } from './cases/cases.rules';
import type { Models } from './models';

const BATCH = 2000;

async function insertInBatches<T>(model: { insertMany(docs: T[], opts: object): Promise<unknown> }, docs: T[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    await model.insertMany(docs.slice(i, i + BATCH), { ordered: false, lean: true });
  }
}

function toDoc(kind: BenefitCaseDoc['kind'], c: Omit<BenefitCaseDoc, 'caseId' | 'kind' | 'openSlot' | 'group'> & { group?: BenefitCaseDoc['group'] }): BenefitCaseDoc {
  const caseId = caseIdFor(kind, c.decisionNumber);
  return { ...c, group: c.group ?? null, caseId, kind, openSlot: openSlotFor({ status: c.status, citizenId: c.citizenId, caseId }) };
}

/** Writes the social slice of the seed: allowance and social pension cases. Skips a non-empty collection. */
export async function seedDatabase(models: Models, data: SeedData): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  if ((await models.BenefitCase.estimatedDocumentCount()) > 0 || (await models.BenefitCase.findOne().lean())) {
    return { seeded: false, counts: {} };
  }
  const { allowanceCases, socialPensionCases } = data.social;
  await insertInBatches(models.BenefitCase, [
    ...allowanceCases.map((c) => toDoc('ALLOWANCE', c)),
    ...socialPensionCases.map((c) => toDoc('SOCIAL_PENSION', c)),
  ]);
  return { seeded: true, counts: { allowanceCases: allowanceCases.length, socialPensionCases: socialPensionCases.length } };
}

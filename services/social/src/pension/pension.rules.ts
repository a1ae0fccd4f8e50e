import type { BenefitCaseDoc } from '../cases/benefit-case.model';
import { referenceMonth } from '../cases/cases.rules';
import { firstMonthOf } from '@nct/rules';
import { SOCIAL_PENSION_LEVEL_TABLE } from './rules/social-pension-level';

/** First month a social pension exists (2025-07, Social Insurance Law 2024). */
export const SOCIAL_PENSION_FIRST_MONTH = firstMonthOf(SOCIAL_PENSION_LEVEL_TABLE);

/** Monthly social pension in VND in a month (Social Insurance Law 2024 Art. 22, Decree 176/2025). */
export function socialPensionAmountOn(month: string): number {
  return SOCIAL_PENSION_LEVEL_TABLE.inMonth(month).amount;
}

export interface SocialPensionCaseView extends BenefitCaseDoc {
  person: { citizenId: string };
  asOfMonth: string;
  monthlyAmount: number;
}

/** A social pension case with its amount for its reference month (see referenceMonth). */
export function socialPensionCaseView(doc: BenefitCaseDoc, today: string): SocialPensionCaseView {
  if (doc.kind !== 'SOCIAL_PENSION') throw new Error(`case ${doc.caseId} is not a social pension case`);
  const month = referenceMonth(doc, today);
  return { ...doc, person: { citizenId: doc.citizenId }, asOfMonth: month, monthlyAmount: socialPensionAmountOn(month) };
}

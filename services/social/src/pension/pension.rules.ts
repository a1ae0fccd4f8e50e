import type { Text } from '../allowance/eligibility.rules';
import type { BenefitCaseDoc } from '../cases/benefit-case.model';
import { referenceMonth } from '../cases/cases.rules';
import { firstMonthOf } from '@nct/rules';
import type { PensionKind, PensionPeriod } from '../records/social-record.model';
import { SOCIAL_PENSION_ELIGIBILITY_TABLE } from './rules/social-pension-eligibility';
import { SOCIAL_PENSION_LEVEL_TABLE } from './rules/social-pension-level';

/** First month a social pension exists (2025-07, Social Insurance Law 2024). */
export const SOCIAL_PENSION_FIRST_MONTH = firstMonthOf(SOCIAL_PENSION_LEVEL_TABLE);

/** Monthly social pension in VND in a month (Social Insurance Law 2024 Art. 22, Decree 176/2025). */
export function socialPensionAmountOn(month: string): number {
  return SOCIAL_PENSION_LEVEL_TABLE.inMonth(month).amount;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const KIND_TEXT: Record<PensionKind, Text> = {
  RETIREMENT_PENSION: { vi: 'lương hưu', en: 'a retirement pension' },
  MONTHLY_SOCIAL_INSURANCE: { vi: 'trợ cấp BHXH hằng tháng', en: 'a monthly social-insurance benefit' },
};

/** What the monthly benefits in force do to the social pension of a month. */
export interface SocialPensionWithBenefits {
  /** The monthly amount paid (null: excluded by a benefit). */
  amount: number | null;
  /** Why excluded, or how the amount was reduced (empty without benefits). */
  reasons: Text[];
}

/**
 * The social pension of `month` for someone receiving `benefits` (the pension / monthly SI
 * periods in force): Social Insurance Law 2024 Art. 21.1(b) and Art. 23.7, Decree 176/2025,
 * as the dated table reads them (rules/social-pension-eligibility.ts): a benefit of a kind
 * excluded at any amount excludes; one excluded only at or above the level excludes when the
 * total of such benefits reaches the level (or an amount is not on record), else the social
 * pension pays the difference up to the level (or the full level, as the table says).
 */
export function socialPensionWithBenefits(
  month: string,
  benefits: readonly Pick<PensionPeriod, 'kind' | 'monthlyAmount'>[],
): SocialPensionWithBenefits {
  const level = socialPensionAmountOn(month);
  const rules = SOCIAL_PENSION_ELIGIBILITY_TABLE.inMonth(month);
  const excluded: Text[] = [];
  let below = 0;
  for (const b of benefits) {
    const what = KIND_TEXT[b.kind];
    if (rules.exclusion[b.kind] === 'ANY_AMOUNT') {
      excluded.push({
        vi: `Đang hưởng ${what.vi} (mức nào cũng loại trừ): ${rules.legalAct}`,
        en: `Receives ${what.en} (any amount excludes it): ${rules.legalAct}`,
      });
    } else if (b.monthlyAmount === null) {
      excluded.push({
        vi: `Đang hưởng ${what.vi} chưa ghi mức hưởng: không xác định được là thấp hơn mức ${fmt(level)} đồng`,
        en: `Receives ${what.en} whose amount is not on record: it cannot be shown to be below the level of ${fmt(level)} VND`,
      });
    } else {
      below += b.monthlyAmount;
    }
  }
  if (excluded.length) return { amount: null, reasons: excluded };
  if (below === 0) return { amount: level, reasons: [] };
  if (below >= level) {
    return {
      amount: null,
      reasons: [
        {
          vi: `Trợ cấp BHXH hằng tháng ${fmt(below)} đồng không thấp hơn mức trợ cấp hưu trí xã hội ${fmt(level)} đồng: ${rules.legalAct}`,
          en: `Monthly social-insurance benefit of ${fmt(below)} VND is not below the social-pension level of ${fmt(level)} VND: ${rules.legalAct}`,
        },
      ],
    };
  }
  const amount = rules.paysDifference ? level - below : level;
  return {
    amount,
    reasons: [
      rules.paysDifference
        ? {
            vi: `Trợ cấp BHXH hằng tháng ${fmt(below)} đồng thấp hơn mức ${fmt(level)} đồng: hưởng phần chênh lệch ${fmt(amount)} đồng (${rules.legalAct})`,
            en: `Monthly social-insurance benefit of ${fmt(below)} VND is below the level of ${fmt(level)} VND: the difference of ${fmt(amount)} VND is paid (${rules.legalAct})`,
          }
        : {
            vi: `Trợ cấp BHXH hằng tháng ${fmt(below)} đồng thấp hơn mức ${fmt(level)} đồng: vẫn hưởng trợ cấp hưu trí xã hội (${rules.legalAct})`,
            en: `Monthly social-insurance benefit of ${fmt(below)} VND is below the level of ${fmt(level)} VND: the social pension is still paid (${rules.legalAct})`,
          },
    ],
  };
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

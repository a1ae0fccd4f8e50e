import type { Connection } from 'mongoose';
import { actionMonthSupportSchema } from './action-month/action-month-support.model';
import { benefitCaseSchema } from './cases/benefit-case.model';
import { monthlyPaymentSchema } from './payments/monthly-payment.model';
import { socialRecordSchema } from './records/social-record.model';

/**
 * The social database: benefit cases (monthly allowance and social pension, one collection),
 * the department's records per person (poverty, pension/SI status, disability), monthly
 * payments and Action Month support. Every read goes through the indexes declared next to
 * each schema (*.model.ts).
 */
export function createModels(conn: Connection) {
  return {
    BenefitCase: conn.model('BenefitCase', benefitCaseSchema),
    SocialRecord: conn.model('SocialRecord', socialRecordSchema),
    MonthlyPayment: conn.model('MonthlyPayment', monthlyPaymentSchema),
    ActionMonthSupport: conn.model('ActionMonthSupport', actionMonthSupportSchema),
  };
}

export type Models = ReturnType<typeof createModels>;

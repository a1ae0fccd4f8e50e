import type { Connection } from 'mongoose';
import { actionMonthSupportSchema } from './action-month/action-month-support.model';
import { benefitCaseSchema } from './cases/benefit-case.model';
import { funeralSupportItemSchema } from './death/funeral-support-item.model';
import { monthlyPaymentSchema } from './payments/monthly-payment.model';
import { socialRecordSchema } from './records/social-record.model';

/**
 * The social database: benefit cases (monthly allowance and social pension, one collection),
 * the department's records per person (poverty, pension/SI periods, disability), monthly
 * payments, Action Month support and funeral support prepared on a death. Every read goes
 * through the indexes declared next to each schema (*.model.ts).
 */
export function createModels(conn: Connection) {
  return {
    BenefitCase: conn.model('BenefitCase', benefitCaseSchema),
    SocialRecord: conn.model('SocialRecord', socialRecordSchema),
    MonthlyPayment: conn.model('MonthlyPayment', monthlyPaymentSchema),
    ActionMonthSupport: conn.model('ActionMonthSupport', actionMonthSupportSchema),
    FuneralSupportItem: conn.model('FuneralSupportItem', funeralSupportItemSchema),
  };
}

export type Models = ReturnType<typeof createModels>;

/** The social database's connection (transactions: `inTransaction(dbOf(models), fn)` from subgraph-kit). */
export function dbOf(models: Models): Connection {
  return models.BenefitCase.db;
}

import type { Connection } from 'mongoose';
import { digestModel } from '@nct/subgraph-kit';
import { actionMonthSupportSchema } from './action-month/action-month-support.model';
import { benefitCaseSchema } from './cases/benefit-case.model';
import { actionMonthDigest } from './dashboards/action-month.digest';
import { socialDigest } from './dashboards/social.digest';
import { monthlyPaymentSchema } from './payments/monthly-payment.model';
import { socialRecordSchema } from './records/social-record.model';

/**
 * The social database: benefit cases (monthly allowance and social pension, one collection),
 * the department's records per person (poverty, pension/SI status, disability), monthly
 * payments, Action Month support, and the commune digests the dashboards read.
 */
export function createModels(conn: Connection) {
  return {
    BenefitCase: conn.model('BenefitCase', benefitCaseSchema),
    SocialRecord: conn.model('SocialRecord', socialRecordSchema),
    MonthlyPayment: conn.model('MonthlyPayment', monthlyPaymentSchema),
    ActionMonthSupport: conn.model('ActionMonthSupport', actionMonthSupportSchema),
    digests: digestModel(conn),
    socialDigest: socialDigest(conn),
    actionMonthDigest: actionMonthDigest(conn),
  };
}

export type Models = ReturnType<typeof createModels>;

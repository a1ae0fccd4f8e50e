import { Schema } from 'mongoose';
import type { BenefitKind } from '../cases/benefit-case.model';

export type PaymentStatus = 'PENDING' | 'COLLECTED' | 'UNCOLLECTED' | 'CANCELLED';
export const PAYMENT_STATUSES: readonly PaymentStatus[] = ['PENDING', 'COLLECTED', 'UNCOLLECTED', 'CANCELLED'];
/** Statuses of a payment not (yet) collected: cancelled when the person died before its month. */
export const NOT_COLLECTED: readonly PaymentStatus[] = ['PENDING', 'UNCOLLECTED'];

/**
 * One month's payment to one person (only the highest entitlement is paid, so at most one per
 * person and month). `_id` = `citizenId:month` and a unique index on {citizenId, month}: the
 * database itself makes re-running a month a no-op.
 */
export interface MonthlyPaymentDoc {
  _id: string;
  citizenId: string;
  month: string;
  caseId: string;
  kind: BenefitKind;
  amount: number;
  communeCode: string;
  status: PaymentStatus;
}

export const monthlyPaymentSchema = new Schema<MonthlyPaymentDoc>(
  {
    _id: { type: String, required: true },
    citizenId: { type: String, required: true, match: /^\d{12}$/ },
    month: { type: String, required: true, match: /^\d{4}-\d{2}$/ },
    caseId: { type: String, required: true },
    kind: { type: String, required: true, enum: ['ALLOWANCE', 'SOCIAL_PENSION'] },
    amount: { type: Number, required: true, min: 1 },
    communeCode: { type: String, required: true, match: /^\d{5}$/ },
    status: { type: String, required: true, enum: PAYMENT_STATUSES },
  },
  { collection: 'monthly_payments', versionKey: false, timestamps: true },
);
monthlyPaymentSchema.index({ citizenId: 1, month: 1 }, { unique: true });
monthlyPaymentSchema.index({ communeCode: 1, month: 1 });

export const paymentIdFor = (citizenId: string, month: string) => `${citizenId}:${month}`;

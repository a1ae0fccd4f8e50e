import type { ClientSession } from 'mongoose';
import { trusted } from '@nct/db';
import { ConflictError, isDuplicateKeyError } from '@nct/errors';
import { findInChunks } from '../batch';
import type { BenefitCaseDoc } from '../cases/benefit-case.model';
import type { Models } from '../models';
import { inTransaction } from '../transactions';
import { paymentIdFor, type MonthlyPaymentDoc } from './monthly-payment.model';
import { monthsBeforeSuspension, paymentRunPlan } from './payments.rules';

export interface PaymentRunResult {
  created: number;
  alreadyPresent: number;
  skipped: string[];
  /** Cases suspended by this run (N uncollected months before it). */
  suspended: string[];
}

/**
 * One commune's run for a month, in ONE transaction: the suspensions it decides and the
 * payments it creates are written together or not at all. Payments already present (this
 * commune's or another's: `_id` is person + month) are counted, never written again, so a
 * retry of the same run changes nothing.
 */
async function runInSession(
  models: Models,
  communeCode: string,
  month: string,
  today: string,
  session: ClientSession,
): Promise<PaymentRunResult> {
  // Indexed reads: {communeCode, kind, status, caseId} (prefix communeCode), {communeCode, month}, _id.
  const cases = await models.BenefitCase.find({ communeCode }).session(session).lean<BenefitCaseDoc[]>();
  const recent = cases.some((c) => c.status === 'ACTIVE')
    ? await models.MonthlyPayment.find({ communeCode, month: trusted({ $in: monthsBeforeSuspension(month) }) })
        .session(session)
        .lean<MonthlyPaymentDoc[]>()
    : [];
  const plan = paymentRunPlan(cases, recent, month);
  const ids = plan.pay.map((p) => paymentIdFor(p.citizenId, month));
  const present = await findInChunks(ids, (chunk) =>
    models.MonthlyPayment.find({ _id: trusted({ $in: chunk }) })
      .select({ _id: 1 })
      .session(session)
      .lean<Array<{ _id: string }>>(),
  );
  const existing = new Set(present.map((p) => p._id));
  for (const c of plan.suspend) {
    await models.BenefitCase.updateOne(
      { caseId: c.caseId },
      {
        $set: { status: 'SUSPENDED', suspendedFrom: month },
        $push: { history: { action: 'SUSPEND', month, on: today, note: 'UNCOLLECTED' } },
      },
      { session },
    );
  }
  const toInsert: MonthlyPaymentDoc[] = plan.pay
    .filter((p) => !existing.has(paymentIdFor(p.citizenId, month)))
    .map((p) => ({
      _id: paymentIdFor(p.citizenId, month),
      citizenId: p.citizenId,
      month,
      caseId: p.c.caseId,
      kind: p.c.kind,
      amount: p.amount,
      communeCode,
      status: 'PENDING',
    }));
  if (toInsert.length) await models.MonthlyPayment.insertMany(toInsert, { session, ordered: true });
  return { created: toInsert.length, alreadyPresent: existing.size, skipped: plan.skipped, suspended: plan.suspend.map((c) => c.caseId) };
}

/**
 * Runs a commune's month. A duplicate key means a concurrent run committed the same payments
 * first: the run is tried once more (it then counts them as present); a second duplicate is a
 * stray payment for a person and month under another key, refused with CONFLICT.
 */
export async function runPaymentsOnce(models: Models, communeCode: string, month: string, today: string): Promise<PaymentRunResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(models, (session) => runInSession(models, communeCode, month, today, session));
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      if (attempt >= 2) {
        throw new ConflictError(
          {
            vi: `Đã có khoản chi tháng ${month} cho người thuộc danh sách xã ${communeCode}; không ghi gì`,
            en: `A payment for ${month} already exists for someone on ${communeCode}'s list; nothing was written`,
          },
          { communeCode, month },
        );
      }
    }
  }
}

import { trusted } from '@nct/db';
import { monthOf } from '@nct/dates';
import { ConflictError, isDuplicateKeyError } from '@nct/errors';
import { inTransaction } from '@nct/subgraph-kit';
import { findInChunks } from '../batch';
import type { BenefitCaseDoc } from '../cases/benefit-case.model';
import { applyDeath } from '../death/apply-death';
import { dbOf, type Models } from '../models';
import { pensionPeriodsOf, type PensionPeriod, type SocialRecordDoc } from '../records/social-record.model';
import type { RegisterPort } from '../register/register.port';
import { paymentIdFor, type MonthlyPaymentDoc } from './monthly-payment.model';
import { monthsBeforeSuspension, paymentRunPlan } from './payments.rules';

export interface PaymentRunResult {
  created: number;
  alreadyPresent: number;
  skipped: string[];
  /** Cases suspended by this run (N uncollected months before it). */
  suspended: string[];
  /** Cases stopped by this run because the register records a death (same path as the register's event). */
  stoppedForDeath: string[];
  /** Cases not paid because the register does not know the person (a run pays nobody it could not check). */
  notInRegister: string[];
}

export interface PaymentRunRequest {
  communeCode: string;
  month: string;
  today: string;
  requestId?: string;
}

/**
 * One commune's run for a month, in ONE transaction: the deaths it learns from the register,
 * the suspensions it decides and the payments it creates are written together or not at all.
 * Before writing, the register is asked (through the graph, 500 people at a time) about
 * everyone the run would pay or suspend: a death stops the person's cases exactly as the
 * register's death event does (death/apply-death.ts), and nobody is paid for a month after
 * the month of death; a person the register does not know is not paid. If the register cannot
 * answer, the run fails (DEPENDENCY_UNAVAILABLE) and nothing is written. Payments already
 * present (this commune's or another's: `_id` is person + month) are counted, never written
 * again, so a retry of the same run changes nothing.
 */
async function runInTransaction(models: Models, register: RegisterPort, run: PaymentRunRequest): Promise<PaymentRunResult> {
  const { communeCode, month, today } = run;
  // Indexed reads: {communeCode, kind, status, caseId} (prefix communeCode), {communeCode, month}, _id.
  const allCases = await models.BenefitCase.find({ communeCode }).lean<BenefitCaseDoc[]>();
  const recent = allCases.some((c) => c.status === 'ACTIVE')
    ? await models.MonthlyPayment.find({ communeCode, month: trusted({ $in: monthsBeforeSuspension(month) }) }).lean<MonthlyPaymentDoc[]>()
    : [];

  // Who this run would pay or suspend: the register is asked about them, all at once.
  const candidates = paymentRunPlan(allCases, recent, month);
  const ids = [...new Set([...candidates.pay.map((p) => p.citizenId), ...candidates.suspend.map((c) => c.citizenId)])];
  const people = ids.length ? await register.identities(ids, run.requestId) : new Map();
  const notPaid = new Set<string>();
  const stoppedForDeath: string[] = [];
  const notInRegister: string[] = [];
  for (const citizenId of ids) {
    const person = people.get(citizenId);
    if (!person) {
      notPaid.add(citizenId);
      notInRegister.push(...allCases.filter((c) => c.citizenId === citizenId && c.status !== 'STOPPED').map((c) => c.caseId));
      continue;
    }
    if (!person.deathDate) continue;
    const applied = await applyDeath(models, { citizenId, deathDate: person.deathDate, today, source: 'PAYMENT_RUN' });
    stoppedForDeath.push(...applied.stoppedCases);
    // The month of death is still paid; nothing after it.
    if (monthOf(person.deathDate) < month) notPaid.add(citizenId);
  }
  const cases = allCases.filter((c) => !notPaid.has(c.citizenId));

  // Social pensions are reduced by a small monthly SI benefit: the records of those people.
  const pensionIds = [...new Set(cases.filter((c) => c.kind === 'SOCIAL_PENSION').map((c) => c.citizenId))];
  const records = await findInChunks(pensionIds, (chunk) =>
    models.SocialRecord.find({ _id: trusted({ $in: chunk }) }).lean<SocialRecordDoc[]>(),
  );
  const pensionsOf = new Map<string, PensionPeriod[]>(records.map((r) => [r._id, pensionPeriodsOf(r)]));

  const plan = paymentRunPlan(cases, recent, month, pensionsOf);
  const paymentIds = plan.pay.map((p) => paymentIdFor(p.citizenId, month));
  const present = await findInChunks(paymentIds, (chunk) =>
    models.MonthlyPayment.find({ _id: trusted({ $in: chunk }) })
      .select({ _id: 1 })
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
  if (toInsert.length) await models.MonthlyPayment.insertMany(toInsert, { ordered: true });
  return {
    created: toInsert.length,
    alreadyPresent: existing.size,
    skipped: plan.skipped,
    suspended: plan.suspend.map((c) => c.caseId),
    stoppedForDeath,
    notInRegister,
  };
}

/**
 * Runs a commune's month. A duplicate key means a concurrent run committed the same payments
 * first: the run is tried once more (it then counts them as present); a second duplicate is a
 * stray payment for a person and month under another key, refused with CONFLICT.
 */
export async function runPaymentsOnce(models: Models, register: RegisterPort, run: PaymentRunRequest): Promise<PaymentRunResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(dbOf(models), () => runInTransaction(models, register, run));
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      if (attempt >= 2) {
        throw new ConflictError(
          {
            vi: `Đã có khoản chi tháng ${run.month} cho người thuộc danh sách xã ${run.communeCode}; không ghi gì`,
            en: `A payment for ${run.month} already exists for someone on ${run.communeCode}'s list; nothing was written`,
          },
          { communeCode: run.communeCode, month: run.month },
        );
      }
    }
  }
}

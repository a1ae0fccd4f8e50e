import { trusted } from '@nct/db';
import { isDuplicateKeyError } from '@nct/errors';
import { inTransaction } from '@nct/subgraph-kit';
import { monthOf } from '@nct/dates';
import { NoRuleInForceError } from '@nct/rules';
import type { BenefitCaseDoc } from '../cases/benefit-case.model';
import { funeralSupportOn, stopMonthAfterDeath } from '../cases/workflow.rules';
import { dbOf, type Models } from '../models';
import { NOT_COLLECTED, type MonthlyPaymentDoc } from '../payments/monthly-payment.model';
import { FuneralSupportItem } from './death';
import type { DeathSource, FuneralSupportItemDoc } from './funeral-support-item.model';

export interface Death {
  citizenId: string;
  /** From the register, never from a caller. */
  deathDate: string;
  today: string;
  source: DeathSource;
  eventId?: string | null;
}

/** What applying a death changed (all empty/false: it had been applied already). */
export interface DeathApplication {
  deathDate: string;
  /** Cases stopped now (reason DEATH). */
  stoppedCases: string[];
  /** Payments for months after the month of death, not collected, cancelled now. */
  cancelledPayments: number;
  /** The person's funeral-support item (prepared now or before); null when they were paid nothing at death. */
  funeral: FuneralSupportItemDoc | null;
  funeralPrepared: boolean;
}

export const changedAnything = (a: DeathApplication): boolean => a.stoppedCases.length > 0 || a.cancelledPayments > 0 || a.funeralPrepared;

/** Whether a case paid (or would have paid) the month of death: started by then and not stopped before it. */
function coversMonth(c: BenefitCaseDoc, month: string): boolean {
  if (c.startMonth > month) return false;
  return c.status !== 'STOPPED' || (c.stopMonth !== null && c.stopMonth > month);
}

/**
 * The funeral support of a person from the cases that covered the month of death: the highest
 * amount of the table (one item, whatever the number of cases); null when no case covered it
 * (not a beneficiary at death) or when the death is before the tables.
 */
export function funeralItemFor(cases: readonly BenefitCaseDoc[], death: Death): FuneralSupportItemDoc | null {
  const month = monthOf(death.deathDate);
  let best: FuneralSupportItemDoc | null = null;
  for (const c of [...cases].sort((a, b) => (a.caseId < b.caseId ? -1 : 1))) {
    if (!coversMonth(c, month)) continue;
    let terms;
    try {
      terms = funeralSupportOn(c.kind, death.deathDate);
    } catch (err) {
      if (err instanceof NoRuleInForceError) continue;
      throw err;
    }
    if (best && best.amount >= terms.amount) continue;
    best = {
      _id: death.citizenId,
      communeCode: c.communeCode,
      deathDate: death.deathDate,
      caseId: c.caseId,
      kind: c.kind,
      ...terms,
      status: 'PREPARED',
      preparedOn: death.today,
      source: death.source,
      eventId: death.eventId ?? null,
    };
  }
  return best;
}

/**
 * Applies a death from the register to social (docs/consistency.md section 2), in the caller's
 * transaction: every open case (allowance and social pension) stops with reason DEATH from the
 * month after the month of death (so does a case stopped for another reason from a later month); payments not collected for months after the month of death
 * are cancelled (COLLECTED ones stay, for recovery: Person.paymentsAfterDeath); one
 * funeral-support item is prepared for a person paid at death. Idempotent by design: a second
 * application finds nothing to change. The receiver (`socialApplyDeath`), the payment run and
 * `stopCase(DEATH)` all go through here.
 */
export async function applyDeath(models: Models, death: Death): Promise<DeathApplication> {
  const { citizenId, deathDate, today } = death;
  const deathMonth = monthOf(deathDate);
  // Indexed: {citizenId} (cases), {citizenId, month} (payments), _id (funeral items).
  const cases = await models.BenefitCase.find({ citizenId }).lean<BenefitCaseDoc[]>();
  const stopped: string[] = [];
  const from = stopMonthAfterDeath(deathDate);
  const note = `DEATH ${deathDate} (${death.source}${death.eventId ? ` ${death.eventId}` : ''})`;
  for (const c of cases) {
    const stopMonth = from < c.startMonth ? c.startMonth : from;
    // A stopped case stays as it is, unless it was stopped from a month after the death.
    if (c.status === 'STOPPED' && (c.stopMonth === null || c.stopMonth <= stopMonth)) continue;
    await models.BenefitCase.updateOne(
      { caseId: c.caseId },
      {
        $set: { status: 'STOPPED', stopMonth, stopReason: 'DEATH', suspendedFrom: null, openSlot: c.caseId },
        $push: { history: { action: 'STOP', month: stopMonth, on: today, note } },
      },
      { runValidators: true },
    );
    stopped.push(c.caseId);
  }
  // The payments after the month of death by the {citizenId, month} index; the uncollected ones by _id.
  const later = await models.MonthlyPayment.find({ citizenId, month: trusted({ $gt: deathMonth }) })
    .select({ _id: 1, status: 1 })
    .lean<Array<Pick<MonthlyPaymentDoc, '_id' | 'status'>>>();
  const toCancel = later.filter((p) => NOT_COLLECTED.includes(p.status)).map((p) => p._id);
  const cancelled = toCancel.length
    ? await models.MonthlyPayment.updateMany({ _id: trusted({ $in: toCancel }) }, { $set: { status: 'CANCELLED' } })
    : { modifiedCount: 0 };
  let funeral = await models.FuneralSupportItem.findOne({ _id: citizenId }).lean<FuneralSupportItemDoc>();
  let funeralPrepared = false;
  if (!funeral) {
    funeral = funeralItemFor(cases, death);
    if (funeral) {
      await models.FuneralSupportItem.create([funeral]);
      funeralPrepared = true;
    }
  }
  return { deathDate, stoppedCases: stopped, cancelledPayments: cancelled.modifiedCount, funeral, funeralPrepared };
}

/** A funeral-support item as the schema shows it. */
export function funeralItemView(doc: FuneralSupportItemDoc): FuneralSupportItem {
  return Object.assign(new FuneralSupportItem(), {
    citizenId: doc._id,
    person: { citizenId: doc._id },
    communeCode: doc.communeCode,
    deathDate: doc.deathDate,
    caseId: doc.caseId,
    kind: doc.kind,
    amount: doc.amount,
    baseLevel: doc.baseLevel,
    baseMultiple: doc.baseMultiple,
    legalAct: doc.legalAct,
    status: doc.status,
    preparedOn: doc.preparedOn,
  });
}

/**
 * Applies a death in its own transaction. Two deliveries of one death at the same time: the
 * transaction that loses is retried by the driver, or fails on the unique funeral item and is
 * run once more (it then finds everything applied).
 */
export async function applyDeathOnce(models: Models, death: Death): Promise<DeathApplication> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(dbOf(models), () => applyDeath(models, death));
    } catch (err) {
      if (!isDuplicateKeyError(err) || attempt >= 2) throw err;
    }
  }
}

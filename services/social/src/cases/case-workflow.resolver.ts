import type { ClientSession } from 'mongoose';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { BadUserInputError, ConflictError, isDuplicateKeyError, NotFoundError } from '@nct/errors';
import { Access, MonthScalar, RequestContext } from '@nct/subgraph-kit';
import { isIsoDate, monthOf, addMonths } from '@nct/dates';
import type { Models } from '../models';
import type { MonthlyPaymentDoc } from '../payments/monthly-payment.model';
import { suspensionBlockers } from '../payments/payments.rules';
import type { BenefitCaseDoc, CaseTransition } from './benefit-case.model';
import { CaseState, StopCaseInput } from './case-state';
import { inTransaction } from '../transactions';
import {
  ALLOWED_ACTIONS,
  assertTransition,
  funeralSupportAmount,
  NEXT_STATUS,
  stopMonthAfterDeath,
  type CaseAction,
} from './workflow.rules';

const CASE_ID = /^(TCXH|HTXH)-[0-9A-F]{16}$/;

export function caseStateOf(doc: BenefitCaseDoc): CaseState {
  return Object.assign(new CaseState(), {
    caseId: doc.caseId,
    kind: doc.kind,
    citizenId: doc.citizenId,
    status: doc.status,
    suspendedFrom: doc.suspendedFrom ?? null,
    stopMonth: doc.stopMonth ?? null,
    stopReason: doc.stopReason ?? null,
    funeralSupport: doc.funeralSupport ?? null,
    allowedActions: [...ALLOWED_ACTIONS[doc.status]],
  });
}

function monthArg(month: string, argument: string, startMonth: string, today: string): string {
  const latest = addMonths(monthOf(today), 12);
  if (month < startMonth || month > latest) {
    throw new BadUserInputError(
      { vi: `${argument} phải từ ${startMonth} đến ${latest}`, en: `${argument} must be from ${startMonth} to ${latest}` },
      { argument },
    );
  }
  return month;
}

/** The case state machine: suspend (after N uncollected months), resume, stop (death: funeral support). */
@Resolver()
export class CaseWorkflowResolver {
  constructor(private readonly models: Models) {}

  private async load(caseId: string, session: ClientSession | null = null): Promise<BenefitCaseDoc> {
    if (typeof caseId !== 'string' || !CASE_ID.test(caseId)) {
      throw new BadUserInputError({ vi: 'Mã hồ sơ không hợp lệ', en: 'Invalid case ID' }, { argument: 'caseId' });
    }
    const doc = await this.models.BenefitCase.findOne({ caseId }).session(session).lean<BenefitCaseDoc>();
    if (!doc) throw new NotFoundError({ vi: `Không có hồ sơ ${caseId}`, en: `No case ${caseId}` }, { caseId });
    return doc;
  }

  /**
   * Applies `action` in a transaction: the case is read again inside it, so a case another
   * request moved first gives CONFLICT (or, racing, a write conflict that the transaction
   * retries and that then gives CONFLICT). `also` writes the other documents of the change.
   */
  private transition(
    caseId: string,
    action: CaseAction,
    change: (doc: BenefitCaseDoc) => { set: Partial<BenefitCaseDoc>; entry: CaseTransition },
    also?: (doc: BenefitCaseDoc, session: ClientSession) => Promise<void>,
  ): Promise<BenefitCaseDoc> {
    return inTransaction(this.models, async (session) => {
      const doc = await this.load(caseId, session);
      assertTransition(doc.caseId, doc.status, action);
      const { set, entry } = change(doc);
      await this.models.BenefitCase.updateOne(
        { caseId },
        { $set: { ...set, status: NEXT_STATUS[action] }, $push: { history: entry } },
        { session, runValidators: true },
      );
      if (also) await also(doc, session);
      return this.load(caseId, session);
    }).catch((err: unknown) => {
      if (!isDuplicateKeyError(err)) throw err;
      throw new ConflictError(
        {
          vi: `Không thể ${action} hồ sơ ${caseId}: xung đột với một hồ sơ khác; không thay đổi gì`,
          en: `Cannot ${action} case ${caseId}: it conflicts with another case; nothing was changed`,
        },
        { caseId },
      );
    });
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => CaseState, {
    description:
      'Tạm dừng chi trả từ một tháng: chỉ khi hồ sơ ACTIVE và các tháng liền trước đều không nhận (3 tháng, theo bảng quy định). / Suspend payment from a month: only an ACTIVE case whose preceding months (3, per the rule table) were all uncollected.',
  })
  async suspendCase(
    @Arg('caseId', () => ID, { description: 'Mã hồ sơ. / Case ID.' }) caseId: string,
    @Arg('fromMonth', () => MonthScalar, { description: 'Tạm dừng từ tháng. / First month not paid.' }) fromMonth: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseState> {
    const today = ctx.today;
    const doc = await this.load(caseId);
    assertTransition(doc.caseId, doc.status, 'SUSPEND');
    monthArg(fromMonth, 'fromMonth', doc.startMonth, today);
    const payments = await this.models.MonthlyPayment.find({ citizenId: doc.citizenId }).lean<MonthlyPaymentDoc[]>();
    const blockers = suspensionBlockers(payments, doc.caseId, fromMonth);
    if (blockers.length) {
      throw new ConflictError(
        {
          vi: `Chỉ tạm dừng sau các tháng liên tiếp không nhận; các tháng chưa đủ điều kiện: ${blockers.join(', ')}`,
          en: `Suspension needs consecutive uncollected months before ${fromMonth}; not uncollected: ${blockers.join(', ')}`,
        },
        { caseId, months: blockers },
      );
    }
    return caseStateOf(
      await this.transition(doc.caseId, 'SUSPEND', () => ({
        set: { suspendedFrom: fromMonth },
        entry: { action: 'SUSPEND', month: fromMonth, on: today, note: null },
      })),
    );
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => CaseState, { description: 'Chi trả lại hồ sơ đang tạm dừng từ một tháng. / Resume a SUSPENDED case from a month.' })
  async resumeCase(
    @Arg('caseId', () => ID, { description: 'Mã hồ sơ. / Case ID.' }) caseId: string,
    @Arg('fromMonth', () => MonthScalar, { description: 'Chi trả lại từ tháng. / First month paid again.' }) fromMonth: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseState> {
    const today = ctx.today;
    const doc = await this.load(caseId);
    assertTransition(doc.caseId, doc.status, 'RESUME');
    monthArg(fromMonth, 'fromMonth', doc.suspendedFrom ?? doc.startMonth, today);
    return caseStateOf(
      await this.transition(doc.caseId, 'RESUME', () => ({
        set: { suspendedFrom: null },
        entry: { action: 'RESUME', month: fromMonth, on: today, note: null },
      })),
    );
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => CaseState, {
    description:
      'Thôi hưởng. Khi chết: thôi từ tháng sau tháng mất và ghi hỗ trợ mai táng theo bảng quy định (ít nhất 20 lần mức chuẩn). / Stop a case; on death it stops from the month after death and funeral support is recorded from the rule table.',
  })
  async stopCase(@Arg('input', () => StopCaseInput) input: StopCaseInput, @Ctx() ctx: RequestContext): Promise<CaseState> {
    const today = ctx.today;
    const doc = await this.load(input.caseId);
    assertTransition(doc.caseId, doc.status, 'STOP');
    let stopMonth: string;
    let funeralSupport: BenefitCaseDoc['funeralSupport'] = null;
    if (input.reason === 'DEATH') {
      const d = input.deathDate;
      if (!d || !isIsoDate(d) || d > today || monthOf(d) < addMonths(doc.startMonth, -1200)) {
        throw new BadUserInputError(
          { vi: 'Cần ngày mất hợp lệ, không ở tương lai', en: 'A valid death date up to today is required' },
          { argument: 'input.deathDate' },
        );
      }
      if (input.stopMonth && input.stopMonth !== stopMonthAfterDeath(d)) {
        throw new BadUserInputError(
          {
            vi: `Khi chết, thôi hưởng từ ${stopMonthAfterDeath(d)} (tháng sau tháng mất)`,
            en: `On death the case stops from ${stopMonthAfterDeath(d)}, the month after death`,
          },
          { argument: 'input.stopMonth' },
        );
      }
      stopMonth = stopMonthAfterDeath(d);
      if (stopMonth < doc.startMonth) stopMonth = doc.startMonth;
      funeralSupport = { deathDate: d, amount: funeralSupportAmount(doc.kind, d), recordedOn: today };
    } else {
      if (!input.stopMonth)
        throw new BadUserInputError({ vi: 'Cần tháng thôi hưởng', en: 'stopMonth is required' }, { argument: 'input.stopMonth' });
      if (input.deathDate)
        throw new BadUserInputError(
          { vi: 'Ngày mất chỉ dùng với lý do DEATH', en: 'deathDate is only for DEATH' },
          { argument: 'input.deathDate' },
        );
      stopMonth = monthArg(input.stopMonth, 'input.stopMonth', doc.startMonth, today);
    }
    const stop = { stopMonth, stopReason: input.reason, suspendedFrom: null };
    const note = input.reason;
    return caseStateOf(
      await this.transition(
        doc.caseId,
        'STOP',
        (d) => ({ set: { ...stop, funeralSupport, openSlot: d.caseId }, entry: { action: 'STOP', month: stopMonth, on: today, note } }),
        // Death ends every entitlement: the person's other open cases stop from the same month.
        input.reason === 'DEATH' ? (d, session) => this.stopOtherOpenCases(d, { ...stop, on: today }, session) : undefined,
      ),
    );
  }

  private async stopOtherOpenCases(
    doc: BenefitCaseDoc,
    stop: { stopMonth: string; stopReason: StopCaseInput['reason']; on: string },
    session: ClientSession,
  ): Promise<void> {
    const others = await this.models.BenefitCase.find({ citizenId: doc.citizenId }).session(session).lean<BenefitCaseDoc[]>();
    for (const o of others) {
      if (o.caseId === doc.caseId || o.status === 'STOPPED') continue;
      const stopMonth = stop.stopMonth < o.startMonth ? o.startMonth : stop.stopMonth;
      await this.models.BenefitCase.updateOne(
        { caseId: o.caseId },
        {
          $set: { status: 'STOPPED', stopMonth, stopReason: stop.stopReason, suspendedFrom: null, openSlot: o.caseId },
          $push: { history: { action: 'STOP', month: stopMonth, on: stop.on, note: `${stop.stopReason} (${doc.caseId})` } },
        },
        { session, runValidators: true },
      );
    }
  }
}

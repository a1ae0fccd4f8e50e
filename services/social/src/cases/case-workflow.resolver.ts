import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { BadUserInputError, ConflictError, isDuplicateKeyError, NotFoundError } from '@nct/errors';
import { Access, inTransaction, MonthScalar, RequestContext } from '@nct/subgraph-kit';
import { isIsoDate, monthOf, addMonths } from '@nct/dates';
import { refuse } from '@nct/rules';
import { applyDeathOnce } from '../death/apply-death';
import type { FuneralSupportItemDoc } from '../death/funeral-support-item.model';
import { dbOf, type Models } from '../models';
import type { SocialDeps } from '../deps';
import type { MonthlyPaymentDoc } from '../payments/monthly-payment.model';
import { suspensionBlockers } from '../payments/payments.rules';
import { refuseMismatches } from '../register/identity-mismatch';
import type { RegisterPort } from '../register/register.port';
import type { BenefitCaseDoc, CaseTransition } from './benefit-case.model';
import { CaseState, StopCaseInput } from './case-state';
import { ALLOWED_ACTIONS, assertTransition, NEXT_STATUS, stopMonthAfterDeath, type CaseAction } from './workflow.rules';

const CASE_ID = /^(TCXH|HTXH)-[0-9A-F]{16}$/;

/** A case's state; the funeral support of a case stopped on death is the person's funeral-support item. */
function caseStateOf(doc: BenefitCaseDoc, funeral: FuneralSupportItemDoc | null = null): CaseState {
  const fromItem =
    doc.stopReason === 'DEATH' && funeral ? { deathDate: funeral.deathDate, amount: funeral.amount, recordedOn: funeral.preparedOn } : null;
  return Object.assign(new CaseState(), {
    caseId: doc.caseId,
    kind: doc.kind,
    citizenId: doc.citizenId,
    status: doc.status,
    suspendedFrom: doc.suspendedFrom ?? null,
    stopMonth: doc.stopMonth ?? null,
    stopReason: doc.stopReason ?? null,
    funeralSupport: doc.funeralSupport ?? fromItem,
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

/**
 * The case state machine: suspend (after N uncollected months), resume, stop (death: through
 * the register, as its death event). Each is idempotent by design: asking again for the state
 * a case is already in returns it and changes nothing (no second history entry).
 */
@Resolver()
export class CaseWorkflowResolver {
  private readonly models: Models;
  private readonly register: RegisterPort;
  constructor({ models, register }: SocialDeps) {
    this.models = models;
    this.register = register;
  }

  private async load(caseId: string): Promise<BenefitCaseDoc> {
    if (typeof caseId !== 'string' || !CASE_ID.test(caseId)) {
      throw new BadUserInputError({ vi: 'Mã hồ sơ không hợp lệ', en: 'Invalid case ID' }, { argument: 'caseId' });
    }
    const doc = await this.models.BenefitCase.findOne({ caseId }).lean<BenefitCaseDoc>();
    if (!doc) throw new NotFoundError({ vi: `Không có hồ sơ ${caseId}`, en: `No case ${caseId}` }, { caseId });
    return doc;
  }

  private async state(doc: BenefitCaseDoc): Promise<CaseState> {
    const funeral =
      doc.stopReason === 'DEATH' && !doc.funeralSupport
        ? await this.models.FuneralSupportItem.findOne({ _id: doc.citizenId }).lean<FuneralSupportItemDoc>()
        : null;
    return caseStateOf(doc, funeral);
  }

  /**
   * Applies `action` in a transaction: the case is read again inside it, so a case another
   * request moved first gives CONFLICT (or, racing, a write conflict that the transaction
   * retries and that then gives CONFLICT).
   */
  private transition(
    caseId: string,
    action: CaseAction,
    change: (doc: BenefitCaseDoc) => { set: Partial<BenefitCaseDoc>; entry: CaseTransition },
  ): Promise<BenefitCaseDoc> {
    return inTransaction(dbOf(this.models), async () => {
      const doc = await this.load(caseId);
      assertTransition(doc.caseId, doc.status, action);
      const { set, entry } = change(doc);
      await this.models.BenefitCase.updateOne(
        { caseId },
        { $set: { ...set, status: NEXT_STATUS[action] }, $push: { history: entry } },
        { runValidators: true },
      );
      return this.load(caseId);
    }).catch((err: unknown) => {
      if (!isDuplicateKeyError(err)) throw err;
      throw conflictWithAnotherCase(action, caseId);
    });
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => CaseState, {
    description:
      'Tạm dừng chi trả từ một tháng: chỉ khi hồ sơ ACTIVE và các tháng liền trước đều không nhận (3 tháng, theo bảng quy định); gọi lại cùng tháng: không đổi gì. / Suspend payment from a month: only an ACTIVE case whose preceding months (3, per the rule table) were all uncollected; the same call again changes nothing.',
  })
  async suspendCase(
    @Arg('caseId', () => ID, { description: 'Mã hồ sơ. / Case ID.' }) caseId: string,
    @Arg('fromMonth', () => MonthScalar, { description: 'Tạm dừng từ tháng. / First month not paid.' }) fromMonth: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseState> {
    const today = ctx.today;
    const doc = await this.load(caseId);
    if (doc.status === 'SUSPENDED' && doc.suspendedFrom === fromMonth) return this.state(doc);
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
    return this.state(
      await this.transition(doc.caseId, 'SUSPEND', () => ({
        set: { suspendedFrom: fromMonth },
        entry: { action: 'SUSPEND', month: fromMonth, on: today, note: null },
      })),
    );
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => CaseState, {
    description:
      'Chi trả lại hồ sơ đang tạm dừng từ một tháng; gọi lại cùng tháng: không đổi gì. / Resume a SUSPENDED case from a month; the same call again changes nothing.',
  })
  async resumeCase(
    @Arg('caseId', () => ID, { description: 'Mã hồ sơ. / Case ID.' }) caseId: string,
    @Arg('fromMonth', () => MonthScalar, { description: 'Chi trả lại từ tháng. / First month paid again.' }) fromMonth: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CaseState> {
    const today = ctx.today;
    const doc = await this.load(caseId);
    const last = doc.history?.[doc.history.length - 1];
    if (doc.status === 'ACTIVE' && last?.action === 'RESUME' && last.month === fromMonth) return this.state(doc);
    assertTransition(doc.caseId, doc.status, 'RESUME');
    monthArg(fromMonth, 'fromMonth', doc.suspendedFrom ?? doc.startMonth, today);
    return this.state(
      await this.transition(doc.caseId, 'RESUME', () => ({
        set: { suspendedFrom: null },
        entry: { action: 'RESUME', month: fromMonth, on: today, note: null },
      })),
    );
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => CaseState, {
    description:
      'Thôi hưởng; gọi lại với cùng lý do và tháng: không đổi gì. Khi chết (DEATH): ngày mất lấy từ sổ đăng ký (deathDate nhập vào chỉ để đối chiếu), mọi hồ sơ của người đó thôi từ tháng sau tháng mất, khoản chưa nhận của các tháng sau bị hủy, hỗ trợ mai táng được lập (ít nhất 20 lần mức chuẩn), như khi sổ đăng ký báo tin. / Stop a case; the same call again changes nothing. On DEATH the date of death comes from the register (a deathDate given is only compared): every case of the person stops from the month after death, uncollected later payments are cancelled and funeral support is prepared, as when the register reports the death.',
  })
  async stopCase(@Arg('input', () => StopCaseInput) input: StopCaseInput, @Ctx() ctx: RequestContext): Promise<CaseState> {
    const today = ctx.today;
    const doc = await this.load(input.caseId);
    if (input.reason === 'DEATH') return this.stopOnDeath(doc, input, ctx);
    if (!input.stopMonth)
      throw new BadUserInputError({ vi: 'Cần tháng thôi hưởng', en: 'stopMonth is required' }, { argument: 'input.stopMonth' });
    if (input.deathDate)
      throw new BadUserInputError(
        { vi: 'Ngày mất chỉ dùng với lý do DEATH', en: 'deathDate is only for DEATH' },
        { argument: 'input.deathDate' },
      );
    if (doc.status === 'STOPPED' && doc.stopReason === input.reason && doc.stopMonth === input.stopMonth) return this.state(doc);
    assertTransition(doc.caseId, doc.status, 'STOP');
    const stopMonth = monthArg(input.stopMonth, 'input.stopMonth', doc.startMonth, today);
    return this.state(
      await this.transition(doc.caseId, 'STOP', (d) => ({
        set: { stopMonth, stopReason: input.reason, suspendedFrom: null, openSlot: d.caseId },
        entry: { action: 'STOP', month: stopMonth, on: today, note: input.reason },
      })),
    );
  }

  /** stopCase(DEATH): the register's death applied to the person (death/apply-death.ts). */
  private async stopOnDeath(doc: BenefitCaseDoc, input: StopCaseInput, ctx: RequestContext): Promise<CaseState> {
    if (input.deathDate != null && !isIsoDate(input.deathDate)) {
      throw new BadUserInputError({ vi: 'Ngày mất không hợp lệ', en: 'Invalid deathDate' }, { argument: 'input.deathDate' });
    }
    const person = await this.register.identity(doc.citizenId, ctx.requestId);
    if (!person) {
      throw new NotFoundError(
        { vi: 'Sổ đăng ký không có người này', en: 'The register does not know this person' },
        { citizenId: doc.citizenId, reason: 'NOT_IN_REGISTER' },
      );
    }
    const deathDate = person.deathDate;
    if (!deathDate) {
      refuse(
        [
          {
            field: 'input.reason',
            vi: 'Sổ đăng ký chưa ghi người này đã mất: hãy ghi nhận việc mất tại Sở Nội vụ trước',
            en: 'The register records no death for this person: record the death in the register (home affairs) first',
          },
        ],
        { reason: 'NOT_DECEASED' },
      );
    }
    if (input.deathDate != null && input.deathDate !== deathDate) {
      refuseMismatches([{ field: 'input.deathDate', given: input.deathDate, register: deathDate }]);
    }
    const expected = stopMonthAfterDeath(deathDate) < doc.startMonth ? doc.startMonth : stopMonthAfterDeath(deathDate);
    if (input.stopMonth && input.stopMonth !== expected) {
      throw new BadUserInputError(
        {
          vi: `Khi chết, thôi hưởng từ ${expected} (tháng sau tháng mất)`,
          en: `On death the case stops from ${expected}, the month after death`,
        },
        { argument: 'input.stopMonth' },
      );
    }
    if (doc.status === 'STOPPED' && doc.stopReason === 'DEATH') return this.state(doc);
    assertTransition(doc.caseId, doc.status, 'STOP');
    try {
      await applyDeathOnce(this.models, { citizenId: doc.citizenId, deathDate, today: ctx.today, source: 'STOP_CASE' });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      throw conflictWithAnotherCase('STOP', doc.caseId);
    }
    return this.state(await this.load(doc.caseId));
  }
}

function conflictWithAnotherCase(action: CaseAction, caseId: string): ConflictError {
  return new ConflictError(
    {
      vi: `Không thể ${action} hồ sơ ${caseId}: xung đột với một hồ sơ khác; không thay đổi gì`,
      en: `Cannot ${action} case ${caseId}: it conflicts with another case; nothing was changed`,
    },
    { caseId },
  );
}

import { Arg, Ctx, Field, Float, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { BadUserInputError, ConflictError, NotFoundError } from '@nct/errors';
import { Access, citizenIdArg, inTransaction, MonthScalar, RequestContext, scopedCommune } from '@nct/subgraph-kit';
import { monthOf, addMonths } from '@nct/dates';
import { ALLOWANCE_FIRST_MONTH } from '../allowance/allowance.rules';
import { dbOf, type Models } from '../models';
import type { SocialDeps } from '../deps';
import type { RegisterPort } from '../register/register.port';
import { MonthlyPayment } from './monthly-payment';
import { paymentIdFor, type MonthlyPaymentDoc } from './monthly-payment.model';
import { runPaymentsOnce } from './payment-run';
import type { PaymentView } from './payments.rules';

@ObjectType({ description: 'Kết quả lập danh sách chi trả một tháng. / Result of a monthly payment run.' })
export class PaymentRunReport {
  @Field({ description: 'Xã/phường. / Commune.' })
  communeCode!: string;

  @Field(() => MonthScalar, { description: 'Tháng. / Month.' })
  month!: string;

  @Field(() => Int, { description: 'Khoản mới lập. / Payments created.' })
  created!: number;

  @Field(() => Int, { description: 'Khoản đã có (chạy lại không đổi gì). / Already present (a re-run changes nothing).' })
  alreadyPresent!: number;

  @Field(() => [ID], {
    description:
      'Hồ sơ không chi: không tính được số tiền (ví dụ 5a thiếu ngày sinh) hoặc chế độ BHXH loại trừ. / Cases not paid: the amount cannot be computed, or a benefit on record excludes it.',
  })
  skippedCases!: string[];

  @Field(() => [ID], {
    description:
      'Hồ sơ thôi hưởng trong lần chạy này vì sổ đăng ký ghi người hưởng đã mất (không chi tháng sau tháng mất). / Cases stopped by this run because the register records a death (nothing paid after the month of death).',
  })
  stoppedForDeath!: string[];

  @Field(() => [ID], {
    description:
      'Hồ sơ không chi vì sổ đăng ký không có người này (không kiểm tra được). / Cases not paid because the register does not know the person.',
  })
  notInRegister!: string[];
}

@ObjectType({ description: 'Tổng của danh sách chi trả. / Payroll totals.' })
export class PayrollTotals {
  @Field(() => Int, { description: 'Số người. / People.' })
  people!: number;

  @Field(() => Float, { description: 'Tổng tiền (đồng, số nguyên). / Total in whole VND (a Float: sums can exceed 32-bit Int).' })
  amount!: number;

  @Field(() => Int, { description: 'Đã nhận. / Collected.' })
  collected!: number;

  @Field(() => Int, { description: 'Không nhận. / Uncollected.' })
  uncollected!: number;

  @Field(() => Int, { description: 'Chưa ghi nhận. / Pending.' })
  pending!: number;

  @Field(() => Int, {
    description:
      'Đã hủy (người hưởng mất trước tháng này); không tính vào tổng tiền. / Cancelled (died before the month); not in the amounts.',
  })
  cancelled!: number;

  @Field(() => Int, { description: 'Tiền trợ cấp xã hội (đồng). / Allowance VND.' })
  allowanceAmount!: number;

  @Field(() => Int, { description: 'Tiền hưu trí xã hội (đồng). / Social pension VND.' })
  socialPensionAmount!: number;
}

@ObjectType({ description: 'Danh sách chi trả của một xã trong một tháng. / A commune’s payroll for a month.' })
export class Payroll {
  @Field({ description: 'Xã/phường. / Commune.' })
  communeCode!: string;

  @Field(() => MonthScalar, { description: 'Tháng. / Month.' })
  month!: string;

  @Field(() => [MonthlyPayment], { description: 'Các dòng, theo số định danh. / Lines, by citizen ID.' })
  lines!: PaymentView[];

  @Field(() => PayrollTotals, { description: 'Tổng. / Totals.' })
  totals!: PayrollTotals;
}

function paymentView(p: MonthlyPaymentDoc): PaymentView {
  return {
    citizenId: p.citizenId,
    month: p.month,
    caseId: p.caseId,
    kind: p.kind,
    amount: p.amount,
    status: p.status,
    communeCode: p.communeCode,
  };
}

function communeArg(code: string, argument = 'communeCode'): string {
  if (typeof code !== 'string' || !/^\d{5}$/.test(code)) {
    throw new BadUserInputError({ vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' }, { argument });
  }
  return code;
}

function payMonthArg(month: string, today: string): string {
  const latest = addMonths(monthOf(today), 1);
  if (month < ALLOWANCE_FIRST_MONTH || month > latest) {
    throw new BadUserInputError(
      { vi: `Tháng phải từ ${ALLOWANCE_FIRST_MONTH} đến ${latest}`, en: `month must be from ${ALLOWANCE_FIRST_MONTH} to ${latest}` },
      { argument: 'month' },
    );
  }
  return month;
}

@Resolver()
export class PaymentsResolver {
  private readonly models: Models;
  private readonly register: RegisterPort;
  constructor({ models, register }: SocialDeps) {
    this.models = models;
    this.register = register;
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => PaymentRunReport, {
    description:
      'Lập các khoản chi của một xã cho một tháng: mỗi người một khoản (mức cao nhất); trước khi ghi, hỏi sổ đăng ký ngày mất của mọi người sẽ được chi (không chi tháng sau tháng mất, thôi hồ sơ); sổ đăng ký không trả lời thì không ghi gì (DEPENDENCY_UNAVAILABLE); chạy lại là không đổi gì. / Create a commune’s payments for a month, one per person (the highest entitlement); before writing, the register is asked for the deaths of everyone to be paid (nobody is paid after the month of death; their cases stop); without an answer nothing is written (DEPENDENCY_UNAVAILABLE); re-running is a no-op.',
  })
  async runMonthlyPayments(
    @Arg('communeCode', { description: 'Xã/phường (5 chữ số). / Commune.' }) communeCode: string,
    @Arg('month', () => MonthScalar, { description: 'Tháng. / Month.' }) month: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PaymentRunReport> {
    communeArg(communeCode);
    payMonthArg(month, ctx.today);
    const result = await runPaymentsOnce(this.models, this.register, { communeCode, month, today: ctx.today, requestId: ctx.requestId });
    if (result.suspended.length)
      ctx.logger.info({ communeCode, month, suspended: result.suspended }, 'payment run suspended cases after uncollected months');
    if (result.stoppedForDeath.length || result.notInRegister.length)
      ctx.logger.info(
        { communeCode, month, stoppedForDeath: result.stoppedForDeath, notInRegister: result.notInRegister },
        'payment run: deaths applied and people not in the register left unpaid',
      );
    return Object.assign(new PaymentRunReport(), {
      communeCode,
      month,
      created: result.created,
      alreadyPresent: result.alreadyPresent,
      skippedCases: result.skipped,
      stoppedForDeath: result.stoppedForDeath,
      notInRegister: result.notInRegister,
    });
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => MonthlyPayment, {
    description:
      'Ghi nhận đã nhận / không nhận tiền của một tháng; ghi lại cùng giá trị: không đổi gì; khoản đã hủy (người hưởng đã mất) bị từ chối. / Record whether a month’s payment was collected; the same value again changes nothing; a cancelled payment (the beneficiary died) is refused.',
  })
  async recordPaymentCollection(
    @Arg('citizenId', () => ID, { description: 'Số định danh cá nhân. / Citizen ID.' }) citizenIdInput: string,
    @Arg('month', () => MonthScalar, { description: 'Tháng. / Month.' }) month: string,
    @Arg('collected', { description: 'true: đã nhận; false: không nhận. / Collected or not.' }) collected: boolean,
  ): Promise<MonthlyPaymentDoc> {
    const citizenId = citizenIdArg(citizenIdInput);
    const _id = paymentIdFor(citizenId, month);
    const status = collected ? 'COLLECTED' : 'UNCOLLECTED';
    const notFound = () =>
      new NotFoundError(
        { vi: `Không có khoản chi tháng ${month} cho người này`, en: `No payment for ${month} to this person` },
        { citizenId, month },
      );
    const cancelled = (current: MonthlyPaymentDoc) =>
      new ConflictError(
        {
          vi: `Khoản chi tháng ${month} đã bị hủy (người hưởng mất trước tháng này); không thay đổi gì`,
          en: `The payment for ${month} was cancelled (the beneficiary died before that month); nothing was changed`,
        },
        { citizenId, month, status: current.status, reason: 'PAYMENT_CANCELLED' },
      );
    // In a transaction: a cancellation (a death) committed in between makes it conflict and retry.
    return inTransaction(dbOf(this.models), async () => {
      const before = await this.models.MonthlyPayment.findOne({ _id }).lean<MonthlyPaymentDoc>();
      if (!before) throw notFound();
      if (before.status === 'CANCELLED') throw cancelled(before);
      if (before.status === status) return before;
      await this.models.MonthlyPayment.updateOne({ _id }, { $set: { status } });
      return { ...before, status };
    });
  }

  @Access('SOCIAL_DATA')
  @Query(() => Payroll, { description: 'Danh sách chi trả của một xã trong một tháng. / A commune’s payroll for a month.' })
  async payroll(
    @Arg('communeCode', { description: 'Xã/phường (5 chữ số). / Commune.' }) communeCode: string,
    @Arg('month', () => MonthScalar, { description: 'Tháng. / Month.' }) month: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Payroll> {
    communeArg(communeCode);
    scopedCommune(ctx, communeCode);
    // One equality query on the {communeCode, month} index: a commune's month is a few thousand lines at most.
    const docs = await this.models.MonthlyPayment.find({ communeCode, month }).lean<MonthlyPaymentDoc[]>();
    const lines = docs.map(paymentView).sort((a, b) => (a.citizenId < b.citizenId ? -1 : 1));
    const sum = (f: (p: PaymentView) => boolean) => lines.filter((p) => p.status !== 'CANCELLED' && f(p)).reduce((s, p) => s + p.amount, 0);
    return Object.assign(new Payroll(), {
      communeCode,
      month,
      lines,
      totals: {
        people: lines.filter((p) => p.status !== 'CANCELLED').length,
        amount: sum(() => true),
        collected: lines.filter((p) => p.status === 'COLLECTED').length,
        uncollected: lines.filter((p) => p.status === 'UNCOLLECTED').length,
        pending: lines.filter((p) => p.status === 'PENDING').length,
        cancelled: lines.filter((p) => p.status === 'CANCELLED').length,
        allowanceAmount: sum((p) => p.kind === 'ALLOWANCE'),
        socialPensionAmount: sum((p) => p.kind === 'SOCIAL_PENSION'),
      },
    });
  }
}

import { Arg, Ctx, Field, Float, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { BadUserInputError, NotFoundError } from '@nct/errors';
import { Access, citizenIdArg, MonthScalar, RequestContext, scopedCommune } from '@nct/subgraph-kit';
import { monthOf, addMonths } from '@nct/dates';
import { ALLOWANCE_FIRST_MONTH } from '../allowance/allowance.rules';
import type { Models } from '../models';
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

  @Field(() => [ID], { description: 'Hồ sơ không tính được số tiền (ví dụ 5a thiếu ngày sinh). / Cases whose amount cannot be computed.' })
  skippedCases!: string[];
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
  constructor(private readonly models: Models) {}

  @Access('SOCIAL_WRITE')
  @Mutation(() => PaymentRunReport, {
    description:
      'Lập các khoản chi của một xã cho một tháng: mỗi người một khoản (mức cao nhất); chạy lại là không đổi gì (chỉ mục duy nhất người + tháng). / Create a commune’s payments for a month, one per person (the highest entitlement); re-running is a no-op.',
  })
  async runMonthlyPayments(
    @Arg('communeCode', { description: 'Xã/phường (5 chữ số). / Commune.' }) communeCode: string,
    @Arg('month', () => MonthScalar, { description: 'Tháng. / Month.' }) month: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PaymentRunReport> {
    communeArg(communeCode);
    payMonthArg(month, ctx.today);
    const result = await runPaymentsOnce(this.models, communeCode, month, ctx.today);
    if (result.suspended.length)
      ctx.logger.info({ communeCode, month, suspended: result.suspended }, 'payment run suspended cases after uncollected months');
    return Object.assign(new PaymentRunReport(), {
      communeCode,
      month,
      created: result.created,
      alreadyPresent: result.alreadyPresent,
      skippedCases: result.skipped,
    });
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => MonthlyPayment, {
    description: 'Ghi nhận đã nhận / không nhận tiền của một tháng. / Record whether a month’s payment was collected.',
  })
  async recordPaymentCollection(
    @Arg('citizenId', () => ID, { description: 'Số định danh cá nhân. / Citizen ID.' }) citizenIdInput: string,
    @Arg('month', () => MonthScalar, { description: 'Tháng. / Month.' }) month: string,
    @Arg('collected', { description: 'true: đã nhận; false: không nhận. / Collected or not.' }) collected: boolean,
  ): Promise<MonthlyPaymentDoc> {
    const citizenId = citizenIdArg(citizenIdInput);
    const _id = paymentIdFor(citizenId, month);
    const status = collected ? 'COLLECTED' : 'UNCOLLECTED';
    const res = await this.models.MonthlyPayment.updateOne({ _id }, { $set: { status } });
    if (res.matchedCount === 0)
      throw new NotFoundError(
        { vi: `Không có khoản chi tháng ${month} cho người này`, en: `No payment for ${month} to this person` },
        { citizenId, month },
      );
    return (await this.models.MonthlyPayment.findOne({ _id }).lean<MonthlyPaymentDoc>())!;
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
    const sum = (f: (p: PaymentView) => boolean) => lines.filter(f).reduce((s, p) => s + p.amount, 0);
    return Object.assign(new Payroll(), {
      communeCode,
      month,
      lines,
      totals: {
        people: lines.length,
        amount: sum(() => true),
        collected: lines.filter((p) => p.status === 'COLLECTED').length,
        uncollected: lines.filter((p) => p.status === 'UNCOLLECTED').length,
        pending: lines.filter((p) => p.status === 'PENDING').length,
        allowanceAmount: sum((p) => p.kind === 'ALLOWANCE'),
        socialPensionAmount: sum((p) => p.kind === 'SOCIAL_PENSION'),
      },
    });
  }
}

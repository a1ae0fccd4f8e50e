import { Arg, Ctx, Field, Float, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { BadUserInputError, isDuplicateKeyError, NotFoundError } from '@nct/errors';
import { Access, citizenIdArg, MonthScalar, monthOf, RequestContext, scopedCommune, todayInVietnam } from '@nct/subgraph-kit';
import { ALLOWANCE_FIRST_MONTH } from '../allowance/allowance.rules';
import type { BenefitCaseDoc } from '../cases/benefit-case.model';
import { addMonths } from '../cases/cases.rules';
import { refreshSocialDigest } from '../dashboards/social.digest';
import type { Models } from '../models';
import { MonthlyPayment } from './monthly-payment';
import { paymentIdFor, type MonthlyPaymentDoc } from './monthly-payment.model';
import { expandRanges, payableCase, type PaymentView } from './payments.rules';

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

function communeArg(code: string, argument = 'communeCode'): string {
  if (typeof code !== 'string' || !/^\d{5}$/.test(code)) {
    throw new BadUserInputError({ vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' }, { argument });
  }
  return code;
}

function payMonthArg(month: string, today: string): string {
  const latest = addMonths(monthOf(today), 1);
  if (month < ALLOWANCE_FIRST_MONTH || month > latest) {
    throw new BadUserInputError({ vi: `Tháng phải từ ${ALLOWANCE_FIRST_MONTH} đến ${latest}`, en: `month must be from ${ALLOWANCE_FIRST_MONTH} to ${latest}` }, { argument: 'month' });
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
  ): Promise<PaymentRunReport> {
    communeArg(communeCode);
    payMonthArg(month, todayInVietnam());
    const cases = await this.models.BenefitCase.find({ communeCode }).lean<BenefitCaseDoc[]>();
    const byPerson = new Map<string, BenefitCaseDoc[]>();
    for (const c of cases) byPerson.set(c.citizenId, [...(byPerson.get(c.citizenId) ?? []), c]);
    const existing = new Set((await this.models.MonthlyPayment.find({ communeCode, month }).select({ _id: 1 }).lean<Array<{ _id: string }>>()).map((p) => p._id));
    const toInsert: MonthlyPaymentDoc[] = [];
    const skipped: string[] = [];
    let alreadyPresent = 0;
    for (const [citizenId, list] of [...byPerson].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const pay = payableCase(list, month);
      if (!pay) {
        skipped.push(...list.filter((c) => c.status === 'ACTIVE' && c.kind === 'ALLOWANCE' && c.startMonth <= month && !c.decisionFacts?.birthDate && c.group === 'A5A').map((c) => c.caseId));
        continue;
      }
      const _id = paymentIdFor(citizenId, month);
      if (existing.has(_id)) {
        alreadyPresent++;
        continue;
      }
      toInsert.push({ _id, citizenId, month, caseId: pay.c.caseId, kind: pay.c.kind, amount: pay.amount, communeCode, status: 'PENDING' });
    }
    let created = toInsert.length;
    if (toInsert.length) {
      try {
        await this.models.MonthlyPayment.insertMany(toInsert, { ordered: false });
      } catch (err) {
        if (!isDuplicateKeyError(err) && !(err as { writeErrors?: unknown[] }).writeErrors) throw err;
        // A concurrent run (or a payment made in another commune) got there first: count what is ours.
        const inserted = (err as { insertedDocs?: unknown[] }).insertedDocs?.length ?? 0;
        alreadyPresent += created - inserted;
        created = inserted;
      }
      await refreshSocialDigest(this.models, toInsert.map((p) => p.citizenId));
    }
    return Object.assign(new PaymentRunReport(), { communeCode, month, created, alreadyPresent, skippedCases: skipped });
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => MonthlyPayment, { description: 'Ghi nhận đã nhận / không nhận tiền của một tháng. / Record whether a month’s payment was collected.' })
  async recordPaymentCollection(
    @Arg('citizenId', () => ID, { description: 'Số định danh cá nhân. / Citizen ID.' }) citizenIdInput: string,
    @Arg('month', () => MonthScalar, { description: 'Tháng. / Month.' }) month: string,
    @Arg('collected', { description: 'true: đã nhận; false: không nhận. / Collected or not.' }) collected: boolean,
  ): Promise<MonthlyPaymentDoc> {
    const citizenId = citizenIdArg(citizenIdInput);
    const _id = paymentIdFor(citizenId, month);
    const status = collected ? 'COLLECTED' : 'UNCOLLECTED';
    const res = await this.models.MonthlyPayment.updateOne({ _id }, { $set: { status } });
    if (res.matchedCount === 0) throw new NotFoundError({ vi: `Không có khoản chi tháng ${month} cho người này`, en: `No payment for ${month} to this person` }, { citizenId, month });
    await refreshSocialDigest(this.models, [citizenId]);
    return (await this.models.MonthlyPayment.findOne({ _id }).lean<MonthlyPaymentDoc>())!;
  }

  @Access('SOCIAL_DATA')
  @Query(() => Payroll, { description: 'Danh sách chi trả của một xã trong một tháng (từ bản tổng hợp). / A commune’s payroll for a month, from the digest.' })
  async payroll(
    @Arg('communeCode', { description: 'Xã/phường (5 chữ số). / Commune.' }) communeCode: string,
    @Arg('month', () => MonthScalar, { description: 'Tháng. / Month.' }) month: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Payroll> {
    communeArg(communeCode);
    scopedCommune(ctx, communeCode);
    const rows = (await this.models.socialDigest.read([communeCode])).get(communeCode) ?? [];
    const lines = rows
      .flatMap((r) => expandRanges(r.citizenId, r.payments, (m) => m === month))
      .filter((p) => p.communeCode === communeCode)
      .sort((a, b) => (a.citizenId < b.citizenId ? -1 : 1));
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

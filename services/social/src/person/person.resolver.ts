import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { trusted } from '@nct/db';
import { Access, assertInScope, byKey, dateArg, DateScalar, loader, RequestContext } from '@nct/subgraph-kit';
import { findInChunks } from '../batch';
import { AllowanceCase } from '../allowance/allowance-case';
import { allowanceCaseView, AllowanceCaseView } from '../allowance/allowance.rules';
import { AllowanceEligibility } from '../allowance/eligibility';
import { eligibilityFacts, evaluateEligibility, type Eligibility } from '../allowance/eligibility.rules';
import { casesByCitizenLoader } from '../cases/benefit-case.queries';
import { currentCase } from '../cases/cases.rules';
import { FuneralSupportItem } from '../death/death';
import { funeralItemView } from '../death/apply-death';
import type { FuneralSupportItemDoc } from '../death/funeral-support-item.model';
import { SocialCoverage } from '../dashboards/coverage';
import { coverageFrom, paymentsAfterDeathFrom, paymentsAfterRecordedStopFrom, type Coverage } from '../dashboards/coverage.rules';
import { recordsByCitizenLoader, socialRowLoader } from '../dashboards/social-rows.loader';
import type { Models } from '../models';
import type { SocialDeps } from '../deps';
import { MonthlyPayment } from '../payments/monthly-payment';
import { expandRanges, type PaymentView } from '../payments/payments.rules';
import { SocialPensionCase } from '../pension/social-pension-case';
import { socialPensionCaseView, SocialPensionCaseView } from '../pension/pension.rules';
import { SocialRecord, socialRecordView } from '../records/social-record';
import { residenceOn, type ResidencePeriod } from '../register/residence.rules';
import { Person, type PersonRef } from './person';

/** The social subgraph's fields on `Person` (owned by homeaffairs). */
@Resolver(() => Person)
export class PersonBenefitsResolver {
  private readonly models: Models;
  constructor({ models }: SocialDeps) {
    this.models = models;
  }

  @Access('SOCIAL_DATA')
  @FieldResolver(() => AllowanceCase, {
    nullable: true,
    description:
      'Hồ sơ trợ cấp xã hội hằng tháng hiện tại (đang hưởng/tạm dừng, nếu không thì hồ sơ thôi gần nhất); hệ số nhóm A5A tính theo tuổi từ sổ đăng ký. / Current monthly allowance case (active or suspended, else the latest stopped); the A5A coefficient uses the age from the register.',
  })
  @Directive('@requires(fields: "birthDate")')
  async monthlyAllowance(@Root() person: PersonRef, @Ctx() ctx: RequestContext): Promise<AllowanceCaseView | null> {
    const cases = await casesByCitizenLoader(this.models, ctx).load(person.citizenId);
    const current = currentCase(cases.filter((c) => c.kind === 'ALLOWANCE'));
    return current && allowanceCaseView(current, person.birthDate, ctx.today);
  }

  @Access('SOCIAL_DATA')
  @FieldResolver(() => SocialPensionCase, {
    nullable: true,
    description:
      'Hồ sơ trợ cấp hưu trí xã hội hiện tại (đang hưởng/tạm dừng, nếu không thì hồ sơ thôi gần nhất). / Current social pension case (active or suspended, else the latest stopped).',
  })
  async socialPension(@Root() person: PersonRef, @Ctx() ctx: RequestContext): Promise<SocialPensionCaseView | null> {
    const cases = await casesByCitizenLoader(this.models, ctx).load(person.citizenId);
    const current = currentCase(cases.filter((c) => c.kind === 'SOCIAL_PENSION'));
    return current && socialPensionCaseView(current, ctx.today);
  }

  @Access('SOCIAL_DATA')
  @FieldResolver(() => AllowanceEligibility, {
    nullable: true,
    description:
      'Xét hưởng tại một ngày (mặc định hôm nay): nhóm 5a-5d, khuyết tật, trợ cấp hưu trí xã hội; chỉ hưởng mức cao nhất. Danh tính (ngày sinh, ngày mất, nơi cư trú và vùng ĐBKK tại ngày xét) lấy từ sổ đăng ký; lương hưu/BHXH tại ngày xét. / Eligibility on a date (default today) with reasons and every entitlement considered; identity, the residence and its disadvantaged status on that date from the register; pensions in force on that date.',
  })
  @Directive(
    '@requires(fields: "birthDate deathDate residenceHistory { communeCode villageCode from to disadvantaged { from to level legalAct } }")',
  )
  async allowanceEligibility(
    @Root() person: PersonRef,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Ngày xét (mặc định hôm nay). / Date, default today.' })
    asOf?: string | null,
  ): Promise<Eligibility> {
    const date = dateArg(asOf, 'asOf', ctx.today, 'Ngày xét');
    const current = person.residenceHistory
      ? (residenceOn(person.residenceHistory, ctx.today) ?? latestResidence(person.residenceHistory))
      : null;
    if (current) assertInScope(ctx, current.communeCode);
    const record = await recordsByCitizenLoader(this.models, ctx).load(person.citizenId);
    return evaluateEligibility(eligibilityFacts(person, record), date);
  }

  @Access('SOCIAL_DATA')
  @FieldResolver(() => SocialCoverage, {
    nullable: true,
    description:
      'Bao phủ trợ giúp xã hội tại một ngày (mặc định hôm nay): lương hưu/BHXH, trợ cấp xã hội, hưu trí xã hội, hộ nghèo. / Social coverage on a date (default today): pension or social insurance, allowance, social pension, poverty.',
  })
  async socialCoverage(
    @Root() person: PersonRef,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Ngày xét (mặc định hôm nay). / Date, default today.' })
    asOf?: string | null,
  ): Promise<Coverage> {
    const date = dateArg(asOf, 'asOf', ctx.today, 'Ngày xét');
    return coverageFrom(await socialRowLoader(this.models, ctx).load(person.citizenId), date);
  }

  @Access('SOCIAL_DATA')
  @FieldResolver(() => [MonthlyPayment], {
    nullable: true,
    description:
      'Các khoản đã chi cho tháng sau tháng mất (ngày mất theo sổ đăng ký): trợ cấp còn chi sau khi chết. / Payments for months after the month of death recorded in the register.',
  })
  @Directive('@requires(fields: "deathDate")')
  async paymentsAfterDeath(@Root() person: PersonRef, @Ctx() ctx: RequestContext): Promise<PaymentView[]> {
    return paymentsAfterDeathFrom(
      await socialRowLoader(this.models, ctx).load(person.citizenId),
      person.citizenId,
      person.deathDate ?? null,
    );
  }

  @Access('SOCIAL_DATA')
  @FieldResolver(() => [MonthlyPayment], {
    nullable: true,
    description:
      'Các khoản đã chi từ tháng thôi hưởng ghi trên hồ sơ trở đi (kiểm tra nội bộ). / Payments for months at or after the stop month recorded on the case.',
  })
  async paymentsAfterRecordedStop(@Root() person: PersonRef, @Ctx() ctx: RequestContext): Promise<PaymentView[]> {
    return paymentsAfterRecordedStopFrom(await socialRowLoader(this.models, ctx).load(person.citizenId), person.citizenId);
  }

  @Access('SOCIAL_DATA')
  @FieldResolver(() => [MonthlyPayment], { nullable: true, description: 'Lịch sử chi trả theo tháng. / Payment history by month.' })
  async paymentHistory(@Root() person: PersonRef, @Ctx() ctx: RequestContext): Promise<PaymentView[]> {
    const row = await socialRowLoader(this.models, ctx).load(person.citizenId);
    return row ? expandRanges(person.citizenId, row.payments, () => true) : [];
  }

  @Access('SOCIAL_DATA')
  @FieldResolver(() => SocialRecord, {
    nullable: true,
    description: 'Hồ sơ hoàn cảnh của Sở (hộ nghèo theo năm, lương hưu/BHXH, khuyết tật). / The department’s record of circumstances.',
  })
  async socialRecord(@Root() person: PersonRef, @Ctx() ctx: RequestContext): Promise<SocialRecord | null> {
    const record = await recordsByCitizenLoader(this.models, ctx).load(person.citizenId);
    return record && socialRecordView(record);
  }

  @Access('SOCIAL_DATA')
  @FieldResolver(() => FuneralSupportItem, {
    nullable: true,
    description:
      'Hỗ trợ mai táng đã lập khi người này mất (theo sổ đăng ký). / Funeral support prepared when this person died (per the register).',
  })
  async funeralSupport(@Root() person: PersonRef, @Ctx() ctx: RequestContext): Promise<FuneralSupportItem | null> {
    const item = await funeralItemLoader(this.models, ctx).load(person.citizenId);
    return item && funeralItemView(item);
  }
}

/** The funeral-support items of the people in one request: one `_id $in` query per batch. */
function funeralItemLoader(models: Models, ctx: RequestContext) {
  return loader<string, FuneralSupportItemDoc | null>(ctx, 'funeral-items-by-citizen', async (ids) =>
    byKey(
      ids,
      await findInChunks(ids, (chunk) => models.FuneralSupportItem.find({ _id: trusted({ $in: chunk }) }).lean<FuneralSupportItemDoc[]>()),
      (d) => d._id,
    ),
  );
}

/** The residence that started last (for the scope of a person with no residence today). */
function latestResidence(history: readonly ResidencePeriod[]): ResidencePeriod | null {
  return history.reduce<ResidencePeriod | null>((best, p) => (!best || p.from > best.from ? p : best), null);
}

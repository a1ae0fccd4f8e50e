import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Access, DateScalar, type RequestContext } from '@nct/subgraph-kit';
import { refuseWithCodes } from '@nct/rules';
import type { Models } from '../models';
import { HealthCheck } from '../checks/health-check';
import type { HealthCheckDoc } from '../checks/health-check.model';
import { personChecksLoader } from '../checks/health-check.loaders';
import { ChronicCondition } from '../chronic/chronic-condition';
import type { ChronicConditionDoc } from '../chronic/chronic-condition.model';
import { chronicConditionsLoader } from '../chronic/chronic-condition.loaders';
import { FIRST_COVERAGE_YEAR } from '../coverage/coverage.rules';
import { healthCheckDue, homeVisitedIn, insuranceCardValidOn } from '../dashboards/follow-up.rules';
import { InsuranceCard } from '../insurance/insurance-card';
import type { InsuranceCardDoc } from '../insurance/insurance-card.model';
import { personCardsLoader } from '../insurance/insurance-card.loaders';
import { currentCard } from '../insurance/insurance-card.rules';
import { HealthRecord } from '../records/health-record';
import type { HealthRecordDoc } from '../records/health-record.model';
import { healthRecordLoader } from '../records/health-record.loaders';
import { visitDatesLoader } from '../visits/home-visit.loaders';
import { quarterProblems } from '../visits/visits.rules';
import { Person } from './person';

/**
 * The health department's fields on `Person`: one `$in` query per collection per request batch
 * (the fields that read the same collection share its loader).
 */
@Resolver(() => Person)
export class PersonHealthResolver {
  constructor(private readonly models: Models) {}

  @Access('HEALTH_RECORD')
  @FieldResolver(() => HealthRecord, {
    nullable: true,
    description: 'Hồ sơ theo dõi sức khỏe (null nếu chưa lập). / Health record, null when none.',
  })
  healthRecord(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<HealthRecordDoc | null> {
    return healthRecordLoader(this.models, ctx).load(person.citizenId);
  }

  @Access('HEALTH_CHECKS')
  @FieldResolver(() => HealthCheck, {
    nullable: true,
    description: 'Lần khám định kỳ gần nhất. / Most recent periodic check, null when none.',
  })
  async lastHealthCheck(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<HealthCheckDoc | null> {
    const checks = await personChecksLoader(this.models, ctx).load(person.citizenId);
    return checks[0] ?? null; // newest first
  }

  @Access('INSURANCE_CARD')
  @FieldResolver(() => InsuranceCard, {
    nullable: true,
    description:
      'Thẻ BHYT còn giá trị hôm nay, nếu không thì thẻ hết hạn gần nhất; null nếu chưa có thẻ. / The BHYT card valid today (Vietnam), else the most recently expired, null when none.',
  })
  async insuranceCard(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<InsuranceCardDoc | null> {
    return currentCard(await personCardsLoader(this.models, ctx).load(person.citizenId), ctx.today);
  }

  @Access('HEALTH_RECORD')
  @FieldResolver(() => [ChronicCondition], {
    nullable: true,
    description:
      'Bệnh mạn tính đã ghi nhận (dữ liệu nhạy cảm, chỉ nhân viên y tế; không bao giờ có mã HIV). / Recorded chronic conditions: sensitive, health staff only; never an HIV code.',
  })
  chronicConditions(@Root() person: Person, @Ctx() ctx: RequestContext): Promise<ChronicConditionDoc[]> {
    return chronicConditionsLoader(this.models, ctx).load(person.citizenId);
  }

  @Access('CARE_FOLLOW_UP')
  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Chưa được khám sức khỏe định kỳ lần nào trong năm (không tiết lộ kết quả). / True when no periodic check is recorded in that calendar year; reveals no result.',
  })
  async healthCheckDue(
    @Root() person: Person,
    @Arg('year', () => Int, { description: 'Năm (2015 đến năm sau). / Calendar year, 2015 to next year.' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    const max = Number(ctx.today.slice(0, 4)) + 1;
    if (!Number.isInteger(year) || year < FIRST_COVERAGE_YEAR || year > max) {
      refuseWithCodes([
        { field: 'year', vi: `Năm phải từ ${FIRST_COVERAGE_YEAR} đến ${max}`, en: `year must be ${FIRST_COVERAGE_YEAR} to ${max}` },
      ]);
    }
    return healthCheckDue(await personChecksLoader(this.models, ctx).load(person.citizenId), year);
  }

  @Access('CARE_FOLLOW_UP')
  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Có thẻ BHYT còn giá trị vào ngày (mặc định hôm nay; không tiết lộ mã thẻ). / Whether a BHYT card is valid on the date (default today); reveals no card data.',
  })
  async insuranceCardValid(
    @Root() person: Person,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Ngày (mặc định hôm nay). / Date, default today.' })
    asOf: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    return insuranceCardValidOn(await personCardsLoader(this.models, ctx).load(person.citizenId), asOf ?? ctx.today);
  }

  @Access('CARE_FOLLOW_UP')
  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Đã được thăm tại nhà ít nhất một lần trong quý (không tiết lộ nội dung). / Whether at least one home visit was made in the quarter; reveals no content.',
  })
  async homeVisitedInQuarter(
    @Root() person: Person,
    @Arg('quarter', () => String, { description: 'Quý dạng YYYY-Qn, ví dụ 2026-Q4. / Quarter as YYYY-Qn, e.g. 2026-Q4.' }) quarter: string,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    const problems = quarterProblems(quarter);
    if (problems.length) refuseWithCodes(problems);
    return homeVisitedIn(await visitDatesLoader(this.models, ctx).load(person.citizenId), quarter);
  }
}

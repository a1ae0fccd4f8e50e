import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '@nct/errors';
import { Access, assertInScope, DateScalar, RequestContext } from '@nct/subgraph-kit';
import { refuseWithCodes } from '@nct/rules';
import { pastDateProblems } from '../common/problems';
import type { Models } from '../models';
import { discloseSplit, splitByMembership } from './chronic-by-membership.rules';
import { ChronicManagementByMembership, ClubMemberCohort } from './club-member-cohort';
import { cohortPeople } from './cohort.loaders';

/** The access-log name of what health processed for the aggregate (`subgraph:Type.field`). */
const PROCESSED_AS = 'health:ClubMemberCohort.chronicDiseaseManagement';

/**
 * Q11: adds `chronicDiseaseManagement(asOf)` to the association's `ClubMemberCohort`. The
 * gateway sends the cohort's member list (`@requires(fields: "memberCitizenIds")`, an
 * `@inaccessible` field: never in the client API); health counts its own records and
 * conditions against it and answers figures only, small cells withheld. Nothing of the list is
 * stored, and nothing personal leaves health. Each person whose conditions were counted is
 * reported to the access log (`health:ClubMemberCohort.chronicDiseaseManagement`): their
 * health data was processed, as an aggregate, for the caller and purpose (STATISTICS).
 */
@Resolver(() => ClubMemberCohort)
export class ClubMemberCohortResolver {
  constructor(private readonly models: Models) {}

  @Access('AGGREGATE_PROCESSING')
  @Directive('@requires(fields: "memberCitizenIds")')
  @FieldResolver(() => ChronicManagementByMembership, {
    nullable: true,
    description:
      'Tỷ lệ quản lý bệnh mạn tính của hội viên câu lạc bộ so với người không tham gia, trong số người có hồ sơ sức khỏe ở phạm vi này (Q11); ô nhỏ bị ẩn; chỉ số liệu tổng hợp. / Chronic-disease management rate of club members against non-members, among the people whose health record the scope keeps (Q11); small cells withheld; figures only.',
  })
  async chronicDiseaseManagement(
    @Root() cohort: ClubMemberCohort,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Ngày tính (mặc định hôm nay). / Reference date, default today.' })
    asOf?: string | null,
  ): Promise<ChronicManagementByMembership> {
    const date = asOf ?? ctx.today;
    const problems = pastDateProblems(date, 'asOf', ctx.today);
    if (problems.length) refuseWithCodes(problems);
    if (!/^\d{2}(\d{3})?$/.test(cohort.scope)) {
      throw new BadUserInputError(
        { vi: 'Phạm vi là mã xã (5 chữ số) hoặc mã tỉnh (2 chữ số)', en: 'The scope is a commune (5 digits) or the province (2 digits)' },
        { argument: 'scope' },
      );
    }
    // A caller limited to a commune: that commune only (the association checks it too).
    assertInScope(ctx, cohort.scope);
    if (!cohort.memberCitizenIds) throw new Error('ClubMemberCohort.memberCitizenIds missing from the representation (@requires)');
    const split = splitByMembership(await cohortPeople(this.models, cohort.scope), new Set(cohort.memberCitizenIds), date);
    for (const citizenId of split.counted)
      ctx.access.reads.set(citizenId, new Set([...(ctx.access.reads.get(citizenId) ?? []), PROCESSED_AS]));
    return Object.assign(new ChronicManagementByMembership(), { scope: cohort.scope, asOf: date, ...discloseSplit(split) });
  }
}

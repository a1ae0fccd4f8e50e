import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { trusted } from '@nct/db';
import { BadUserInputError } from '@nct/errors';
import { Access, assertInScope, loader, RequestContext } from '@nct/subgraph-kit';
import type { ClubDoc } from '../clubs/club.model';
import { isCurrentMember, type ClubMemberDoc } from '../clubs/club-member.model';
import { provinceCode } from '../config/province';
import type { Models } from '../models';
import { ClubMemberCohort, isCohortScope } from './club-member-cohort';

/** The access-log name of the member list handed to another agency for an aggregate. */
const DISCLOSED_AS = 'association:ClubMemberCohort.memberCitizenIds';

interface CohortFacts {
  clubs: number;
  /** Current members (a membership not ended), each once, by citizen ID. */
  members: string[];
}

/**
 * A scope's clubs founded by today and their current members: the commune's clubs
 * (`clubs {communeCode, clubId}`) or every club (the province: the `{clubId}` index), then
 * their members (`club_members {clubId, citizenId}`, `$in` on the club IDs). Two reads.
 */
function cohortLoader(models: Models, ctx: RequestContext) {
  return loader<string, CohortFacts>(ctx, 'club-member-cohort', async (scopes) =>
    Promise.all(
      scopes.map(async (scope) => {
        const filter = /^\d{5}$/.test(scope) ? { communeCode: scope } : { clubId: trusted({ $gt: '' }) };
        const clubs = (
          await models.Club.find(filter, { _id: 0, clubId: 1, foundedOn: 1 }).lean<Array<Pick<ClubDoc, 'clubId' | 'foundedOn'>>>()
        ).filter((c) => c.foundedOn <= ctx.today);
        if (clubs.length === 0) return { clubs: 0, members: [] };
        const rows = await models.ClubMember.find(
          { clubId: trusted({ $in: clubs.map((c) => c.clubId) }) },
          { _id: 0, citizenId: 1, joinedOn: 1, endedOn: 1 },
        ).lean<Array<Pick<ClubMemberDoc, 'citizenId' | 'joinedOn' | 'endedOn'>>>();
        const members = [...new Set(rows.filter((m) => isCurrentMember(m) && m.joinedOn <= ctx.today).map((m) => m.citizenId))].sort();
        return { clubs: clubs.length, members };
      }),
    ),
  );
}

function scopeArg(scope: string): string {
  const province = provinceCode();
  if (typeof scope !== 'string' || !isCohortScope(scope, province)) {
    throw new BadUserInputError(
      {
        vi: `Phạm vi là mã xã (5 chữ số) hoặc mã tỉnh ${province}`,
        en: `The scope is a commune code (5 digits) or the province code ${province}`,
      },
      { argument: 'scope' },
    );
  }
  return scope;
}

/**
 * Q11, the association's half: the cohort of club members of a scope. Its figures identify
 * nobody (clubs, members); its member list goes only to the subgraph that `@requires` it and
 * is reported to the access log for each member (the membership was disclosed to another
 * agency, to be counted), under the rule AGGREGATE_PROCESSING (purpose STATISTICS).
 */
@Resolver(() => ClubMemberCohort)
export class ClubMemberCohortResolver {
  constructor(private readonly models: Models) {}

  @Access('AGGREGATES')
  @Query(() => ClubMemberCohort, {
    description:
      'Nhóm hội viên câu lạc bộ liên thế hệ của một xã hoặc của tỉnh, để lấy số liệu tổng hợp so với người không tham gia (Q11: chronicDiseaseManagement). Người bị giới hạn theo xã: chỉ xã của mình. / The club members of a commune or of the province, for aggregates against non-members (Q11: chronicDiseaseManagement). A commune-limited caller: their commune only.',
  })
  clubMemberCohort(
    @Arg('scope', () => String, {
      description: 'Mã xã (5 chữ số) hoặc mã tỉnh (2 chữ số). / Commune (5 digits) or province (2 digits) code.',
    })
    scope: string,
    @Ctx() ctx: RequestContext,
  ): ClubMemberCohort {
    const checked = scopeArg(scope);
    assertInScope(ctx, checked);
    return Object.assign(new ClubMemberCohort(), { scope: checked });
  }

  @Access('AGGREGATES')
  @FieldResolver(() => Int, { description: 'Số câu lạc bộ đã thành lập đến hôm nay. / Clubs founded by today.' })
  async clubCount(@Root() cohort: ClubMemberCohort, @Ctx() ctx: RequestContext): Promise<number> {
    return (await cohortLoader(this.models, ctx).load(scopeArg(cohort.scope))).clubs;
  }

  @Access('AGGREGATES')
  @FieldResolver(() => Int, {
    description: 'Số người đang tham gia ít nhất một câu lạc bộ (mỗi người một lần). / People currently in at least one club, each once.',
  })
  async memberCount(@Root() cohort: ClubMemberCohort, @Ctx() ctx: RequestContext): Promise<number> {
    return (await cohortLoader(this.models, ctx).load(scopeArg(cohort.scope))).members.length;
  }

  @Access('AGGREGATE_PROCESSING')
  @Directive('@inaccessible')
  @FieldResolver(() => [ID], {
    description:
      'Số định danh của hội viên hiện tại (không có trong API của máy khách: chỉ chuyển cho trường @requires của cơ quan khác để tính số liệu tổng hợp; ghi nhật ký truy cập). / Citizen IDs of the current members: not in the client API, only handed to another agency’s @requires field to be counted; written to the access log.',
  })
  async memberCitizenIds(@Root() cohort: ClubMemberCohort, @Ctx() ctx: RequestContext): Promise<string[]> {
    const scope = scopeArg(cohort.scope);
    assertInScope(ctx, scope);
    const { members } = await cohortLoader(this.models, ctx).load(scope);
    for (const citizenId of members) ctx.access.reads.set(citizenId, new Set([...(ctx.access.reads.get(citizenId) ?? []), DISCLOSED_AS]));
    return members;
  }
}

/** `ClubMemberCohort` representations: the key as sent (checked when a field is resolved). */
export const clubMemberCohortReference = {
  __resolveReference: (ref: { scope: string }): ClubMemberCohort => Object.assign(new ClubMemberCohort(), { scope: String(ref.scope) }),
};

import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';
import { trusted } from '@nct/db';
import { BadUserInputError } from '@nct/errors';
import { Access, assertInScope, pageRequest, RequestContext, scopedCommune, toConnection } from '@nct/subgraph-kit';
import { isIsoDate } from '@nct/dates';
import { communeCodeProblems, refuse } from '@nct/rules';
import { entriesByLedgerLoader, ledgerView, LedgerView } from '../funds/fund.loaders';
import { FundLedger } from '../funds/ledger';
import type { Models } from '../models';
import { Person } from '../person/person';
import { AdministrativeUnit } from '../units/administrative-unit';
import {
  Club,
  ClubActivity,
  ClubCompliance,
  ClubConnection,
  ClubFilter,
  ClubLoan,
  ClubMember,
  ClubMemberConnection,
  ClubMembership,
} from './club';
import type { ClubDoc } from './club.model';
import type { ClubActivityDoc } from './club-activity.model';
import type { ClubLoanDoc } from './club-loan.model';
import { isCurrentMember, type ClubMemberDoc } from './club-member.model';
import { clubFactsLoader, clubLoader, complianceOf, memberCountLoader, priorityMembersOfCommune } from './club.loaders';
import { CLUB_ID_PATTERN, elderlyPriorityMembers } from './clubs.rules';
import type { ClubComplianceResult } from './compliance.rules';

/** The reference date of a compliance question: `asOf`, or the request's date. */
function asOfArg(asOf: string | null | undefined, today: string): string {
  const date = asOf ?? today;
  if (!isIsoDate(date) || date < '2020-08-31') {
    refuse([
      {
        field: 'asOf',
        vi: 'Ngày tính phải từ 31/8/2020 (Quyết định 1336/QĐ-TTg)',
        en: 'asOf must be on or after 2020-08-31 (Decision 1336/QĐ-TTg)',
      },
    ]);
  }
  return date;
}

function clubIdArg(clubId: string, argument = 'clubId'): string {
  if (!CLUB_ID_PATTERN.test(clubId)) {
    throw new BadUserInputError({ vi: 'Mã câu lạc bộ có dạng CLB-xxxxx-nn', en: 'clubId must look like CLB-12345-01' }, { argument });
  }
  return clubId;
}

@ArgsType()
class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Số phần tử mỗi trang (1-100, mặc định 20). / Page size, 1-100, default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Con trỏ bắt đầu sau. / Start after this cursor.' })
  after?: string | null;
}

@ArgsType()
class ClubsArgs extends PageArgs {
  @Field(() => ClubFilter, { nullable: true, description: 'Bộ lọc. / Filter.' })
  filter?: ClubFilter | null;
}

/** Club queries and the fields of a club (compliance, board, loans, activities, funds, members). */
@Resolver(() => Club)
export class ClubResolver {
  constructor(private readonly models: Models) {}

  @Access('ORGANISATION')
  @Query(() => Club, { nullable: true, description: 'Một câu lạc bộ theo mã (null nếu không có). / One club by ID, null when unknown.' })
  async club(@Arg('clubId', () => ID) clubId: string, @Ctx() ctx: RequestContext): Promise<ClubDoc | null> {
    return clubLoader(this.models, ctx).load(clubIdArg(clubId));
  }

  @Access('ORGANISATION')
  @Query(() => ClubConnection, {
    description:
      'Danh sách câu lạc bộ, theo mã; lọc theo xã, theo chỉ tiêu thành phần (outsideTargets) và tỉ lệ vay vốn dưới 50% (belowLoanShare) tại ngày asOf. / Clubs by ID; filters by commune, composition targets and loan share on asOf.',
  })
  async clubs(@Args() { filter, first, after }: ClubsArgs, @Ctx() ctx: RequestContext): Promise<ClubConnection> {
    const page = pageRequest(first, after);
    const filterQuery: Record<string, unknown> = {};
    if (filter?.communeCode != null) {
      const badCode = communeCodeProblems(filter.communeCode);
      if (badCode.length) refuse(badCode);
      filterQuery.communeCode = filter.communeCode;
    }
    if (filter?.outsideTargets != null || filter?.belowLoanShare != null) {
      // Compliance needs every candidate club's facts: the clubs (by the `clubId` or
      // `{communeCode, clubId}` index), then four `$in` reads (clubFactsLoader), whatever their number.
      const asOf = asOfArg(filter.asOf, ctx.today);
      const all = await this.models.Club.find(filterQuery).sort({ clubId: 1 }).lean<ClubDoc[]>();
      const facts = await clubFactsLoader(this.models, ctx).loadMany(all.map((c) => c.clubId));
      const kept = all.filter((_, i) => {
        const f = facts[i];
        if (f instanceof Error) throw f;
        const c = complianceOf(f, asOf);
        const loanMet = c.checks.find((k) => k.target === 'LOAN_SHARE')?.met ?? false;
        return (
          (filter.outsideTargets == null || filter.outsideTargets === !c.compositionMet) &&
          (filter.belowLoanShare == null || filter.belowLoanShare === !loanMet)
        );
      });
      const rows = kept.filter((c) => page.afterKey === null || c.clubId > page.afterKey).slice(0, page.limit + 1);
      return Object.assign(
        toConnection(ClubConnection, rows, page.limit, (r) => r.clubId, filterQuery),
        { total: kept.length },
      );
    }
    const query = page.afterKey ? { ...filterQuery, clubId: trusted({ $gt: page.afterKey }) } : filterQuery;
    const rows = await this.models.Club.find(query)
      .sort({ clubId: 1 })
      .limit(page.limit + 1)
      .lean<ClubDoc[]>();
    return toConnection(ClubConnection, rows, page.limit, (r) => r.clubId, filterQuery);
  }

  @Access('ASSOCIATION_DATA')
  @Query(() => [Person], {
    description:
      "Thành viên ưu tiên là người cao tuổi (có trong sổ đăng ký) của các câu lạc bộ trong xã, theo số định danh. / Elderly priority members of the commune's clubs, by citizen ID.",
  })
  async clubPriorityMembers(@Arg('communeCode') communeCode: string, @Ctx() ctx: RequestContext): Promise<Person[]> {
    const badCode = communeCodeProblems(communeCode);
    if (badCode.length) refuse(badCode);
    const commune = scopedCommune(ctx, communeCode) as string;
    const members = await priorityMembersOfCommune(this.models, commune);
    return elderlyPriorityMembers(members, ctx.today).map((citizenId) => ({ citizenId }));
  }

  @Access('ORGANISATION')
  @FieldResolver(() => ClubCompliance, {
    description:
      "Mức đạt từng chỉ tiêu thành phần và hoạt động tại ngày asOf (mặc định hôm nay; kỳ 12 tháng đến ngày đó). / Each composition and operation target with the club's figure on asOf (default today; 12-month period).",
  })
  async compliance(
    @Root() club: ClubDoc,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Ngày tính. / Reference date.' }) asOf?: string | null,
  ): Promise<ClubComplianceResult> {
    return complianceOf(await clubFactsLoader(this.models, ctx).load(club.clubId), asOfArg(asOf, ctx.today));
  }

  @Access('ASSOCIATION_DATA')
  @FieldResolver(() => [ClubMember], {
    description: 'Ban chủ nhiệm (chủ nhiệm, phó chủ nhiệm). / Management board: chair and vice chairs.',
  })
  async board(@Root() club: ClubDoc, @Ctx() ctx: RequestContext): Promise<ClubMemberDoc[]> {
    assertInScope(ctx, club.communeCode);
    const { members } = await clubFactsLoader(this.models, ctx).load(club.clubId);
    const order = { CHAIR: 0, VICE_CHAIR: 1, MEMBER: 2 } as const;
    return members
      .filter((m) => m.role !== 'MEMBER' && isCurrentMember(m))
      .sort((a, b) => order[a.role] - order[b.role] || a.citizenId.localeCompare(b.citizenId));
  }

  @Access('ASSOCIATION_DATA')
  @FieldResolver(() => [ClubLoan], { description: 'Các khoản vay của thành viên, theo ngày. / Loans to members, by date.' })
  async loans(@Root() club: ClubDoc, @Ctx() ctx: RequestContext): Promise<ClubLoanDoc[]> {
    assertInScope(ctx, club.communeCode);
    const { loans } = await clubFactsLoader(this.models, ctx).load(club.clubId);
    return [...loans].sort((a, b) => a.date.localeCompare(b.date) || a.reference.localeCompare(b.reference));
  }

  @Access('ORGANISATION')
  @FieldResolver(() => [ClubActivity], {
    description: 'Hoạt động từ ngày from (mặc định 12 tháng trước), theo ngày. / Activities since from (default 12 months back), by date.',
  })
  async activities(
    @Root() club: ClubDoc,
    @Ctx() ctx: RequestContext,
    @Arg('from', () => DateScalar, { nullable: true, description: 'Từ ngày. / From this date.' }) from?: string | null,
  ): Promise<ClubActivityDoc[]> {
    const since = from ?? complianceOf({ members: [], loans: [], activities: [], fundEntries: [] }, ctx.today).periodFrom;
    const { activities } = await clubFactsLoader(this.models, ctx).load(club.clubId);
    return activities.filter((a) => a.date >= since).sort((a, b) => a.date.localeCompare(b.date) || a.reference.localeCompare(b.reference));
  }

  @Access('ORGANISATION')
  @FieldResolver(() => [FundLedger], {
    description: 'Quỹ phát triển sinh kế và quỹ hoạt động, với số dư. / Income-generation and activity funds with balances.',
  })
  async funds(@Root() club: ClubDoc, @Ctx() ctx: RequestContext): Promise<LedgerView[]> {
    const ids = [`${club.clubId}/INCOME_GENERATION`, `${club.clubId}/ACTIVITY`];
    const [income, activity] = await entriesByLedgerLoader(this.models, ctx).loadMany(ids);
    if (income instanceof Error) throw income;
    if (activity instanceof Error) throw activity;
    return [ledgerView(ids[0], 'CLUB_INCOME_GENERATION', club.clubId, income), ledgerView(ids[1], 'CLUB_ACTIVITY', club.clubId, activity)];
  }

  @Access('ORGANISATION')
  @FieldResolver(() => AdministrativeUnit)
  commune(@Root() club: ClubDoc): AdministrativeUnit {
    return { code: club.communeCode };
  }

  @Access('ORGANISATION')
  @FieldResolver(() => Int)
  async memberCount(@Root() club: ClubDoc, @Ctx() ctx: RequestContext): Promise<number> {
    return memberCountLoader(this.models, ctx).load(club.clubId);
  }

  @Access('ASSOCIATION_DATA')
  @FieldResolver(() => ClubMemberConnection, {
    description: 'Thành viên hiện tại, theo số định danh. / Current members, by citizen ID.',
  })
  async members(@Root() club: ClubDoc, @Args() { first, after }: PageArgs, @Ctx() ctx: RequestContext): Promise<ClubMemberConnection> {
    assertInScope(ctx, club.communeCode);
    const page = pageRequest(first, after);
    // Current members (an ended membership stays on record, in Person.clubs with its end date):
    // the `{clubId, citizenId}` index, then the null test in a second stage (the embedded server
    // plans a null test next to the key as a scan).
    const match = page.afterKey ? { clubId: club.clubId, citizenId: { $gt: page.afterKey } } : { clubId: club.clubId };
    const rows = await this.models.ClubMember.aggregate<ClubMemberDoc>([
      { $match: match },
      { $match: { endedOn: null } },
      { $sort: { citizenId: 1 } },
      { $limit: page.limit + 1 },
    ]);
    return toConnection(ClubMemberConnection, rows as unknown as ClubMember[], page.limit, (r) => r.citizenId);
  }
}

@Resolver(() => ClubConnection)
export class ClubConnectionResolver {
  constructor(private readonly models: Models) {}

  @Access('ORGANISATION')
  @FieldResolver(() => Int, { description: 'Tổng số câu lạc bộ khớp bộ lọc. / Number of clubs matching the filter.' })
  async totalCount(@Root() connection: ClubConnection & { total?: number }): Promise<number> {
    if (typeof connection.total === 'number') return connection.total;
    // Every club has a clubId: with no filter, count through the `clubId` index, not the collection.
    const filter =
      connection.filterQuery && Object.keys(connection.filterQuery).length ? connection.filterQuery : { clubId: trusted({ $gt: '' }) };
    return this.models.Club.countDocuments(filter);
  }
}

@Resolver(() => ClubMembership)
export class ClubMembershipResolver {
  constructor(private readonly models: Models) {}

  @FieldResolver(() => Club)
  async club(@Root() m: ClubMemberDoc, @Ctx() ctx: RequestContext): Promise<ClubDoc> {
    const club = await clubLoader(this.models, ctx).load(m.clubId);
    if (!club) throw new Error(`club member ${m.citizenId} points at unknown club ${m.clubId}`);
    return club;
  }
}

import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { trusted } from '@nct/db';
import { BadUserInputError, ConflictError, isDuplicateKeyError, NotFoundError } from '@nct/errors';
import { Access, assertInScope, groupByKey, loader, pageRequest, RequestContext, todayInVietnam, toConnection } from '@nct/subgraph-kit';
import { cleanText, refuse } from '../common/problems';
import type { Models } from '../models';
import { Person } from '../person/person';
import { AdministrativeUnit } from '../units/administrative-unit';
import {
  AddClubMemberInput,
  Club,
  ClubConnection,
  ClubFilter,
  ClubMember,
  ClubMemberConnection,
  ClubMembership,
} from './club';
import type { ClubDoc } from './club.model';
import { ClubMemberDoc, roleSlotOf } from './club-member.model';
import { CLUB_ID_PATTERN, clubMemberProblems } from './clubs.rules';

/** Clubs of one request by ID: one query per batch. */
export function clubLoader(models: Models, ctx: RequestContext) {
  return loader<string, ClubDoc | null>(ctx, 'club', async (ids) => {
    const docs = await models.Club.find({ clubId: trusted({ $in: [...ids] }) }).lean<ClubDoc[]>();
    const map = new Map(docs.map((d) => [d.clubId, d]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Club memberships of one request by person: one query per batch, in club ID order. */
export function clubMembershipsByPersonLoader(models: Models, ctx: RequestContext) {
  return loader<string, ClubMemberDoc[]>(ctx, 'club-members-by-person', async (ids) => {
    const docs = await models.ClubMember.find({ citizenId: trusted({ $in: [...ids] }) }).lean<ClubMemberDoc[]>();
    docs.sort((a, b) => a.clubId.localeCompare(b.clubId));
    return groupByKey(ids, docs, (d) => d.citizenId);
  });
}

/** Member counts of one request's clubs: one aggregation per batch. */
export function memberCountLoader(models: Models, ctx: RequestContext) {
  return loader<string, number>(ctx, 'club-member-count', async (ids) => {
    const rows = await models.ClubMember.aggregate<{ _id: string; n: number }>([
      { $match: { clubId: { $in: [...ids] } } },
      { $group: { _id: '$clubId', n: { $sum: 1 } } },
    ]);
    const map = new Map(rows.map((r) => [r._id, r.n]));
    return ids.map((id) => map.get(id) ?? 0);
  });
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

@Resolver(() => Club)
export class ClubResolver {
  constructor(private readonly models: Models) {}

  @Access('ORGANISATION')
  @Query(() => Club, { nullable: true, description: 'Một câu lạc bộ theo mã (null nếu không có). / One club by ID, null when unknown.' })
  async club(@Arg('clubId', () => ID) clubId: string, @Ctx() ctx: RequestContext): Promise<ClubDoc | null> {
    return clubLoader(this.models, ctx).load(clubIdArg(clubId));
  }

  @Access('ORGANISATION')
  @Query(() => ClubConnection, { description: 'Danh sách câu lạc bộ, theo mã. / Clubs, ordered by club ID.' })
  async clubs(@Args() { filter, first, after }: ClubsArgs): Promise<ClubConnection> {
    const page = pageRequest(first, after);
    const filterQuery: Record<string, unknown> = {};
    if (filter?.communeCode != null) {
      if (!/^\d{5}$/.test(filter.communeCode)) {
        refuse([{ field: 'communeCode', vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' }]);
      }
      filterQuery.communeCode = filter.communeCode;
    }
    const query = page.afterKey ? { ...filterQuery, clubId: trusted({ $gt: page.afterKey }) } : filterQuery;
    const rows = await this.models.Club.find(query).sort({ clubId: 1 }).limit(page.limit + 1).lean<ClubDoc[]>();
    return toConnection(ClubConnection, rows, page.limit, (r) => r.clubId, filterQuery);
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
  @FieldResolver(() => ClubMemberConnection, { description: 'Thành viên, theo số định danh. / Members, by citizen ID.' })
  async members(@Root() club: ClubDoc, @Args() { first, after }: PageArgs, @Ctx() ctx: RequestContext): Promise<ClubMemberConnection> {
    assertInScope(ctx, club.communeCode);
    const page = pageRequest(first, after);
    const query = page.afterKey ? { clubId: club.clubId, citizenId: trusted({ $gt: page.afterKey }) } : { clubId: club.clubId };
    const rows = await this.models.ClubMember.find(query).sort({ citizenId: 1 }).limit(page.limit + 1).lean<ClubMemberDoc[]>();
    return toConnection(ClubMemberConnection, rows as unknown as ClubMember[], page.limit, (r) => r.citizenId);
  }
}

@Resolver(() => ClubConnection)
export class ClubConnectionResolver {
  constructor(private readonly models: Models) {}

  @Access('ORGANISATION')
  @FieldResolver(() => Int, { description: 'Tổng số câu lạc bộ khớp bộ lọc. / Number of clubs matching the filter.' })
  async totalCount(@Root() connection: ClubConnection): Promise<number> {
    return this.models.Club.countDocuments(connection.filterQuery ?? {});
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

@Resolver(() => ClubMember)
export class ClubMemberResolver {
  constructor(private readonly models: Models) {}

  @Access('ASSOCIATION_DATA')
  @FieldResolver(() => Person, { nullable: true })
  person(@Root() m: ClubMemberDoc): Person | null {
    // Only elderly members are in the register (homeaffairs); the gateway resolves the rest.
    return m.elderly ? { citizenId: m.citizenId } : null;
  }

  @Access('ASSOCIATION_WRITE')
  @Mutation(() => ClubMember, {
    description:
      'Thêm thành viên vào câu lạc bộ; các cờ phải khớp ngày sinh và giới tính, tối đa một chủ nhiệm. / Add a club member; flags must agree with birth date and sex; at most one chair.',
  })
  async addClubMember(@Arg('input', () => AddClubMemberInput) input: AddClubMemberInput): Promise<ClubMemberDoc> {
    const problems = clubMemberProblems(input, todayInVietnam());
    if (problems.length) refuse(problems);
    const club = await this.models.Club.findOne({ clubId: input.clubId }).lean<ClubDoc>();
    if (!club) {
      throw new NotFoundError({ vi: `Không có câu lạc bộ ${input.clubId}`, en: `No club ${input.clubId}` }, { field: 'clubId' });
    }
    if (input.joinedOn < club.foundedOn) {
      refuse([{ field: 'joinedOn', vi: `Ngày tham gia trước ngày thành lập ${club.foundedOn}`, en: `joinedOn is before the club was founded (${club.foundedOn})` }]);
    }
    const doc: ClubMemberDoc = {
      clubId: input.clubId,
      citizenId: input.citizenId,
      fullName: cleanText(input.fullName),
      birthDate: input.birthDate,
      sex: input.sex,
      role: input.role,
      elderly: input.elderly,
      woman: input.woman,
      young: input.young,
      priority: input.priority,
      joinedOn: input.joinedOn,
      roleSlot: roleSlotOf(input),
    };
    try {
      return (await this.models.ClubMember.create(doc)).toObject();
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      if (await this.models.ClubMember.exists({ clubId: input.clubId, citizenId: input.citizenId })) {
        throw new ConflictError(
          { vi: `${input.citizenId} đã là thành viên của ${input.clubId}`, en: `${input.citizenId} is already a member of ${input.clubId}` },
          { field: 'citizenId' },
        );
      }
      throw new ConflictError(
        { vi: `Câu lạc bộ ${input.clubId} đã có chủ nhiệm`, en: `Club ${input.clubId} already has a chair` },
        { field: 'role' },
      );
    }
  }
}

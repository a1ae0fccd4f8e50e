import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';
import { trusted } from '@nct/db';
import { BadUserInputError, ConflictError, isDuplicateKeyError, NotFoundError } from '@nct/errors';
import { Access, assertInScope, pageRequest, RequestContext, scopedCommune, toConnection } from '@nct/subgraph-kit';
import { isIsoDate } from '@nct/dates';
import { cleanText, Problem, refuse, textProblem } from '../common/problems';
import { entriesByLedgerLoader, ledgerView, LedgerView } from '../funds/fund.resolver';
import { FundLedger } from '../funds/ledger';
import type { Models } from '../models';
import { Person } from '../person/person';
import { AdministrativeUnit } from '../units/administrative-unit';
import {
  AddClubMemberInput,
  Club,
  ClubActivity,
  ClubCompliance,
  ClubConnection,
  ClubFilter,
  ClubLoan,
  ClubMember,
  ClubMemberConnection,
  ClubMembership,
  CreateClubInput,
  RecordClubActivityInput,
  RecordClubLoanInput,
} from './club';
import type { ClubDoc } from './club.model';
import type { ClubActivityDoc } from './club-activity.model';
import type { ClubLoanDoc } from './club-loan.model';
import { ClubMemberDoc, roleSlotOf } from './club-member.model';
import { clubFactsLoader, clubLoader, complianceOf, memberCountLoader, priorityMembersOfCommune } from './club.loaders';
import { CLUB_ID_PATTERN, clubMemberProblems, elderlyPriorityMembers } from './clubs.rules';
import type { ClubComplianceResult } from './compliance.rules';

/** The reference date of a compliance question: `asOf`, or the request's date. */
function asOfArg(asOf: string | null | undefined, today: string): string {
  const date = asOf ?? today;
  if (!isIsoDate(date) || date < '2020-08-31') {
    refuse([{ field: 'asOf', vi: 'Ngày tính phải từ 31/8/2020 (Quyết định 1336/QĐ-TTg)', en: 'asOf must be on or after 2020-08-31 (Decision 1336/QĐ-TTg)' }]);
  }
  return date;
}

const REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,59}$/;
const MAX_LOAN = 1_000_000_000;

async function clubOrNotFound(models: Models, clubId: string): Promise<ClubDoc> {
  const club = await models.Club.findOne({ clubId }).lean<ClubDoc>();
  if (!club) throw new NotFoundError({ vi: `Không có câu lạc bộ ${clubId}`, en: `No club ${clubId}` }, { field: 'clubId' });
  return club;
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
  @Query(() => ClubConnection, {
    description:
      'Danh sách câu lạc bộ, theo mã; lọc theo xã, theo chỉ tiêu thành phần (outsideTargets) và tỉ lệ vay vốn dưới 50% (belowLoanShare) tại ngày asOf. / Clubs by ID; filters by commune, composition targets and loan share on asOf.',
  })
  async clubs(@Args() { filter, first, after }: ClubsArgs, @Ctx() ctx: RequestContext): Promise<ClubConnection> {
    const page = pageRequest(first, after);
    const filterQuery: Record<string, unknown> = {};
    if (filter?.communeCode != null) {
      if (!/^\d{5}$/.test(filter.communeCode)) {
        refuse([{ field: 'communeCode', vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' }]);
      }
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
        return (filter.outsideTargets == null || filter.outsideTargets === !c.compositionMet) && (filter.belowLoanShare == null || filter.belowLoanShare === !loanMet);
      });
      const rows = kept.filter((c) => page.afterKey === null || c.clubId > page.afterKey).slice(0, page.limit + 1);
      return Object.assign(toConnection(ClubConnection, rows, page.limit, (r) => r.clubId, filterQuery), { total: kept.length });
    }
    const query = page.afterKey ? { ...filterQuery, clubId: trusted({ $gt: page.afterKey }) } : filterQuery;
    const rows = await this.models.Club.find(query).sort({ clubId: 1 }).limit(page.limit + 1).lean<ClubDoc[]>();
    return toConnection(ClubConnection, rows, page.limit, (r) => r.clubId, filterQuery);
  }

  @Access('ASSOCIATION_DATA')
  @Query(() => [Person], {
    description:
      'Thành viên ưu tiên là người cao tuổi (có trong sổ đăng ký) của các câu lạc bộ trong xã, theo số định danh. / Elderly priority members of the commune\'s clubs, by citizen ID.',
  })
  async clubPriorityMembers(@Arg('communeCode') communeCode: string, @Ctx() ctx: RequestContext): Promise<Person[]> {
    if (!/^\d{5}$/.test(communeCode)) refuse([{ field: 'communeCode', vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' }]);
    const commune = scopedCommune(ctx, communeCode) as string;
    const members = await priorityMembersOfCommune(this.models, commune);
    return elderlyPriorityMembers(members, ctx.today).map((citizenId) => ({ citizenId }));
  }

  @Access('ORGANISATION')
  @FieldResolver(() => ClubCompliance, {
    description:
      'Mức đạt từng chỉ tiêu thành phần và hoạt động tại ngày asOf (mặc định hôm nay; kỳ 12 tháng đến ngày đó). / Each composition and operation target with the club\'s figure on asOf (default today; 12-month period).',
  })
  async compliance(
    @Root() club: ClubDoc,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Ngày tính. / Reference date.' }) asOf?: string | null,
  ): Promise<ClubComplianceResult> {
    return complianceOf(await clubFactsLoader(this.models, ctx).load(club.clubId), asOfArg(asOf, ctx.today));
  }

  @Access('ASSOCIATION_DATA')
  @FieldResolver(() => [ClubMember], { description: 'Ban chủ nhiệm (chủ nhiệm, phó chủ nhiệm). / Management board: chair and vice chairs.' })
  async board(@Root() club: ClubDoc, @Ctx() ctx: RequestContext): Promise<ClubMemberDoc[]> {
    assertInScope(ctx, club.communeCode);
    const { members } = await clubFactsLoader(this.models, ctx).load(club.clubId);
    const order = { CHAIR: 0, VICE_CHAIR: 1, MEMBER: 2 } as const;
    return members.filter((m) => m.role !== 'MEMBER').sort((a, b) => order[a.role] - order[b.role] || a.citizenId.localeCompare(b.citizenId));
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
  @FieldResolver(() => [FundLedger], { description: 'Quỹ phát triển sinh kế và quỹ hoạt động, với số dư. / Income-generation and activity funds with balances.' })
  async funds(@Root() club: ClubDoc, @Ctx() ctx: RequestContext): Promise<LedgerView[]> {
    const ids = [`${club.clubId}/INCOME_GENERATION`, `${club.clubId}/ACTIVITY`];
    const [income, activity] = await entriesByLedgerLoader(this.models, ctx).loadMany(ids);
    if (income instanceof Error) throw income;
    if (activity instanceof Error) throw activity;
    return [
      ledgerView(ids[0], 'CLUB_INCOME_GENERATION', club.clubId, income),
      ledgerView(ids[1], 'CLUB_ACTIVITY', club.clubId, activity),
    ];
  }

  @Access('ORGANISATION_WRITE')
  @Mutation(() => Club, { description: 'Thành lập câu lạc bộ theo quyết định của xã. / Found a club by a commune decision.' })
  async createClub(@Arg('input', () => CreateClubInput) input: CreateClubInput, @Ctx() ctx: RequestContext): Promise<ClubDoc> {
    const problems: Problem[] = [];
    if (!CLUB_ID_PATTERN.test(input.clubId)) problems.push({ field: 'clubId', vi: 'Mã câu lạc bộ có dạng CLB-xxxxx-nn', en: 'clubId must look like CLB-12345-01' });
    if (!/^\d{5}$/.test(input.communeCode)) problems.push({ field: 'communeCode', vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' });
    else if (CLUB_ID_PATTERN.test(input.clubId) && input.clubId.slice(4, 9) !== input.communeCode) {
      problems.push({ field: 'clubId', vi: 'Mã câu lạc bộ phải chứa mã xã', en: 'clubId must contain the commune code' });
    }
    for (const p of [textProblem('name', input.name, 200), textProblem('decisionNumber', input.decisionNumber, 50)]) if (p) problems.push(p);
    if (!isIsoDate(input.foundedOn) || input.foundedOn > ctx.today) problems.push({ field: 'foundedOn', vi: 'Ngày thành lập không hợp lệ hoặc ở tương lai', en: 'foundedOn is not a valid past date' });
    if (problems.length) refuse(problems);
    const doc: ClubDoc = { clubId: input.clubId, name: cleanText(input.name), communeCode: input.communeCode, foundedOn: input.foundedOn, decisionNumber: cleanText(input.decisionNumber) };
    try {
      await this.models.Club.create(doc);
      return doc;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const field = (await this.models.Club.exists({ clubId: doc.clubId })) ? 'clubId' : 'decisionNumber';
      throw new ConflictError({ vi: `Đã có câu lạc bộ với ${field} này`, en: `A club with this ${field} exists` }, { field });
    }
  }

  @Access('ASSOCIATION_WRITE')
  @Mutation(() => ClubLoan, { description: 'Ghi nhận khoản vay của thành viên; cùng số tham chiếu và nội dung: trả lại bản ghi cũ. / Record a loan to a member; a retry with the same reference returns it.' })
  async recordClubLoan(@Arg('input', () => RecordClubLoanInput) input: RecordClubLoanInput, @Ctx() ctx: RequestContext): Promise<ClubLoanDoc> {
    const problems: Problem[] = [];
    if (!CLUB_ID_PATTERN.test(input.clubId)) problems.push({ field: 'clubId', vi: 'Mã câu lạc bộ có dạng CLB-xxxxx-nn', en: 'clubId must look like CLB-12345-01' });
    if (!/^\d{12}$/.test(input.citizenId)) problems.push({ field: 'citizenId', vi: 'Số định danh gồm 12 chữ số', en: 'citizenId must be 12 digits' });
    if (typeof input.reference !== 'string' || !REFERENCE_PATTERN.test(input.reference)) problems.push({ field: 'reference', vi: 'Số tham chiếu 1-60 ký tự', en: 'reference must be 1-60 letters, digits, . _ / -' });
    if (!Number.isInteger(input.amount) || input.amount < 1 || input.amount > MAX_LOAN) problems.push({ field: 'amount', vi: 'Số tiền từ 1 đến 1 tỉ đồng', en: 'amount must be 1 to 1,000,000,000 VND' });
    if (!isIsoDate(input.date) || input.date > ctx.today) problems.push({ field: 'date', vi: 'Ngày vay không hợp lệ hoặc ở tương lai', en: 'date is not a valid past date' });
    if (problems.length) refuse(problems);
    const club = await clubOrNotFound(this.models, input.clubId);
    assertInScope(ctx, club.communeCode);
    const member = await this.models.ClubMember.findOne({ clubId: input.clubId, citizenId: input.citizenId }).lean<ClubMemberDoc | null>();
    if (!member) throw new NotFoundError({ vi: `${input.citizenId} không là thành viên của ${input.clubId}`, en: `${input.citizenId} is not a member of ${input.clubId}` }, { field: 'citizenId' });
    if (input.date < member.joinedOn) refuse([{ field: 'date', vi: 'Ngày vay trước ngày tham gia', en: 'date is before the member joined' }]);
    const doc: ClubLoanDoc = { clubId: input.clubId, citizenId: input.citizenId, reference: input.reference, amount: input.amount, date: input.date, status: input.status };
    const existing = await this.models.ClubLoan.findOne({ clubId: input.clubId, reference: input.reference }).lean<ClubLoanDoc | null>();
    if (existing) {
      if (existing.citizenId === doc.citizenId && existing.amount === doc.amount && existing.date === doc.date) {
        if (existing.status === doc.status) return existing;
        await this.models.ClubLoan.updateOne({ clubId: doc.clubId, reference: doc.reference }, { $set: { status: doc.status } });
        return doc; // a status change of the same loan (repaid, written off)
      }
      throw new ConflictError({ vi: `Số tham chiếu ${input.reference} đã dùng cho khoản vay khác`, en: `Reference ${input.reference} is already used by another loan` }, { field: 'reference' });
    }
    try {
      await this.models.ClubLoan.create(doc);
      return doc;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      throw new ConflictError({ vi: 'Khoản vay vừa được ghi, hãy thử lại', en: 'The loan was recorded meanwhile; try again' }, { field: 'reference' });
    }
  }

  @Access('ORGANISATION_WRITE')
  @Mutation(() => ClubActivity, { description: 'Ghi nhận hoạt động (ngày, nội dung); cùng số tham chiếu và nội dung: trả lại bản ghi cũ. / Record an activity; a retry with the same reference returns it.' })
  async recordClubActivity(@Arg('input', () => RecordClubActivityInput) input: RecordClubActivityInput, @Ctx() ctx: RequestContext): Promise<ClubActivityDoc> {
    const problems: Problem[] = [];
    if (!CLUB_ID_PATTERN.test(input.clubId)) problems.push({ field: 'clubId', vi: 'Mã câu lạc bộ có dạng CLB-xxxxx-nn', en: 'clubId must look like CLB-12345-01' });
    if (typeof input.reference !== 'string' || !REFERENCE_PATTERN.test(input.reference)) problems.push({ field: 'reference', vi: 'Số tham chiếu 1-60 ký tự', en: 'reference must be 1-60 letters, digits, . _ / -' });
    const title = textProblem('title', input.title, 200);
    if (title) problems.push(title);
    if (!Number.isInteger(input.participants) || input.participants < 0 || input.participants > 100_000) problems.push({ field: 'participants', vi: 'Số người tham gia không hợp lệ', en: 'participants must be 0-100000' });
    if (!isIsoDate(input.date) || input.date > ctx.today) problems.push({ field: 'date', vi: 'Ngày không hợp lệ hoặc ở tương lai', en: 'date is not a valid past date' });
    if (problems.length) refuse(problems);
    const club = await clubOrNotFound(this.models, input.clubId);
    if (input.date < club.foundedOn) refuse([{ field: 'date', vi: `Ngày trước ngày thành lập ${club.foundedOn}`, en: `date is before the club was founded (${club.foundedOn})` }]);
    const doc: ClubActivityDoc = { clubId: input.clubId, reference: input.reference, date: input.date, area: input.area, title: cleanText(input.title), participants: input.participants };
    const same = (e: ClubActivityDoc) => e.date === doc.date && e.area === doc.area && e.title === doc.title && e.participants === doc.participants;
    for (let attempt = 0; attempt < 2; attempt++) {
      const existing = await this.models.ClubActivity.findOne({ clubId: doc.clubId, reference: doc.reference }).lean<ClubActivityDoc | null>();
      if (existing) {
        if (same(existing)) return existing;
        throw new ConflictError({ vi: `Số tham chiếu ${doc.reference} đã dùng cho hoạt động khác`, en: `Reference ${doc.reference} is already used by another activity` }, { field: 'reference' });
      }
      try {
        await this.models.ClubActivity.create(doc);
        return doc;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
    }
    throw new ConflictError({ vi: 'Hoạt động vừa được ghi, hãy thử lại', en: 'The activity was recorded meanwhile; try again' }, { field: 'reference' });
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
  async totalCount(@Root() connection: ClubConnection & { total?: number }): Promise<number> {
    if (typeof connection.total === 'number') return connection.total;
    // Every club has a clubId: with no filter, count through the `clubId` index, not the collection.
    const filter = connection.filterQuery && Object.keys(connection.filterQuery).length ? connection.filterQuery : { clubId: trusted({ $gt: '' }) };
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
  async addClubMember(@Arg('input', () => AddClubMemberInput) input: AddClubMemberInput, @Ctx() ctx: RequestContext): Promise<ClubMemberDoc> {
    // One document: the member count is counted from `club_members`, not stored, and the
    // unique {clubId, roleSlot} index keeps one chair per club, so no transaction is needed.
    const problems = clubMemberProblems(input, ctx.today);
    if (problems.length) refuse(problems);
    const club = await clubOrNotFound(this.models, input.clubId);
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

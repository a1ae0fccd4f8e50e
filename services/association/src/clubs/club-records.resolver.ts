import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { ConflictError, isDuplicateKeyError, NotFoundError } from '@nct/errors';
import { Access, assertInScope, idempotencyKeyArg, idempotent, RequestContext } from '@nct/subgraph-kit';
import { isIsoDate } from '@nct/dates';
import { communeCodeProblems, Problem, refuse } from '@nct/rules';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../common/idempotency';
import { cleanText, textProblem } from '../common/problems';
import type { Models } from '../models';
import { Club, ClubActivity, ClubLoan, CreateClubInput, RecordClubActivityInput, RecordClubLoanInput } from './club';
import type { ClubDoc } from './club.model';
import type { ClubActivityDoc } from './club-activity.model';
import type { ClubLoanDoc } from './club-loan.model';
import type { ClubMemberDoc } from './club-member.model';
import { clubOrNotFound } from './club.loaders';
import { CLUB_ID_PATTERN } from './clubs.rules';

const REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,59}$/;
const MAX_LOAN = 1_000_000_000;

/** A club's records: founding it, its members' loans and its activities (each write idempotent by reference). */
@Resolver(() => Club)
export class ClubRecordsResolver {
  constructor(private readonly models: Models) {}

  @Access('ORGANISATION_WRITE')
  @Mutation(() => Club, { description: 'Thành lập câu lạc bộ theo quyết định của xã. / Found a club by a commune decision.' })
  async createClub(
    @Arg('input', () => CreateClubInput) input: CreateClubInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<ClubDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    const problems: Problem[] = [];
    if (!CLUB_ID_PATTERN.test(input.clubId))
      problems.push({ field: 'clubId', vi: 'Mã câu lạc bộ có dạng CLB-xxxxx-nn', en: 'clubId must look like CLB-12345-01' });
    const badCode = communeCodeProblems(input.communeCode);
    problems.push(...badCode);
    if (!badCode.length && CLUB_ID_PATTERN.test(input.clubId) && input.clubId.slice(4, 9) !== input.communeCode) {
      problems.push({ field: 'clubId', vi: 'Mã câu lạc bộ phải chứa mã xã', en: 'clubId must contain the commune code' });
    }
    for (const p of [textProblem('name', input.name, 200), textProblem('decisionNumber', input.decisionNumber, 50)])
      if (p) problems.push(p);
    if (!isIsoDate(input.foundedOn) || input.foundedOn > ctx.today)
      problems.push({ field: 'foundedOn', vi: 'Ngày thành lập không hợp lệ hoặc ở tương lai', en: 'foundedOn is not a valid past date' });
    if (problems.length) refuse(problems);
    const doc: ClubDoc = {
      clubId: input.clubId,
      name: cleanText(input.name),
      communeCode: input.communeCode,
      foundedOn: input.foundedOn,
      decisionNumber: cleanText(input.decisionNumber),
    };
    const exists = (field: 'clubId' | 'decisionNumber') =>
      new ConflictError({ vi: `Đã có câu lạc bộ với ${field} này`, en: `A club with this ${field} exists` }, { field });
    return idempotent(ctx, this.models.Club.db, { operation: 'createClub', key, input: doc }, async () => {
      if (await this.models.Club.exists({ clubId: doc.clubId })) throw exists('clubId');
      if (await this.models.Club.exists({ decisionNumber: doc.decisionNumber })) throw exists('decisionNumber');
      try {
        await this.models.Club.create([doc]);
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        throw exists('clubId'); // created meanwhile
      }
      return doc;
    });
  }

  @Access('ASSOCIATION_WRITE')
  @Mutation(() => ClubLoan, {
    description:
      'Ghi nhận khoản vay của thành viên; cùng số tham chiếu và nội dung: trả lại bản ghi cũ. / Record a loan to a member; a retry with the same reference returns it.',
  })
  async recordClubLoan(
    @Arg('input', () => RecordClubLoanInput) input: RecordClubLoanInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<ClubLoanDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    const problems: Problem[] = [];
    if (!CLUB_ID_PATTERN.test(input.clubId))
      problems.push({ field: 'clubId', vi: 'Mã câu lạc bộ có dạng CLB-xxxxx-nn', en: 'clubId must look like CLB-12345-01' });
    if (!/^\d{12}$/.test(input.citizenId))
      problems.push({ field: 'citizenId', vi: 'Số định danh gồm 12 chữ số', en: 'citizenId must be 12 digits' });
    if (typeof input.reference !== 'string' || !REFERENCE_PATTERN.test(input.reference))
      problems.push({ field: 'reference', vi: 'Số tham chiếu 1-60 ký tự', en: 'reference must be 1-60 letters, digits, . _ / -' });
    if (!Number.isInteger(input.amount) || input.amount < 1 || input.amount > MAX_LOAN)
      problems.push({ field: 'amount', vi: 'Số tiền từ 1 đến 1 tỉ đồng', en: 'amount must be 1 to 1,000,000,000 VND' });
    if (!isIsoDate(input.date) || input.date > ctx.today)
      problems.push({ field: 'date', vi: 'Ngày vay không hợp lệ hoặc ở tương lai', en: 'date is not a valid past date' });
    if (problems.length) refuse(problems);
    const club = await clubOrNotFound(this.models, input.clubId);
    assertInScope(ctx, club.communeCode);
    const member = await this.models.ClubMember.findOne({ clubId: input.clubId, citizenId: input.citizenId }).lean<ClubMemberDoc | null>();
    if (!member)
      throw new NotFoundError(
        { vi: `${input.citizenId} không là thành viên của ${input.clubId}`, en: `${input.citizenId} is not a member of ${input.clubId}` },
        { field: 'citizenId' },
      );
    if (input.date < member.joinedOn)
      refuse([{ field: 'date', vi: 'Ngày vay trước ngày tham gia', en: 'date is before the member joined' }]);
    const doc: ClubLoanDoc = {
      clubId: input.clubId,
      citizenId: input.citizenId,
      reference: input.reference,
      amount: input.amount,
      date: input.date,
      status: input.status,
    };
    return idempotent(ctx, this.models.ClubLoan.db, { operation: 'recordClubLoan', key, input: doc }, async () => {
      const existing = await this.models.ClubLoan.findOne(
        { clubId: input.clubId, reference: input.reference },
        { _id: 0 },
      ).lean<ClubLoanDoc | null>();
      if (existing) {
        if (existing.citizenId === doc.citizenId && existing.amount === doc.amount && existing.date === doc.date) {
          if (existing.status === doc.status) return existing;
          await this.models.ClubLoan.updateOne({ clubId: doc.clubId, reference: doc.reference }, { $set: { status: doc.status } });
          return doc; // a status change of the same loan (repaid, written off)
        }
        throw new ConflictError(
          {
            vi: `Số tham chiếu ${input.reference} đã dùng cho khoản vay khác`,
            en: `Reference ${input.reference} is already used by another loan`,
          },
          { field: 'reference' },
        );
      }
      try {
        await this.models.ClubLoan.create([doc]);
        return doc;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        throw new ConflictError(
          { vi: 'Khoản vay vừa được ghi, hãy thử lại', en: 'The loan was recorded meanwhile; try again' },
          { field: 'reference' },
        );
      }
    });
  }

  @Access('ORGANISATION_WRITE')
  @Mutation(() => ClubActivity, {
    description:
      'Ghi nhận hoạt động (ngày, nội dung); cùng số tham chiếu và nội dung: trả lại bản ghi cũ. / Record an activity; a retry with the same reference returns it.',
  })
  async recordClubActivity(
    @Arg('input', () => RecordClubActivityInput) input: RecordClubActivityInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<ClubActivityDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    const problems: Problem[] = [];
    if (!CLUB_ID_PATTERN.test(input.clubId))
      problems.push({ field: 'clubId', vi: 'Mã câu lạc bộ có dạng CLB-xxxxx-nn', en: 'clubId must look like CLB-12345-01' });
    if (typeof input.reference !== 'string' || !REFERENCE_PATTERN.test(input.reference))
      problems.push({ field: 'reference', vi: 'Số tham chiếu 1-60 ký tự', en: 'reference must be 1-60 letters, digits, . _ / -' });
    const title = textProblem('title', input.title, 200);
    if (title) problems.push(title);
    if (!Number.isInteger(input.participants) || input.participants < 0 || input.participants > 100_000)
      problems.push({ field: 'participants', vi: 'Số người tham gia không hợp lệ', en: 'participants must be 0-100000' });
    if (!isIsoDate(input.date) || input.date > ctx.today)
      problems.push({ field: 'date', vi: 'Ngày không hợp lệ hoặc ở tương lai', en: 'date is not a valid past date' });
    if (problems.length) refuse(problems);
    const club = await clubOrNotFound(this.models, input.clubId);
    if (input.date < club.foundedOn)
      refuse([
        { field: 'date', vi: `Ngày trước ngày thành lập ${club.foundedOn}`, en: `date is before the club was founded (${club.foundedOn})` },
      ]);
    const doc: ClubActivityDoc = {
      clubId: input.clubId,
      reference: input.reference,
      date: input.date,
      area: input.area,
      title: cleanText(input.title),
      participants: input.participants,
    };
    const same = (e: ClubActivityDoc) =>
      e.date === doc.date && e.area === doc.area && e.title === doc.title && e.participants === doc.participants;
    // A concurrent request with the same reference may insert first: the second attempt reads it.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        return await idempotent(ctx, this.models.ClubActivity.db, { operation: 'recordClubActivity', key, input: doc }, async () => {
          const existing = await this.models.ClubActivity.findOne(
            { clubId: doc.clubId, reference: doc.reference },
            { _id: 0 },
          ).lean<ClubActivityDoc | null>();
          if (existing) {
            if (same(existing)) return existing;
            throw new ConflictError(
              {
                vi: `Số tham chiếu ${doc.reference} đã dùng cho hoạt động khác`,
                en: `Reference ${doc.reference} is already used by another activity`,
              },
              { field: 'reference' },
            );
          }
          await this.models.ClubActivity.create([doc]);
          return doc;
        });
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
    }
    throw new ConflictError(
      { vi: 'Hoạt động vừa được ghi, hãy thử lại', en: 'The activity was recorded meanwhile; try again' },
      { field: 'reference' },
    );
  }
}

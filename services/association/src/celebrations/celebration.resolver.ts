import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConflictError, isDuplicateKeyError } from '@nct/errors';
import { Access, assertInScope, idempotencyKeyArg, idempotent, RequestContext } from '@nct/subgraph-kit';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../common/idempotency';
import { cleanText } from '../common/problems';
import { provinceCode } from '../config/province';
import { identityMismatches, refuseMismatches, registeredIdentity } from '../register/register';
import type { AssociationDeps } from '../services';
import { AdministrativeUnit } from '../units/administrative-unit';
import { LongevityCelebration, LongevityCelebrationRule, RecordCelebrationInput } from './celebration';
import type { CelebrationDoc } from './celebration.model';
import {
  CelebrationRecord,
  celebrationAges,
  celebrationProblems,
  celebrationRegisterProblems,
  CelebrationView,
  giftFor,
  transitionAllowed,
} from './celebrations.rules';
import { calendarAge, yearOf } from '@nct/dates';
import { refuse } from '@nct/rules';
import { provinceGiftsFor } from './rules/gift-levels';
import { yearArg } from './celebration.args';

/** The view of a stored record (age as recorded, gift from the table of that year). */
export function recordView(doc: CelebrationRecord): CelebrationView {
  const gift = giftFor(provinceCode(), doc.year, doc.age);
  return {
    citizenId: doc.citizenId,
    year: doc.year,
    age: doc.age,
    giftLevel: gift?.level ?? null,
    giftAmount: gift?.amount ?? null,
    legalAct: gift?.legalAct ?? null,
    status: doc.status,
    deliveredOn: doc.deliveredOn ?? null,
    reason: doc.reason ?? null,
    communeCode: doc.communeCode,
  };
}

@Resolver(() => LongevityCelebration)
export class CelebrationResolver {
  constructor(private readonly deps: AssociationDeps) {}

  @Access('REFERENCE')
  @Query(() => [Int], {
    description:
      'Các tuổi (tính theo năm) được mừng thọ một lần trong năm: 70, 75, 80, 85, 90, 95; từ longevityCelebrationRule.calendarAgeAtLeast (100) thì hằng năm. / Calendar ages celebrated once in the year; every year from calendarAgeAtLeast (100).',
  })
  longevityCelebrationAges(@Arg('year', () => Int) year: number): number[] {
    return celebrationAges(yearArg(year)).ages;
  }

  @Access('REFERENCE')
  @Query(() => LongevityCelebrationRule, {
    description:
      "Quy định mừng thọ của năm: các tuổi, tuổi từ đó mừng hằng năm, mức quà của tỉnh. Dùng cho elderlyRoster(calendarYear, calendarAges, calendarAgeAtLeast). / The year's ages, the every-year age and the province's gifts, to ask the register's roster for the right people.",
  })
  longevityCelebrationRule(@Arg('year', () => Int) year: number): LongevityCelebrationRule {
    const ages = celebrationAges(yearArg(year));
    const gifts = provinceGiftsFor(provinceCode(), year);
    return {
      year,
      calendarAges: ages.ages,
      calendarAgeAtLeast: ages.everyYearFrom,
      legalAct: ages.legalAct,
      gifts: (gifts?.gifts ?? []).map((g) => ({ age: g.age, orOlder: !!g.orOlder, level: g.level, amount: g.amount })),
      giftLegalAct: gifts?.legalAct ?? null,
    };
  }

  @Access('ASSOCIATION_DATA')
  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  commune(@Root() c: CelebrationView): AdministrativeUnit | null {
    return c.communeCode ? { code: c.communeCode } : null;
  }

  @Access('ASSOCIATION_WRITE')
  @Mutation(() => LongevityCelebration, {
    description:
      'Ghi nhận mừng thọ: PLANNED -> DELIVERED hoặc NOT_DELIVERED (có lý do); NOT_DELIVERED -> DELIVERED; đã trao thì không đổi. Tuổi (tính theo năm) và ngày mất lấy từ sổ đăng ký qua cổng dữ liệu: ngày sinh nhập khác sổ: IDENTITY_MISMATCH; đã mất: không dự kiến, không trao sau ngày mất; sổ không trả lời: DEPENDENCY_UNAVAILABLE, không ghi gì. Gửi lại cùng nội dung không ghi thêm. / Record a celebration; the calendar age and any death come from the register through the graph: a different birth date given is IDENTITY_MISMATCH; after a death nothing is planned and nothing delivered after the date of death; register unreachable: DEPENDENCY_UNAVAILABLE, nothing written. Repeating the same record changes nothing.',
  })
  async recordCelebrationDelivery(
    @Arg('input', () => RecordCelebrationInput) input: RecordCelebrationInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<CelebrationView> {
    const key = idempotencyKeyArg(idempotencyKey);
    const problems = celebrationProblems(input, ctx.today);
    if (problems.length) refuse(problems);
    assertInScope(ctx, input.communeCode);
    // Who is due, and whether they are alive, is the register's (the birth date given is only compared).
    const identity = await registeredIdentity(this.deps.graph, ctx, input.citizenId);
    refuseMismatches(identityMismatches({ birthDate: input.birthDate }, identity));
    const registerProblems = celebrationRegisterProblems(input, identity);
    if (registerProblems.length) refuse(registerProblems);
    const next: CelebrationDoc = {
      citizenId: input.citizenId,
      year: input.year,
      communeCode: input.communeCode,
      age: calendarAge(yearOf(identity.birthDate), input.year),
      status: input.status,
      deliveredOn: input.status === 'DELIVERED' ? (input.deliveredOn as string) : null,
      reason: input.reason == null || cleanText(input.reason) === '' ? null : cleanText(input.reason),
    };
    return idempotent(ctx, this.deps.Celebration.db, { operation: 'recordCelebrationDelivery', key, input: next }, () =>
      this.record(input, next),
    );
  }

  /**
   * One document per person and year: the insert is guarded by the unique {citizenId, year}
   * index and the change of status by a conditional update, so no transaction is needed (an
   * idempotency key adds one, with its record).
   */
  private async record(input: RecordCelebrationInput, next: CelebrationDoc): Promise<CelebrationView> {
    const existing = await this.deps.Celebration.findOne({ citizenId: input.citizenId, year: input.year }).lean<CelebrationDoc | null>();
    const conflict = (vi: string, en: string) => new ConflictError({ vi, en }, { field: 'status', current: existing?.status ?? null });
    if (existing) {
      const same =
        existing.status === next.status &&
        existing.communeCode === next.communeCode &&
        (existing.deliveredOn ?? null) === next.deliveredOn &&
        (existing.reason ?? null) === next.reason;
      if (same) return recordView(existing);
      if (existing.status === next.status || !transitionAllowed(existing.status, next.status)) {
        throw conflict(
          `Mừng thọ ${input.year} của ${input.citizenId} đang ở trạng thái ${existing.status}, không chuyển sang ${next.status} với nội dung này`,
          `The ${input.year} celebration of ${input.citizenId} is ${existing.status}; it cannot become ${next.status} with these details`,
        );
      }
      const res = await this.deps.Celebration.updateOne(
        { citizenId: input.citizenId, year: input.year, status: existing.status },
        { $set: next },
      );
      if (res.modifiedCount !== 1) throw conflict('Bản ghi vừa được cập nhật, hãy thử lại', 'The record changed meanwhile; try again');
    } else {
      try {
        await this.deps.Celebration.create([next]);
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        throw conflict('Bản ghi vừa được tạo, hãy thử lại', 'The record was created meanwhile; try again');
      }
    }
    return recordView(next);
  }
}

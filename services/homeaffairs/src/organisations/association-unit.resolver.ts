import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { trusted } from '@nct/db';
import { ConflictError, isDuplicateKeyError, NotFoundError } from '@nct/errors';
import { Access, idempotencyKeyArg, idempotent, pageRequest, RequestContext, toConnection } from '@nct/subgraph-kit';
import { refuse } from '@nct/rules';
import type { Models } from '../models';
import { AdministrativeUnit } from '../units/administrative-unit';
import type { UnitDoc } from '../units/administrative-unit.model';
import { unitLoader } from '../units/administrative-unit.loaders';
import {
  AssociationLevelEnum,
  AssociationTypeEnum,
  AssociationUnit,
  AssociationUnitConnection,
  AssociationUnitInput,
  LeadershipTerm,
  LeadershipTermInput,
} from './association-unit';
import type { AssociationLevel, AssociationType, AssociationUnitDoc, LeadershipTermDoc } from './association-unit.model';
import { associationUnitProblems, termProblems } from './organisations.rules';
import { termsLoader } from './association-unit.loaders';

const normalize = (s: string) => s.normalize('NFC').trim();
const IDEMPOTENCY_KEY = {
  nullable: true,
  description:
    'Khóa chống trùng (8-128 ký tự): gửi lại cùng khóa trả về kết quả lần đầu. / Idempotency key (8-128 characters): a repeat returns the first result.',
} as const;

@ArgsType()
class AssociationUnitsArgs {
  @Field(() => AssociationLevelEnum, { nullable: true, description: 'Lọc theo cấp. / Filter by level.' })
  level?: AssociationLevel | null;

  @Field(() => AssociationTypeEnum, { nullable: true, description: 'Lọc theo loại. / Filter by type.' })
  type?: AssociationType | null;

  @Field(() => Int, { nullable: true, description: 'Số phần tử mỗi trang (1-100). / Page size, 1-100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Con trỏ. / Cursor.' })
  after?: string | null;
}

@Resolver(() => AssociationUnit)
export class AssociationUnitResolver {
  constructor(private readonly models: Models) {}

  @Access('ORGANISATION')
  @Query(() => AssociationUnitConnection, {
    description:
      'Hồ sơ tổ chức các đơn vị Hội theo cấp và loại, theo mã đơn vị. / Association units by level and type, ordered by unit code.',
  })
  async associationUnits(@Args() { level, type, first, after }: AssociationUnitsArgs): Promise<AssociationUnitConnection> {
    const page = pageRequest(first, after);
    const filter: Record<string, unknown> = {};
    if (level) filter.level = level;
    if (type) filter.type = type;
    const query = page.afterKey ? { ...filter, adminUnitCode: trusted({ $gt: page.afterKey }) } : filter;
    const rows = await this.models.AssociationUnit.find(query, { _id: 0 })
      .sort({ adminUnitCode: 1 })
      .limit(page.limit + 1)
      .lean<AssociationUnitDoc[]>();
    return toConnection(AssociationUnitConnection, rows, page.limit, (r) => r.adminUnitCode, filter);
  }

  @Access('ORGANISATION')
  @Query(() => AssociationUnit, {
    nullable: true,
    description: 'Một đơn vị Hội theo mã đơn vị hành chính. / One Association unit by unit code.',
  })
  async associationUnit(@Arg('adminUnitCode', () => ID) adminUnitCode: string): Promise<AssociationUnitDoc | null> {
    if (!/^(\d{2}|\d{5})$/.test(adminUnitCode)) {
      refuse([{ field: 'adminUnitCode', vi: 'Mã phải gồm 2 hoặc 5 chữ số', en: 'adminUnitCode must be 2 or 5 digits' }]);
    }
    return this.models.AssociationUnit.findOne({ adminUnitCode }, { _id: 0 }).lean<AssociationUnitDoc>();
  }

  @Access('ORGANISATION_WRITE')
  @Mutation(() => AssociationUnit, {
    description: 'Ghi hồ sơ một đơn vị Hội với quyết định thành lập. / Record an Association unit with its establishment decision.',
  })
  async createAssociationUnit(
    @Arg('input', () => AssociationUnitInput) input: AssociationUnitInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey?: string | null,
  ): Promise<AssociationUnitDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    const today = ctx.today;
    const problems = associationUnitProblems(input, today);
    if (problems.length) refuse(problems);
    return idempotent(ctx, this.models.AssociationUnit.db, { operation: 'createAssociationUnit', key, input }, () =>
      this.createUnit(input),
    );
  }

  private async createUnit(input: AssociationUnitInput): Promise<AssociationUnitDoc> {
    const unit = await this.models.Unit.findOne({ code: input.adminUnitCode }).lean<UnitDoc>();
    if (!unit || unit.validTo !== null)
      refuse([
        {
          field: 'adminUnitCode',
          vi: `Không có đơn vị hiện hành mã ${input.adminUnitCode}`,
          en: `No current unit with code ${input.adminUnitCode}`,
        },
      ]);
    const doc: AssociationUnitDoc = {
      adminUnitCode: input.adminUnitCode,
      name: normalize(input.name),
      level: input.level,
      type: input.type,
      establishment: {
        number: normalize(input.establishment.number),
        date: input.establishment.date,
        issuingBody: normalize(input.establishment.issuingBody),
      },
    };
    try {
      await this.models.AssociationUnit.create(doc);
    } catch (err) {
      if (isDuplicateKeyError(err)) {
        throw new ConflictError(
          { vi: `Đơn vị ${input.adminUnitCode} đã có hồ sơ Hội`, en: `Unit ${input.adminUnitCode} already has an Association record` },
          { field: 'adminUnitCode' },
        );
      }
      throw err;
    }
    return doc;
  }

  @Access('ORGANISATION_WRITE')
  @Mutation(() => AssociationUnit, {
    description:
      'Ghi một nhiệm kỳ lãnh đạo (tối đa 5 năm theo Điều lệ, không chồng lấn). / Record a leadership term (at most 5 years, no overlap).',
  })
  async recordLeadershipTerm(
    @Arg('adminUnitCode', () => ID) adminUnitCode: string,
    @Arg('input', () => LeadershipTermInput) input: LeadershipTermInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey?: string | null,
  ): Promise<AssociationUnitDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    return idempotent(ctx, this.models.LeadershipTerm.db, { operation: 'recordLeadershipTerm', key, input: { adminUnitCode, input } }, () =>
      this.recordTerm(adminUnitCode, input, ctx.today),
    );
  }

  private async recordTerm(adminUnitCode: string, input: LeadershipTermInput, today: string): Promise<AssociationUnitDoc> {
    const unit = await this.associationUnit(adminUnitCode);
    if (!unit)
      throw new NotFoundError({
        vi: `Không có hồ sơ Hội của đơn vị ${adminUnitCode}`,
        en: `No Association record for unit ${adminUnitCode}`,
      });
    const otherTerms = await this.models.LeadershipTerm.find({ adminUnitCode }, { _id: 0, startDate: 1, endDate: 1 }).lean<
      LeadershipTermDoc[]
    >();
    const problems = termProblems(input, { establishedOn: unit.establishment.date, otherTerms, today });
    if (problems.length) refuse(problems);
    try {
      await this.models.LeadershipTerm.create({
        adminUnitCode,
        startDate: input.startDate,
        endDate: input.endDate,
        chairName: normalize(input.chairName),
        decision: {
          number: normalize(input.decision.number),
          date: input.decision.date,
          issuingBody: normalize(input.decision.issuingBody),
        },
      });
    } catch (err) {
      if (isDuplicateKeyError(err)) {
        throw new ConflictError(
          { vi: `Đã có nhiệm kỳ bắt đầu ${input.startDate}`, en: `A term starting ${input.startDate} already exists` },
          { field: 'startDate' },
        );
      }
      throw err;
    }
    return unit;
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  adminUnit(@Root() unit: AssociationUnitDoc, @Ctx() ctx: RequestContext): Promise<UnitDoc | null> {
    return unitLoader(this.models, ctx).load(unit.adminUnitCode);
  }

  @FieldResolver(() => [LeadershipTerm])
  terms(@Root() unit: AssociationUnitDoc, @Ctx() ctx: RequestContext): Promise<LeadershipTermDoc[]> {
    return termsLoader(this.models, ctx).load(unit.adminUnitCode);
  }

  @FieldResolver(() => LeadershipTerm, { nullable: true })
  async currentTerm(@Root() unit: AssociationUnitDoc, @Ctx() ctx: RequestContext): Promise<LeadershipTermDoc | null> {
    const today = ctx.today;
    const terms = await termsLoader(this.models, ctx).load(unit.adminUnitCode);
    return terms.find((t) => t.startDate <= today && today < t.endDate) ?? null;
  }
}

@Resolver(() => AssociationUnitConnection)
export class AssociationUnitConnectionResolver {
  constructor(private readonly models: Models) {}

  @Access('ORGANISATION')
  @FieldResolver(() => Int, { description: 'Tổng số đơn vị khớp bộ lọc. / Number of units matching the filter.' })
  totalCount(@Root() connection: AssociationUnitConnection): Promise<number> {
    return this.models.AssociationUnit.countDocuments(connection.filterQuery ?? {});
  }
}

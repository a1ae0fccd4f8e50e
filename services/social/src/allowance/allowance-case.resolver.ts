import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PipelineStage } from 'mongoose';
import { Access, idempotencyKeyArg, idempotent, RequestContext, scopedCommune } from '@nct/subgraph-kit';
import { countCases, listCases } from '../cases/benefit-case.queries';
import { openCase } from '../cases/open-case';
import { dbOf, type Models } from '../models';
import type { SocialDeps } from '../deps';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency';
import type { RegisterPort } from '../register/register.port';
import { AllowanceCase, AllowanceCaseConnection, AllowanceCaseFilter, OpenAllowanceCaseInput } from './allowance-case';
import { allowanceCaseView, AllowanceCaseView } from './allowance.rules';

@ArgsType()
class AllowanceCasesArgs {
  @Field(() => AllowanceCaseFilter, { nullable: true, description: 'Bộ lọc. / Filter.' })
  filter?: AllowanceCaseFilter | null;

  @Field(() => Int, { nullable: true, description: 'Số phần tử mỗi trang (1-100, mặc định 20). / Page size, 1-100, default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Con trỏ: trang bắt đầu sau phần tử này. / Cursor to start after.' })
  after?: string | null;
}

@Resolver(() => AllowanceCase)
export class AllowanceCaseResolver {
  private readonly models: Models;
  private readonly register: RegisterPort;
  constructor({ models, register }: SocialDeps) {
    this.models = models;
    this.register = register;
  }

  @Access('SOCIAL_DATA')
  @Query(() => AllowanceCaseConnection, {
    description:
      'Hồ sơ trợ cấp xã hội hằng tháng, theo mã hồ sơ. Lọc theo xã, trạng thái, nhóm. / Monthly social allowance cases, by case ID; filters by commune, status and group.',
  })
  async allowanceCases(@Args() { filter, first, after }: AllowanceCasesArgs, @Ctx() ctx: RequestContext): Promise<AllowanceCaseConnection> {
    const today = ctx.today;
    const scoped = { ...(filter ?? {}), communeCode: scopedCommune(ctx, filter?.communeCode) };
    const { docs, cursors, pageInfo, countStages } = await listCases(this.models, 'ALLOWANCE', scoped, first, after);
    return Object.assign(new AllowanceCaseConnection(), {
      edges: docs.map((d, i) => ({ cursor: cursors[i], node: allowanceCaseView(d, null, today) })),
      pageInfo,
      countStages,
    });
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => AllowanceCase, {
    description:
      'Mở hồ sơ trợ cấp xã hội hằng tháng theo quyết định (ACTIVE). Danh tính, nơi cư trú tháng bắt đầu (xã chi trả) và vùng ĐBKK lấy từ sổ đăng ký; giá trị nhập khác thì bị từ chối (IDENTITY_MISMATCH); sổ đăng ký không có người này: NOT_FOUND; không liên lạc được: DEPENDENCY_UNAVAILABLE, không ghi gì. Từ chối khi không đủ điều kiện tại tháng bắt đầu (kèm lý do), khi có chế độ cao hơn, hoặc khi đang có hồ sơ mở. / Open an ACTIVE allowance case from a decision. Identity, the residence in the start month (the paying commune) and the disadvantaged status come from the register; a different value given is refused (IDENTITY_MISMATCH); unknown to the register: NOT_FOUND; register unreachable: DEPENDENCY_UNAVAILABLE, nothing written. Refused when not eligible in the start month (reasons in the error), when a higher entitlement applies, or when a case is open.',
  })
  async openAllowanceCase(
    @Arg('input', () => OpenAllowanceCaseInput) input: OpenAllowanceCaseInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<AllowanceCaseView> {
    const key = idempotencyKeyArg(idempotencyKey);
    return idempotent(ctx, dbOf(this.models), { operation: 'openAllowanceCase', key, input }, async () => {
      const doc = await openCase(this.models, this.register, 'ALLOWANCE', input, ctx);
      return allowanceCaseView(doc, doc.decisionFacts?.birthDate, ctx.today);
    });
  }
}

@Resolver(() => AllowanceCaseConnection)
export class AllowanceCaseConnectionResolver {
  private readonly models: Models;
  constructor({ models }: SocialDeps) {
    this.models = models;
  }

  @Access('SOCIAL_DATA')
  @FieldResolver(() => Int, { description: 'Tổng số hồ sơ khớp bộ lọc. / Number of cases matching the filter.' })
  async totalCount(@Root() connection: AllowanceCaseConnection & { countStages?: PipelineStage[] }): Promise<number> {
    return countCases(this.models, connection.countStages ?? []);
  }
}

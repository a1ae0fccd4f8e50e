import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PipelineStage } from 'mongoose';
import { Access, idempotencyKeyArg, idempotent, RequestContext, scopedCommune } from '@nct/subgraph-kit';
import { countCases, listCases } from '../cases/benefit-case.queries';
import { openCase } from '../cases/open-case';
import { dbOf, type Models } from '../models';
import type { SocialDeps } from '../deps';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency';
import type { RegisterPort } from '../register/register.port';
import { OpenSocialPensionCaseInput, SocialPensionCase, SocialPensionCaseConnection, SocialPensionCaseFilter } from './social-pension-case';
import { socialPensionCaseView, type SocialPensionCaseView } from './pension.rules';

@ArgsType()
class SocialPensionCasesArgs {
  @Field(() => SocialPensionCaseFilter, { nullable: true, description: 'Bộ lọc. / Filter.' })
  filter?: SocialPensionCaseFilter | null;

  @Field(() => Int, { nullable: true, description: 'Số phần tử mỗi trang (1-100, mặc định 20). / Page size, 1-100, default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Con trỏ: trang bắt đầu sau phần tử này. / Cursor to start after.' })
  after?: string | null;
}

@Resolver(() => SocialPensionCase)
export class SocialPensionCaseResolver {
  private readonly models: Models;
  private readonly register: RegisterPort;
  constructor({ models, register }: SocialDeps) {
    this.models = models;
    this.register = register;
  }

  @Access('SOCIAL_DATA')
  @Query(() => SocialPensionCaseConnection, {
    description: 'Hồ sơ trợ cấp hưu trí xã hội, theo mã hồ sơ. / Social pension cases, by case ID.',
  })
  async socialPensionCases(
    @Args() { filter, first, after }: SocialPensionCasesArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<SocialPensionCaseConnection> {
    const today = ctx.today;
    const scoped = { ...(filter ?? {}), communeCode: scopedCommune(ctx, filter?.communeCode) };
    const { docs, cursors, pageInfo, countStages } = await listCases(this.models, 'SOCIAL_PENSION', scoped, first, after);
    return Object.assign(new SocialPensionCaseConnection(), {
      edges: docs.map((d, i) => ({ cursor: cursors[i], node: socialPensionCaseView(d, today) })),
      pageInfo,
      countStages,
    });
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => SocialPensionCase, {
    description:
      'Mở hồ sơ trợ cấp hưu trí xã hội theo quyết định (ACTIVE); danh tính và xã chi trả lấy từ sổ đăng ký (giá trị nhập chỉ để đối chiếu: IDENTITY_MISMATCH); từ chối khi không đủ điều kiện tại tháng bắt đầu (kèm lý do) hoặc khi có chế độ cao hơn/hồ sơ đang mở. / Open an ACTIVE social pension case; identity and the paying commune come from the register (values given are only compared: IDENTITY_MISMATCH); refused when not eligible in the start month, when a higher entitlement applies or a case is open.',
  })
  async openSocialPensionCase(
    @Arg('input', () => OpenSocialPensionCaseInput) input: OpenSocialPensionCaseInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<SocialPensionCaseView> {
    const key = idempotencyKeyArg(idempotencyKey);
    return idempotent(ctx, dbOf(this.models), { operation: 'openSocialPensionCase', key, input }, async () =>
      socialPensionCaseView(await openCase(this.models, this.register, 'SOCIAL_PENSION', input, ctx), ctx.today),
    );
  }
}

@Resolver(() => SocialPensionCaseConnection)
export class SocialPensionCaseConnectionResolver {
  private readonly models: Models;
  constructor({ models }: SocialDeps) {
    this.models = models;
  }

  @Access('SOCIAL_DATA')
  @FieldResolver(() => Int, { description: 'Tổng số hồ sơ khớp bộ lọc. / Number of cases matching the filter.' })
  async totalCount(@Root() connection: SocialPensionCaseConnection & { countStages?: PipelineStage[] }): Promise<number> {
    return countCases(this.models, connection.countStages ?? []);
  }
}

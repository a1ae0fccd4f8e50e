import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Access, RequestContext, scopedCommune, todayInVietnam } from '@nct/subgraph-kit';
import { listCases } from '../cases/benefit-case.queries';
import type { Models } from '../models';
import { SocialPensionCase, SocialPensionCaseConnection, SocialPensionCaseFilter } from './social-pension-case';
import { socialPensionCaseView } from './pension.rules';

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
  constructor(private readonly models: Models) {}

  @Access('SOCIAL_DATA')
  @Query(() => SocialPensionCaseConnection, { description: 'Hồ sơ trợ cấp hưu trí xã hội, theo mã hồ sơ. / Social pension cases, by case ID.' })
  async socialPensionCases(@Args() { filter, first, after }: SocialPensionCasesArgs, @Ctx() ctx: RequestContext): Promise<SocialPensionCaseConnection> {
    const today = todayInVietnam();
    const scoped = { ...(filter ?? {}), communeCode: scopedCommune(ctx, filter?.communeCode) };
    const { docs, cursors, pageInfo, filterQuery } = await listCases(this.models, 'SOCIAL_PENSION', scoped, first, after);
    return Object.assign(new SocialPensionCaseConnection(), {
      edges: docs.map((d, i) => ({ cursor: cursors[i], node: socialPensionCaseView(d, today) })),
      pageInfo,
      filterQuery,
    });
  }
}

@Resolver(() => SocialPensionCaseConnection)
export class SocialPensionCaseConnectionResolver {
  constructor(private readonly models: Models) {}

  @Access('SOCIAL_DATA')
  @FieldResolver(() => Int, { description: 'Tổng số hồ sơ khớp bộ lọc. / Number of cases matching the filter.' })
  async totalCount(@Root() connection: SocialPensionCaseConnection): Promise<number> {
    return this.models.BenefitCase.countDocuments(connection.filterQuery ?? {});
  }
}

import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError, ConflictError, isDuplicateKeyError } from '@nct/errors';
import { Access, citizenIdArg, RequestContext, scopedCommune, todayInVietnam } from '@nct/subgraph-kit';
import type { BenefitCaseDoc } from '../cases/benefit-case.model';
import { listCases } from '../cases/benefit-case.queries';
import { caseIdFor } from '../cases/cases.rules';
import type { Models } from '../models';
import { AllowanceCase, AllowanceCaseConnection, AllowanceCaseFilter, OpenAllowanceCaseInput } from './allowance-case';
import { allowanceCaseView, AllowanceCaseView, normalizeDecisionNumber, openAllowanceProblems, Problem } from './allowance.rules';

export function refuse(problems: Problem[]): never {
  throw new BadUserInputError(
    { vi: problems.map((p) => p.vi).join('; '), en: problems.map((p) => p.en).join('; ') },
    { problems: problems.map((p) => ({ field: p.field, messageVi: p.vi, messageEn: p.en })) },
  );
}

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
  constructor(private readonly models: Models) {}

  @Access('SOCIAL_DATA')
  @Query(() => AllowanceCaseConnection, {
    description: 'Hồ sơ trợ cấp xã hội hằng tháng, theo mã hồ sơ. / Monthly social allowance cases, by case ID.',
  })
  async allowanceCases(@Args() { filter, first, after }: AllowanceCasesArgs, @Ctx() ctx: RequestContext): Promise<AllowanceCaseConnection> {
    const today = todayInVietnam();
    const scoped = { ...(filter ?? {}), communeCode: scopedCommune(ctx, filter?.communeCode) };
    const { docs, cursors, pageInfo, filterQuery } = await listCases(this.models, 'ALLOWANCE', scoped, first, after);
    return Object.assign(new AllowanceCaseConnection(), {
      edges: docs.map((d, i) => ({ cursor: cursors[i], node: allowanceCaseView(d, null, today) })),
      pageInfo,
      filterQuery,
    });
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => AllowanceCase, {
    description:
      'Mở hồ sơ trợ cấp xã hội hằng tháng theo quyết định (trạng thái ACTIVE). Mỗi người chỉ một hồ sơ đang hưởng. / Open an ACTIVE allowance case from a decision; one open case per person.',
  })
  async openAllowanceCase(@Arg('input', () => OpenAllowanceCaseInput) input: OpenAllowanceCaseInput): Promise<AllowanceCaseView> {
    const citizenId = citizenIdArg(input.citizenId, 'input.citizenId');
    const today = todayInVietnam();
    const problems = openAllowanceProblems(input, today);
    if (problems.length) refuse(problems);
    const decisionNumber = normalizeDecisionNumber(input.decisionNumber);
    const caseId = caseIdFor('ALLOWANCE', decisionNumber);
    const doc: BenefitCaseDoc = {
      caseId,
      kind: 'ALLOWANCE',
      citizenId,
      group: input.group,
      decisionNumber,
      decisionDate: input.decisionDate,
      startMonth: input.startMonth,
      status: 'ACTIVE',
      stopMonth: null,
      communeCode: input.communeCode,
      openSlot: citizenId,
    };
    try {
      await this.models.BenefitCase.create(doc);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      // Which unique key was hit: an open case for the person, or the decision number.
      const open = await this.models.BenefitCase.findOne({ kind: 'ALLOWANCE', openSlot: citizenId }).lean<BenefitCaseDoc>();
      if (open) {
        throw new ConflictError(
          {
            vi: `Người này đang có hồ sơ trợ cấp ${open.caseId} (${open.status}); chỉ được hưởng một mức cao nhất; hãy thôi hồ sơ hiện tại trước`,
            en: `This person already has allowance case ${open.caseId} (${open.status}); only the highest entitlement is paid; stop the current case first`,
          },
          { field: 'citizenId', caseId: open.caseId },
        );
      }
      throw new ConflictError(
        { vi: `Số quyết định ${decisionNumber} đã được dùng`, en: `Decision number ${decisionNumber} is already used` },
        { field: 'decisionNumber' },
      );
    }
    return allowanceCaseView(doc, null, today);
  }
}

@Resolver(() => AllowanceCaseConnection)
export class AllowanceCaseConnectionResolver {
  constructor(private readonly models: Models) {}

  @Access('SOCIAL_DATA')
  @FieldResolver(() => Int, { description: 'Tổng số hồ sơ khớp bộ lọc. / Number of cases matching the filter.' })
  async totalCount(@Root() connection: AllowanceCaseConnection): Promise<number> {
    return this.models.BenefitCase.countDocuments(connection.filterQuery ?? {});
  }
}

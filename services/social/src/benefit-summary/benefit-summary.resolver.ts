import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { trusted } from '@nct/db';
import { isIsoMonth, monthOf } from '@nct/dates';
import { BadUserInputError } from '@nct/errors';
import { Access, MonthScalar, RequestContext, scopedCommune } from '@nct/subgraph-kit';
import type { PipelineStage } from 'mongoose';
import { findInChunks } from '../batch';
import { optionalCommuneArg } from '../commune-arg';
import type { BenefitCaseDoc } from '../cases/benefit-case.model';
import type { SocialDeps } from '../deps';
import type { Models } from '../models';
import { casePaysIn } from '../payments/payments.rules';
import { pensionPeriodsOf, type PensionPeriod, type SocialRecordDoc } from '../records/social-record.model';
import { BenefitSummary } from './benefit-summary';
import { benefitSummaryCells } from './benefit-summary.rules';

const FIRST_MONTH = '2015-01';

function summaryMonthArg(month: string, today: string): string {
  const latest = monthOf(today);
  if (typeof month !== 'string' || !isIsoMonth(month) || month < FIRST_MONTH || month > latest) {
    throw new BadUserInputError(
      {
        vi: `Tháng phải có dạng YYYY-MM, từ ${FIRST_MONTH} đến ${latest}`,
        en: `month must be YYYY-MM, from ${FIRST_MONTH} to ${latest}`,
      },
      { argument: 'month' },
    );
  }
  return month;
}

/**
 * The cases that may pay in `month` [in a commune]: started, not stopped before it. The commune's
 * on the {communeCode, kind, status, caseId} index, the province's on {kind, status, caseId};
 * `casePaysIn` (the payroll's rule) decides on what this returns.
 */
function caseStages(month: string, commune: string | null): PipelineStage[] {
  const indexed = commune ? { communeCode: commune } : { kind: trusted({ $in: ['ALLOWANCE', 'SOCIAL_PENSION'] }) };
  return [
    { $match: indexed },
    {
      $match: {
        startMonth: trusted({ $lte: month }),
        $or: [{ stopMonth: null }, { stopMonth: trusted({ $gt: month }) }],
      },
    },
    {
      $project: {
        _id: 0,
        caseId: 1,
        kind: 1,
        citizenId: 1,
        group: 1,
        startMonth: 1,
        stopMonth: 1,
        status: 1,
        suspendedFrom: 1,
        communeCode: 1,
        history: 1,
        'decisionFacts.birthDate': 1,
      },
    },
  ];
}

@Resolver()
export class BenefitSummaryResolver {
  private readonly models: Models;
  constructor({ models }: SocialDeps) {
    this.models = models;
  }

  @Access('AGGREGATES')
  @Query(() => BenefitSummary, {
    description:
      'Số hồ sơ trợ cấp xã hội hằng tháng và trợ cấp hưu trí xã hội được chi trong tháng và tổng tiền phải chi (theo quy tắc của danh sách chi trả), theo xã và toàn phạm vi; ô 1-4 hồ sơ bị ẩn. / Monthly allowance and social pension cases paid for a month and the totals due (the payroll’s rules), per commune and for all in scope; cells of 1-4 withheld.',
  })
  async benefitSummary(
    @Arg('month', () => MonthScalar, {
      description: 'Tháng (YYYY-MM, từ 2015-01, không sau tháng hiện tại). / Month, YYYY-MM, 2015-01 to the current month.',
    })
    monthInput: string,
    @Arg('communeCode', () => String, {
      nullable: true,
      description: 'Xã/phường (mặc định: toàn tỉnh hoặc xã của người hỏi). / Commune (default: province, or the caller’s commune).',
    })
    communeCode: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<BenefitSummary> {
    const month = summaryMonthArg(monthInput, ctx.today);
    const commune = scopedCommune(ctx, optionalCommuneArg(communeCode));
    const candidates = await this.models.BenefitCase.aggregate<BenefitCaseDoc>(caseStages(month, commune));
    const cases = candidates.filter((c) => casePaysIn(c, month));
    // A social pension is reduced by a small monthly SI benefit: the records of those people (_id, 100 a chunk).
    const pensionIds = [...new Set(cases.filter((c) => c.kind === 'SOCIAL_PENSION').map((c) => c.citizenId))];
    const records = await findInChunks(pensionIds, (chunk) =>
      this.models.SocialRecord.find({ _id: trusted({ $in: chunk }) }).lean<SocialRecordDoc[]>(),
    );
    const pensionsOf = new Map<string, PensionPeriod[]>(records.map((r) => [r._id, pensionPeriodsOf(r)]));
    return Object.assign(new BenefitSummary(), { month, ...benefitSummaryCells(cases, month, pensionsOf) });
  }
}

import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Access, DateScalar, type RequestContext } from '@nct/subgraph-kit';
import { refuseWithCodes } from '@nct/rules';
import { StateFundedCardBasis, StateFundedCardEntitlement, StateFundedCardFactsInput } from './entitlement';
import { STATE_FUNDED_ENTITLEMENTS, stateFundedEntitlements } from './entitlement.rules';

/**
 * The state-paid BHYT entitlement as a rule query: the facts it needs (allowance, social
 * pension, household poverty, age) belong to social and home affairs, so the caller passes
 * them; nothing is read or stored (docs/cross-agency.md explains why this is not a Person field).
 */
@Resolver()
export class EntitlementResolver {
  @Access('REFERENCE')
  @Query(() => [StateFundedCardBasis], {
    description:
      'Các căn cứ được ngân sách đóng/hỗ trợ đóng BHYT áp dụng vào ngày (mặc định hôm nay). / Bases for a state-paid card in force on a date.',
  })
  stateFundedCardBases(
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Ngày. / Date.' }) asOf?: string | null,
  ): StateFundedCardBasis[] {
    const date = asOf ?? ctx.today;
    return STATE_FUNDED_ENTITLEMENTS.allOn(date);
  }

  @Access('REFERENCE')
  @Query(() => StateFundedCardEntitlement, {
    description:
      'Người có các thông tin này có được ngân sách đóng BHYT vào ngày (mặc định hôm nay) không, theo căn cứ nào. / Whether someone with these facts is entitled to a state-paid card on a date, and on which basis.',
  })
  stateFundedCardEntitlement(
    @Arg('facts', () => StateFundedCardFactsInput) facts: StateFundedCardFactsInput,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Ngày. / Date.' }) asOf?: string | null,
  ): StateFundedCardEntitlement {
    if (!Number.isInteger(facts.age) || facts.age < 60 || facts.age > 130) {
      refuseWithCodes([{ field: 'age', vi: 'Tuổi phải từ 60 đến 130', en: 'age must be 60 to 130' }]);
    }
    const all = stateFundedEntitlements(facts, asOf ?? ctx.today);
    return { fullyStatePaid: all.some((r) => r.statePaysPercent === 100), basis: all[0] ?? null, allBases: all };
  }
}

import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar, MonthScalar, PageInfo } from '@nct/subgraph-kit';
import type { CaseStatus } from '../cases/benefit-case.model';
import { BenefitCaseStatusEnum } from '../cases/case-status';
import { Person } from '../person/person';

@ObjectType({
  description:
    'Hồ sơ trợ cấp hưu trí xã hội (Luật BHXH 2024, NĐ 176/2025/NĐ-CP), từ 01/7/2025. / A social pension case (Social Insurance Law 2024), from 2025-07-01.',
})
export class SocialPensionCase {
  @Field(() => ID, { description: 'Mã hồ sơ (HTXH-…). / Case ID.' })
  caseId!: string;

  @Field(() => ID, { description: 'Số định danh cá nhân của người hưởng. / Citizen ID of the recipient.' })
  citizenId!: string;

  @Field(() => Person, { description: 'Người hưởng (thông tin định danh từ Sở Nội vụ). / The recipient, identity from home affairs.' })
  person!: { citizenId: string };

  @Field(() => MonthScalar, {
    description: 'Tháng áp dụng cho số tiền: tháng hiện tại, hoặc tháng cuối được chi nếu đã thôi. / Month the amount is for.',
  })
  asOfMonth!: string;

  @Field(() => Int, { description: 'Số tiền hằng tháng (đồng). / Monthly amount in VND.' })
  monthlyAmount!: number;

  @Field(() => BenefitCaseStatusEnum, { description: 'Trạng thái. / Status.' })
  status!: CaseStatus;

  @Field(() => MonthScalar, { description: 'Tháng bắt đầu hưởng. / First month paid.' })
  startMonth!: string;

  @Field(() => MonthScalar, { nullable: true, description: 'Thôi hưởng từ tháng (không chi tháng này). / Stopped from this month (not paid).' })
  stopMonth!: string | null;

  @Field({ description: 'Số quyết định. / Decision number.' })
  decisionNumber!: string;

  @Field(() => DateScalar, { description: 'Ngày quyết định. / Decision date.' })
  decisionDate!: string;

  @Field({ description: 'Mã xã/phường chi trả (5 chữ số). / Paying commune, 5-digit code.' })
  communeCode!: string;
}

@InputType({ description: 'Bộ lọc hồ sơ trợ cấp hưu trí xã hội. / Filter for social pension cases.' })
export class SocialPensionCaseFilter {
  @Field(() => String, { nullable: true, description: 'Mã xã/phường (5 chữ số). / 5-digit commune code.' })
  communeCode?: string | null;

  @Field(() => BenefitCaseStatusEnum, { nullable: true, description: 'Trạng thái. / Status.' })
  status?: CaseStatus | null;
}

@ObjectType({ description: 'Một hồ sơ trong trang. / A social pension case in a page.' })
export class SocialPensionCaseEdge {
  @Field({ description: 'Con trỏ. / Cursor.' })
  cursor!: string;

  @Field(() => SocialPensionCase, { description: 'Hồ sơ. / The case.' })
  node!: SocialPensionCase;
}

@ObjectType({ description: 'Một trang hồ sơ trợ cấp hưu trí xã hội, theo mã hồ sơ. / A page of social pension cases, by case ID.' })
export class SocialPensionCaseConnection {
  @Field(() => [SocialPensionCaseEdge], { description: 'Các hồ sơ. / The cases.' })
  edges!: SocialPensionCaseEdge[];

  @Field(() => PageInfo, { description: 'Phân trang. / Pagination.' })
  pageInfo!: PageInfo;

  /** Set by the resolver; counted only when asked for. */
  filterQuery!: Record<string, unknown>;
}

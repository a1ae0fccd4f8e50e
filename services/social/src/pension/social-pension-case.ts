import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '@nct/subgraph-kit';
import { BenefitCaseFields } from '../cases/benefit-case';
import type { CaseStatus } from '../cases/benefit-case.model';
import { BenefitCaseStatusEnum } from '../cases/case-status';

@ObjectType({
  description:
    'Hồ sơ trợ cấp hưu trí xã hội (Luật BHXH 2024, NĐ 176/2025/NĐ-CP), từ 01/7/2025. / A social pension case (Social Insurance Law 2024), from 2025-07-01.',
})
export class SocialPensionCase extends BenefitCaseFields {
  @Field(() => Int, { description: 'Số tiền hằng tháng (đồng). / Monthly amount in VND.' })
  monthlyAmount!: number;
}

@InputType({ description: 'Bộ lọc hồ sơ trợ cấp hưu trí xã hội. / Filter for social pension cases.' })
export class SocialPensionCaseFilter {
  @Field(() => String, { nullable: true, description: 'Mã xã/phường (5 chữ số). / 5-digit commune code.' })
  communeCode?: string | null;

  @Field(() => BenefitCaseStatusEnum, { nullable: true, description: 'Trạng thái. / Status.' })
  status?: CaseStatus | null;
}

@ObjectType({ description: 'Một trang hồ sơ trợ cấp hưu trí xã hội, theo mã hồ sơ. / A page of social pension cases, by case ID.' })
export class SocialPensionCaseConnection extends ConnectionType(SocialPensionCase, 'SocialPensionCase') {}

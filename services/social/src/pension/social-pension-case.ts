import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType, DateScalar, MonthScalar } from '@nct/subgraph-kit';
import { IdentityFactsInput } from '../allowance/allowance-case';
import { BenefitCaseFields } from '../cases/benefit-case';
import type { CaseStatus } from '../cases/benefit-case.model';
import { BenefitCaseStatusEnum } from '../cases/case-status';

@ObjectType({
  description:
    'Hồ sơ trợ cấp hưu trí xã hội (Luật BHXH 2024, NĐ 176/2025/NĐ-CP), từ 01/7/2025. / A social pension case (Social Insurance Law 2024), from 2025-07-01.',
})
export class SocialPensionCase extends BenefitCaseFields {
  @Field(() => Int, {
    description:
      'Mức trợ cấp hưu trí xã hội của tháng (đồng); người có trợ cấp BHXH hằng tháng thấp hơn mức này được chi phần chênh lệch (danh sách chi trả, allowanceEligibility). / The social-pension level of the month, VND; someone with a smaller monthly SI benefit is paid the difference (payroll, allowanceEligibility).',
  })
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

@InputType({ description: 'Mở hồ sơ trợ cấp hưu trí xã hội theo quyết định. / Open a social pension case from a decision.' })
export class OpenSocialPensionCaseInput {
  @Field(() => ID, { description: 'Số định danh cá nhân (12 chữ số). / 12-digit citizen ID.' })
  citizenId!: string;

  @Field({ description: 'Số quyết định (1-50 ký tự, duy nhất). / Decision number, 1-50 characters, unique.' })
  decisionNumber!: string;

  @Field(() => DateScalar, { description: 'Ngày quyết định (không ở tương lai). / Decision date, not in the future.' })
  decisionDate!: string;

  @Field(() => MonthScalar, { description: 'Tháng bắt đầu hưởng (từ 2025-07). / First month paid, from 2025-07.' })
  startMonth!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Mã xã/phường chi trả (đối chiếu): hồ sơ do xã nơi cư trú tháng bắt đầu theo sổ đăng ký chi trả. / Paying commune (compared): the case is paid by the register’s residence commune in the start month.',
  })
  communeCode?: string | null;

  @Field(() => IdentityFactsInput, {
    nullable: true,
    description: 'Danh tính ghi trên quyết định (đối chiếu). / Identity on the decision (compared).',
  })
  identity?: IdentityFactsInput | null;
}

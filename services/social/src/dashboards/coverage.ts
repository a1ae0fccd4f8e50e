import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';
import { AllowanceGroupEnum } from '../allowance/allowance-case';
import type { AllowanceGroup, CaseStatus } from '../cases/benefit-case.model';
import { BenefitCaseStatusEnum } from '../cases/case-status';
import type { InsuranceStatus, PovertyStatus } from '../records/social-record.model';

export enum PovertyStatusEnum {
  POOR = 'POOR',
  NEAR_POOR = 'NEAR_POOR',
  NONE = 'NONE',
}
registerEnumType(PovertyStatusEnum, {
  name: 'PovertyStatus',
  description: 'Tình trạng nghèo của hộ trong một năm. / Household poverty status in a year.',
  valuesConfig: {
    POOR: { description: 'Hộ nghèo. / Poor household.' },
    NEAR_POOR: { description: 'Hộ cận nghèo. / Near-poor household.' },
    NONE: { description: 'Không thuộc hộ nghèo/cận nghèo (hoặc chưa ghi nhận). / Neither (or nothing recorded).' },
  },
});

export enum InsuranceStatusEnum {
  PENSION = 'PENSION',
  SI_MONTHLY_BENEFIT = 'SI_MONTHLY_BENEFIT',
  NONE = 'NONE',
}
registerEnumType(InsuranceStatusEnum, {
  name: 'InsuranceStatus',
  description: 'Tình trạng hưởng lương hưu/BHXH do cơ quan BHXH cung cấp. / Pension or social-insurance status from the insurance agency.',
  valuesConfig: {
    PENSION: { description: 'Đang hưởng lương hưu. / Receives a pension.' },
    SI_MONTHLY_BENEFIT: { description: 'Đang hưởng trợ cấp BHXH hằng tháng. / Receives a monthly social-insurance benefit.' },
    NONE: { description: 'Không hưởng. / Neither.' },
  },
});

@ObjectType({
  description: 'Mức độ được bao phủ trợ giúp xã hội tại một ngày. / Social-protection coverage of a person on a date.',
})
export class SocialCoverage {
  @Field(() => DateScalar, { description: 'Ngày xét. / Date.' })
  asOf!: string;

  @Field({ description: 'Hưởng lương hưu hoặc trợ cấp BHXH hằng tháng. / Receives a pension or a monthly social-insurance benefit.' })
  receivesPension!: boolean;

  @Field(() => InsuranceStatusEnum, { description: 'Tình trạng BHXH. / Insurance status.' })
  insuranceStatus!: InsuranceStatus;

  @Field({ description: 'Đang trong danh sách trợ cấp xã hội (kể cả tạm dừng). / On the allowance list (suspended included).' })
  onAllowance!: boolean;

  @Field(() => AllowanceGroupEnum, { nullable: true, description: 'Nhóm trợ cấp. / Allowance group.' })
  allowanceGroup!: AllowanceGroup | null;

  @Field(() => BenefitCaseStatusEnum, { nullable: true, description: 'Trạng thái hồ sơ trợ cấp. / Allowance case status.' })
  allowanceStatus!: CaseStatus | null;

  @Field({
    description: 'Đang trong danh sách trợ cấp hưu trí xã hội (kể cả tạm dừng). / On the social pension list (suspended included).',
  })
  onSocialPension!: boolean;

  @Field(() => BenefitCaseStatusEnum, { nullable: true, description: 'Trạng thái hồ sơ hưu trí xã hội. / Social pension case status.' })
  socialPensionStatus!: CaseStatus | null;

  poverty!: ReadonlyArray<[number, PovertyStatus]>;
}

import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, MonthScalar } from '@nct/subgraph-kit';
import type { AllowanceGroup } from '../cases/benefit-case.model';
import { AllowanceGroupEnum } from './allowance-case';
import type { EntitlementKind } from './rules/eligibility';

export enum EntitlementKindEnum {
  A5A = 'A5A',
  A5B = 'A5B',
  A5C = 'A5C',
  A5D = 'A5D',
  DISABILITY_SEVERE = 'DISABILITY_SEVERE',
  DISABILITY_VERY_SEVERE = 'DISABILITY_VERY_SEVERE',
  SOCIAL_PENSION = 'SOCIAL_PENSION',
}
registerEnumType(EntitlementKindEnum, {
  name: 'EntitlementKind',
  description:
    'Một chế độ được xét: nhóm trợ cấp xã hội hoặc trợ cấp hưu trí xã hội. / An entitlement considered: an allowance group or the social pension.',
  valuesConfig: {
    A5A: { description: 'Nhóm 5a. / Group 5a.' },
    A5B: { description: 'Nhóm 5b. / Group 5b.' },
    A5C: { description: 'Nhóm 5c. / Group 5c.' },
    A5D: { description: 'Nhóm 5d. / Group 5d.' },
    DISABILITY_SEVERE: { description: 'Khuyết tật nặng. / Severe disability.' },
    DISABILITY_VERY_SEVERE: { description: 'Khuyết tật đặc biệt nặng. / Very severe disability.' },
    SOCIAL_PENSION: { description: 'Trợ cấp hưu trí xã hội. / Social pension.' },
  },
});

@ObjectType({ description: 'Một lý do, bằng tiếng Việt và tiếng Anh. / A reason, in Vietnamese and English.' })
export class Reason {
  @Field({ description: 'Tiếng Việt. / Vietnamese.' })
  vi!: string;

  @Field({ description: 'Tiếng Anh. / English.' })
  en!: string;
}

@ObjectType({ description: 'Một chế độ đã xét và kết quả. / One entitlement considered and its outcome.' })
export class EntitlementOption {
  @Field(() => EntitlementKindEnum, { description: 'Chế độ. / Entitlement.' })
  kind!: EntitlementKind;

  @Field({ description: 'Đủ điều kiện. / Whether eligible.' })
  eligible!: boolean;

  @Field(() => Float, { nullable: true, description: 'Hệ số (trợ cấp xã hội). / Coefficient (allowance only).' })
  coefficient!: number | null;

  @Field(() => Int, { nullable: true, description: 'Số tiền hằng tháng (đồng). / Monthly amount, VND.' })
  monthlyAmount!: number | null;

  @Field(() => MonthScalar, { nullable: true, description: 'Hưởng từ tháng. / Entitled from this month.' })
  startMonth!: string | null;

  @Field(() => [Reason], { description: 'Lý do. / Reasons.' })
  reasons!: Reason[];
}

@ObjectType({
  description:
    'Kết quả xét hưởng tại một ngày: chế độ cao nhất được chi và các chế độ khác đã xét (chỉ hưởng mức cao nhất). / Eligibility on a date: the highest entitlement, paid, and the others considered.',
})
export class AllowanceEligibility {
  @Field(() => DateScalar, { description: 'Ngày xét. / Date asked about.' })
  asOf!: string;

  @Field(() => MonthScalar, { description: 'Tháng xét. / Month evaluated.' })
  month!: string;

  @Field({ description: 'Có chế độ nào được hưởng. / Whether any entitlement applies.' })
  eligible!: boolean;

  @Field(() => EntitlementKindEnum, { nullable: true, description: 'Chế độ được chi (cao nhất). / The entitlement paid (the highest).' })
  chosen!: EntitlementKind | null;

  @Field(() => AllowanceGroupEnum, {
    nullable: true,
    description:
      'Nhóm trợ cấp xã hội nếu chế độ được chi là trợ cấp xã hội. / Allowance group when the chosen entitlement is an allowance.',
  })
  group!: AllowanceGroup | null;

  @Field(() => Float, { nullable: true, description: 'Hệ số. / Coefficient.' })
  coefficient!: number | null;

  @Field(() => Int, { nullable: true, description: 'Số tiền hằng tháng (đồng). / Monthly amount, VND.' })
  monthlyAmount!: number | null;

  @Field(() => MonthScalar, { nullable: true, description: 'Hưởng từ tháng. / First month of the entitlement.' })
  startMonth!: string | null;

  @Field(() => Int, { nullable: true, description: 'Mức chuẩn trợ giúp xã hội tháng đó. / Base level that month.' })
  baseLevel!: number | null;

  @Field(() => [Reason], { description: 'Lý do (tiếng Việt / tiếng Anh). / Human-readable reasons.' })
  reasons!: Reason[];

  @Field(() => [EntitlementOption], { description: 'Mọi chế độ đã xét. / Every entitlement considered.' })
  considered!: EntitlementOption[];
}

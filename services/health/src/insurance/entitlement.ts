import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';

export enum HouseholdPovertyEnum {
  POOR = 'POOR',
  NEAR_POOR = 'NEAR_POOR',
  NONE = 'NONE',
}
registerEnumType(HouseholdPovertyEnum, {
  name: 'HouseholdPoverty',
  description: 'Tình trạng nghèo của hộ (Sở Y tế/LĐTBXH công nhận). / Household poverty status.',
  valuesConfig: {
    POOR: { description: 'Hộ nghèo. / Poor household.' },
    NEAR_POOR: { description: 'Hộ cận nghèo. / Near-poor household.' },
    NONE: { description: 'Không thuộc hộ nghèo, cận nghèo. / Neither.' },
  },
});

@InputType({
  description:
    'Các thông tin của các cơ quan khác cần để xác định quyền được ngân sách đóng BHYT (không lưu). / Facts from the other agencies the entitlement needs; nothing is stored.',
})
export class StateFundedCardFactsInput {
  @Field(() => Int, { description: 'Tuổi tròn (60-130). / Full age, 60-130.' })
  age!: number;

  @Field({ description: 'Đang hưởng trợ cấp xã hội hằng tháng. / Receives the monthly social allowance.' })
  socialAllowance!: boolean;

  @Field({ description: 'Đang hưởng trợ cấp hưu trí xã hội. / Receives the social pension.' })
  socialPension!: boolean;

  @Field(() => HouseholdPovertyEnum, { description: 'Tình trạng hộ. / Household poverty status.' })
  household!: 'POOR' | 'NEAR_POOR' | 'NONE';

  @Field({ description: 'Người dân tộc thiểu số sống ở vùng khó khăn. / Ethnic minority living in a disadvantaged area.' })
  minorityInDisadvantagedArea!: boolean;
}

@ObjectType({
  description: 'Một căn cứ được ngân sách đóng hoặc hỗ trợ đóng BHYT. / One basis for a state-paid or state-subsidised BHYT card.',
})
export class StateFundedCardBasis {
  @Field({ description: 'Căn cứ (SOCIAL_ALLOWANCE, POOR_HOUSEHOLD...). / Basis key.' })
  basis!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Mã đối tượng in trên thẻ (null nếu chưa xác nhận). / Card group code, null when unconfirmed.',
  })
  cardGroup!: string | null;

  @Field(() => Int, { description: 'Phần trăm mức đóng do ngân sách chi trả. / Percent of the contribution the state pays.' })
  statePaysPercent!: number;

  @Field({ description: 'Tên tiếng Việt. / Vietnamese name.' })
  nameVi!: string;

  @Field({ description: 'Tên tiếng Anh. / English name.' })
  nameEn!: string;

  @Field(() => DateScalar, { description: 'Áp dụng từ ngày. / Effective from.' })
  effectiveFrom!: string;

  @Field({ description: 'Căn cứ pháp lý. / Legal act.' })
  legalAct!: string;
}

@ObjectType({ description: 'Quyền được ngân sách đóng BHYT. / Entitlement to a state-paid BHYT card.' })
export class StateFundedCardEntitlement {
  @Field({ description: 'Được ngân sách đóng toàn bộ. / The state pays the whole contribution.' })
  fullyStatePaid!: boolean;

  @Field(() => StateFundedCardBasis, {
    nullable: true,
    description: 'Căn cứ có lợi nhất (thẻ cấp theo căn cứ này). / The most favourable basis.',
  })
  basis!: StateFundedCardBasis | null;

  @Field(() => [StateFundedCardBasis], {
    description: 'Mọi căn cứ áp dụng, có lợi nhất trước. / Every applicable basis, most favourable first.',
  })
  allBases!: StateFundedCardBasis[];
}

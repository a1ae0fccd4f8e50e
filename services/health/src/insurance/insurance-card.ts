import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';

@ObjectType({
  description: 'Thẻ bảo hiểm y tế (mã 15 ký tự, Quyết định 1351/QĐ-BHXH). / Health-insurance (BHYT) card with its 15-character code.',
})
export class InsuranceCard {
  @Field({ description: 'Mã thẻ 15 ký tự. / 15-character card code.' })
  code!: string;

  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field({ description: 'Mã đối tượng (2 chữ cái, ví dụ BT, HT). / 2-letter beneficiary group code.' })
  beneficiaryGroup!: string;

  @Field(() => Int, { description: 'Mức hưởng 1-5. / Benefit level 1-5.' })
  benefitLevel!: number;

  @Field({ description: 'Mã tỉnh nơi cấp (2 chữ số, mã cũ của BHXH). / 2-digit issuing province code (old social-insurance codes).' })
  provinceCode!: string;

  @Field(() => DateScalar, { description: 'Có giá trị từ ngày. / Valid from (inclusive).' })
  validFrom!: string;

  @Field(() => DateScalar, { description: 'Có giá trị đến ngày. / Valid to (inclusive).' })
  validTo!: string;

  @Field({ description: 'Nơi đăng ký khám chữa bệnh ban đầu. / Registered primary-care facility.' })
  primaryCareFacility!: string;

  @Field({ description: 'Thẻ còn giá trị hôm nay (giờ Việt Nam). / Whether the card is valid today (Vietnam time).' })
  validToday!: boolean;
}

@InputType({ description: 'Cấp thẻ BHYT. / Issue a BHYT card.' })
export class IssueInsuranceCardInput {
  @Field({ description: 'Mã thẻ 15 ký tự, viết hoa. / 15-character code, capital letters.' })
  code!: string;

  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field(() => DateScalar, { description: 'Có giá trị từ ngày. / Valid from.' })
  validFrom!: string;

  @Field(() => DateScalar, { description: 'Có giá trị đến ngày (sau ngày bắt đầu). / Valid to, after validFrom.' })
  validTo!: string;

  @Field({ description: 'Nơi đăng ký khám chữa bệnh ban đầu (1-200 ký tự). / Primary-care facility, 1-200 characters.' })
  primaryCareFacility!: string;
}

import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, DateScalar } from '@nct/subgraph-kit';
import { Person } from '../person/person';
import type { SupportKind } from './action-month-support.model';

export enum SupportKindEnum {
  GIFT = 'GIFT',
  CASH = 'CASH',
  HEALTH_CHECK = 'HEALTH_CHECK',
  HOME_REPAIR = 'HOME_REPAIR',
  OTHER = 'OTHER',
}
registerEnumType(SupportKindEnum, {
  name: 'SupportKind',
  description: 'Hình thức hỗ trợ trong Tháng hành động. / Kind of Action Month support.',
  valuesConfig: {
    GIFT: { description: 'Quà tặng. / Gift.' },
    CASH: { description: 'Tiền mặt. / Cash.' },
    HEALTH_CHECK: { description: 'Khám sức khỏe. / Health check.' },
    HOME_REPAIR: { description: 'Sửa nhà. / Home repair.' },
    OTHER: { description: 'Khác. / Other.' },
  },
});

@ObjectType({ description: 'Một lần hỗ trợ trong Tháng hành động vì NCT (tháng 10). / One support given in the Action Month (October).' })
export class ActionMonthSupport {
  @Field(() => ID, { description: 'Mã bản ghi. / Record ID.' })
  supportId!: string;

  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field(() => Person, { description: 'Người được hỗ trợ. / The person supported.' })
  person!: { citizenId: string };

  @Field({ description: 'Xã/phường. / Commune.' })
  communeCode!: string;

  @Field(() => Int, { description: 'Năm. / Year.' })
  year!: number;

  @Field(() => DateScalar, { description: 'Ngày hỗ trợ. / Date.' })
  date!: string;

  @Field(() => SupportKindEnum, { description: 'Hình thức. / Kind.' })
  kind!: SupportKind;

  @Field({ description: 'Nội dung. / What was given.' })
  description!: string;

  @Field(() => Int, { description: 'Giá trị (đồng). / Value in VND.' })
  amount!: number;

  @Field({ description: 'Đơn vị hỗ trợ. / Provider.' })
  provider!: string;

  @Field({
    description:
      'Người này có trong danh sách trợ giúp xã hội tháng đó (trợ cấp, hưu trí xã hội, hộ nghèo/cận nghèo). / On a social-protection list that month.',
  })
  onProtectionList!: boolean;
}

@ObjectType({ description: 'Một trang bản ghi hỗ trợ Tháng hành động. / A page of Action Month supports.' })
export class ActionMonthSupportConnection extends ConnectionType(ActionMonthSupport, 'ActionMonthSupport') {}

@InputType({ description: 'Ghi một lần hỗ trợ Tháng hành động. / Record one Action Month support.' })
export class RecordActionMonthSupportInput {
  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field({ description: 'Xã/phường (5 chữ số). / Commune.' })
  communeCode!: string;

  @Field(() => DateScalar, {
    description: 'Ngày (trong tháng hành động, không ở tương lai). / Date, in the Action Month, not in the future.',
  })
  date!: string;

  @Field(() => SupportKindEnum, { description: 'Hình thức. / Kind.' })
  kind!: SupportKind;

  @Field({ description: 'Nội dung (1-200 ký tự). / What, 1-200 characters.' })
  description!: string;

  @Field(() => Int, { description: 'Giá trị (đồng, ≥ 0). / Value in VND, 0 or more.' })
  amount!: number;

  @Field({ description: 'Đơn vị hỗ trợ (1-200 ký tự). / Provider, 1-200 characters.' })
  provider!: string;
}

@ObjectType({ description: 'Số liệu một xã (ô nhỏ 1-4 bị ẩn). / One commune’s figures; cells of 1-4 withheld.' })
export class ActionMonthReachCell {
  @Field({ description: 'Xã/phường. / Commune.' })
  communeCode!: string;

  @Field(() => Int, { nullable: true, description: 'Số người được hỗ trợ (null: ẩn). / People supported (null: withheld).' })
  peopleSupported!: number | null;

  @Field(() => Int, { nullable: true, description: 'Trong đó thuộc danh sách trợ giúp xã hội. / Of whom on a social-protection list.' })
  onProtectionLists!: number | null;

  @Field(() => Int, { nullable: true, description: 'Trong đó không thuộc danh sách. / Of whom on no list.' })
  notOnLists!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Tổng giá trị (đồng, số nguyên; null khi ẩn). / Total value in whole VND (a Float: province totals exceed 32-bit Int; null when withheld).',
  })
  totalAmount!: number | null;
}

@ObjectType({
  description:
    'Tháng hành động: mức độ hỗ trợ đến đúng người thuộc danh sách trợ giúp xã hội. / Action Month reach of social-protection lists.',
})
export class ActionMonthReach {
  @Field(() => Int, { description: 'Năm. / Year.' })
  year!: number;

  @Field(() => [ActionMonthReachCell], { description: 'Theo xã. / By commune.' })
  communes!: ActionMonthReachCell[];

  @Field(() => ActionMonthReachCell, { description: 'Toàn bộ phạm vi (communeCode = "ALL"). / All communes asked about.' })
  total!: ActionMonthReachCell;
}

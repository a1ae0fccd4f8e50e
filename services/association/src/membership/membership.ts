import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';
import type { MembershipStatus } from './membership.model';

export enum AssociationMembershipStatusEnum {
  ACTIVE = 'ACTIVE',
  LEFT = 'LEFT',
}
registerEnumType(AssociationMembershipStatusEnum, {
  name: 'AssociationMembershipStatus',
  description: 'Tình trạng hội viên: đang sinh hoạt, đã thôi. / Membership status: active or left.',
  valuesConfig: {
    ACTIVE: { description: 'Đang sinh hoạt. / Active member.' },
    LEFT: { description: 'Đã thôi sinh hoạt. / Has left the Association.' },
  },
});

@ObjectType({ description: 'Hội viên Hội Người cao tuổi. / Membership of the Association of the Elderly.' })
export class AssociationMembership {
  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field({ description: 'Chi hội (theo thôn, tổ dân phố). / Branch (chi hội), by village.' })
  branchName!: string;

  @Field({ description: 'Mã xã/phường của Hội cơ sở (5 chữ số). / 5-digit commune code of the association unit.' })
  communeCode!: string;

  @Field(() => DateScalar, { description: 'Ngày vào Hội. / Date joined.' })
  joinedOn!: string;

  @Field({ description: 'Số thẻ hội viên. / Membership card number.' })
  cardNumber!: string;

  @Field(() => AssociationMembershipStatusEnum, { description: 'Tình trạng. / Status.' })
  status!: MembershipStatus;
}

@InputType({ description: 'Kết nạp hội viên. / Register a member of the Association.' })
export class RegisterAssociationMemberInput {
  @Field(() => ID, { description: 'Số định danh cá nhân (12 chữ số). / 12-digit citizen ID.' })
  citizenId!: string;

  @Field({ description: 'Chi hội (1-100 ký tự). / Branch name, 1-100 characters.' })
  branchName!: string;

  @Field({ description: 'Mã xã/phường (5 chữ số). / 5-digit commune code.' })
  communeCode!: string;

  @Field(() => DateScalar, { description: 'Ngày vào Hội, không ở tương lai. / Date joined, not in the future.' })
  joinedOn!: string;

  @Field({ description: 'Số thẻ hội viên (duy nhất, 1-30 ký tự). / Card number, unique, 1-30 characters.' })
  cardNumber!: string;
}

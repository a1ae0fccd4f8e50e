import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';
import type { MembershipStatus } from './membership.model';

export enum AssociationMembershipStatusEnum {
  ACTIVE = 'ACTIVE',
  LEFT = 'LEFT',
  DECEASED = 'DECEASED',
}
registerEnumType(AssociationMembershipStatusEnum, {
  name: 'AssociationMembershipStatus',
  description: 'Tình trạng hội viên: đang sinh hoạt, đã thôi. / Membership status: active or left.',
  valuesConfig: {
    ACTIVE: { description: 'Đang sinh hoạt. / Active member.' },
    LEFT: { description: 'Đã thôi sinh hoạt. / Has left the Association.' },
    DECEASED: { description: 'Đã mất (theo sổ đăng ký); hồ sơ được giữ. / Died, per the register; the record is kept.' },
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

  @Field(() => ID, { nullable: true, description: 'Mã chi hội (null với hồ sơ cũ). / Branch ID, null on older records.' })
  branchId!: string | null;

  @Field(() => String, { nullable: true, description: 'Tổ hội. / Group (tổ hội).' })
  groupName!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Ngày kết thúc (với DECEASED: ngày mất theo sổ đăng ký); null khi đang sinh hoạt. / The day it ended (DECEASED: the date of death per the register); null while active.',
  })
  endedOn!: string | null;
}

@ObjectType({
  description:
    "Đối chiếu điều kiện tuổi khi vào Hội với ngày sinh trong sổ đăng ký. / The age rule on joining, checked against the register's birth date.",
})
export class MembershipEligibility {
  @Field(() => Int, { description: 'Tuổi tròn khi vào Hội (theo sổ đăng ký). / Full age on joining, per the register.' })
  ageAtJoining!: number;

  @Field({ description: 'Đủ 60 tuổi khi vào Hội. / Aged a full 60 on joining.' })
  eligible!: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày sinh người xin vào Hội khai (khi cần). / Birth date the applicant declared, when it was needed.',
  })
  declaredBirthDate!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Ngày sinh khai khớp sổ đăng ký (null nếu không khai). / Declared birth date matches the register; null when none was declared.',
  })
  declaredMatchesRegister!: boolean | null;
}

@ObjectType({
  description:
    'Chi hội (theo thôn, tổ dân phố), có thể chia tổ hội. / A branch (chi hội), by village, optionally split into groups (tổ hội).',
})
export class Branch {
  @Field(() => ID, { description: 'Mã chi hội CH-<mã xã>-<nnn>. / Branch ID.' })
  branchId!: string;

  @Field({ description: 'Mã xã/phường (5 chữ số). / 5-digit commune code.' })
  communeCode!: string;

  @Field({ description: 'Tên chi hội. / Branch name.' })
  name!: string;

  @Field({ description: 'Thôn, bản, tổ dân phố. / Village or residential group.' })
  village!: string;

  @Field(() => [String], { description: 'Các tổ hội. / Groups (tổ hội).' })
  groups!: string[];
}

@InputType({ description: 'Lập chi hội. / Create a branch.' })
export class CreateBranchInput {
  @Field(() => ID, { description: 'Mã chi hội CH-<mã xã>-<nnn>. / Branch ID.' })
  branchId!: string;

  @Field({ description: 'Tên chi hội (1-100 ký tự, duy nhất trong xã). / Name, unique in the commune.' })
  name!: string;

  @Field({ description: 'Thôn, bản, tổ dân phố (1-100 ký tự). / Village, 1-100 characters.' })
  village!: string;

  @Field(() => [String], { defaultValue: [], description: 'Các tổ hội (tối đa 30). / Groups, at most 30.' })
  groups!: string[];
}

@InputType({ description: 'Kết nạp hội viên (đủ 60 tuổi). / Admit a member, aged a full 60.' })
export class JoinAssociationInput {
  @Field(() => ID, { description: 'Số định danh cá nhân (12 chữ số). / 12-digit citizen ID.' })
  citizenId!: string;

  @Field(() => ID, { description: 'Mã chi hội. / Branch ID.' })
  branchId!: string;

  @Field(() => String, { nullable: true, description: "Tổ hội (phải có trong chi hội). / Group, one of the branch's." })
  groupName?: string | null;

  @Field(() => DateScalar, { description: 'Ngày vào Hội, không ở tương lai. / Date joined, not in the future.' })
  joinedOn!: string;

  @Field({ description: 'Số thẻ hội viên (duy nhất, 1-30 ký tự). / Card number, unique, 1-30 characters.' })
  cardNumber!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Ngày sinh: chỉ cần khi vào Hội trong năm tròn 60 tuổi (năm sinh lấy từ số định danh). / Birth date: needed only when joining in the year of the 60th birthday.',
  })
  birthDate?: string | null;
}

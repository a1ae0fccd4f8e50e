import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, DateScalar, SexEnum } from '@nct/subgraph-kit';
import { Person } from '../person/person';
import { AdministrativeUnit } from '../units/administrative-unit';
import type { ClubRole, Sex } from './clubs.rules';

export enum ClubRoleEnum {
  CHAIR = 'CHAIR',
  VICE_CHAIR = 'VICE_CHAIR',
  MEMBER = 'MEMBER',
}
registerEnumType(ClubRoleEnum, {
  name: 'ClubRole',
  description: 'Vai trò trong câu lạc bộ. / Role in a club.',
  valuesConfig: {
    CHAIR: { description: 'Chủ nhiệm (tối đa một người). / Chair (at most one).' },
    VICE_CHAIR: { description: 'Phó chủ nhiệm. / Vice chair.' },
    MEMBER: { description: 'Thành viên. / Member.' },
  },
});


@ObjectType({
  description:
    'Câu lạc bộ liên thế hệ tự giúp nhau (Quyết định 1336/QĐ-TTg), do Hội Người cao tuổi quản lý. / An intergenerational self-help club, owned by the Association.',
})
@Directive('@key(fields: "clubId")')
export class Club {
  @Field(() => ID, { description: 'Mã câu lạc bộ, dạng CLB-<mã xã>-<số thứ tự>. / Club ID, CLB-<commune code>-<sequence>.' })
  clubId!: string;

  @Field({ description: 'Tên câu lạc bộ. / Club name.' })
  name!: string;

  @Field(() => AdministrativeUnit, { description: 'Xã/phường nơi câu lạc bộ hoạt động. / Commune the club is in.' })
  commune!: AdministrativeUnit;

  @Field(() => DateScalar, { description: 'Ngày thành lập. / Date founded.' })
  foundedOn!: string;

  @Field({ description: 'Số quyết định thành lập. / Number of the founding decision.' })
  decisionNumber!: string;

  @Field(() => Int, { description: 'Số thành viên. / Number of members.' })
  memberCount!: number;

  communeCode!: string;
}

@ObjectType({ description: 'Tư cách thành viên câu lạc bộ của một người. / A person\'s membership of a club.' })
export class ClubMembership {
  @Field(() => Club, { description: 'Câu lạc bộ. / The club.' })
  club!: Club;

  @Field(() => ClubRoleEnum, { description: 'Vai trò. / Role.' })
  role!: ClubRole;

  @Field({ description: 'Người cao tuổi (đủ 60 tuổi). / Elderly (aged a full 60 or more).' })
  elderly!: boolean;

  @Field({ description: 'Nữ. / Woman.' })
  woman!: boolean;

  @Field({ description: 'Người dưới 60 tuổi. / Younger than 60.' })
  young!: boolean;

  @Field({ description: 'Thành viên ưu tiên (hoàn cảnh khó khăn). / Priority member, in difficult circumstances.' })
  priority!: boolean;

  @Field(() => DateScalar, { description: 'Ngày tham gia. / Date joined.' })
  joinedOn!: string;

  clubId!: string;
}

@ObjectType({
  description:
    'Một thành viên trong danh sách của câu lạc bộ; người trẻ không có trong sổ người cao tuổi nên có họ tên tại đây. / A member on a club\'s list; younger members are not in the elderly register, hence the name here.',
})
export class ClubMember extends ClubMembership {
  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field({ description: 'Họ và tên. / Full name.' })
  fullName!: string;

  @Field(() => Person, {
    nullable: true,
    description: 'Người cao tuổi trong sổ (null với thành viên trẻ). / The register entry for elderly members; null for younger ones.',
  })
  person!: Person | null;
}

@InputType({ description: 'Bộ lọc danh sách câu lạc bộ. / Filter for the list of clubs.' })
export class ClubFilter {
  @Field(() => String, { nullable: true, description: 'Mã xã/phường (5 chữ số). / 5-digit commune code.' })
  communeCode?: string | null;
}

@ObjectType({ description: 'Một trang câu lạc bộ, theo mã. / A page of clubs, by club ID.' })
export class ClubConnection extends ConnectionType(Club, 'Club') {}

@ObjectType({ description: 'Một trang thành viên, theo số định danh. / A page of members, by citizen ID.' })
export class ClubMemberConnection extends ConnectionType(ClubMember, 'ClubMember') {}

@InputType({ description: 'Thêm thành viên vào câu lạc bộ. / Add a member to a club.' })
export class AddClubMemberInput {
  @Field(() => ID, { description: 'Mã câu lạc bộ. / Club ID.' })
  clubId!: string;

  @Field(() => ID, { description: 'Số định danh cá nhân (12 chữ số, khớp ngày sinh và giới tính). / Citizen ID, consistent with birth date and sex.' })
  citizenId!: string;

  @Field({ description: 'Họ và tên (1-100 ký tự). / Full name, 1-100 characters.' })
  fullName!: string;

  @Field(() => DateScalar, { description: 'Ngày sinh. / Birth date.' })
  birthDate!: string;

  @Field(() => SexEnum, { description: 'Giới tính. / Sex.' })
  sex!: Sex;

  @Field(() => ClubRoleEnum, { defaultValue: ClubRoleEnum.MEMBER, description: 'Vai trò (mặc định MEMBER). / Role, MEMBER by default.' })
  role!: ClubRole;

  @Field({ description: 'Đủ 60 tuổi hôm nay. / Aged a full 60 or more today.' })
  elderly!: boolean;

  @Field({ description: 'Đúng khi giới tính là nữ. / True exactly when sex is FEMALE.' })
  woman!: boolean;

  @Field({ description: 'Dưới 60 tuổi hôm nay. / Younger than 60 today.' })
  young!: boolean;

  @Field({ defaultValue: false, description: 'Thành viên ưu tiên. / Priority member.' })
  priority!: boolean;

  @Field(() => DateScalar, { description: 'Ngày tham gia (từ ngày thành lập đến hôm nay). / Date joined, between founding and today.' })
  joinedOn!: string;
}

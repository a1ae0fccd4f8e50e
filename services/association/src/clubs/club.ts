import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, DateScalar, SexEnum } from '@nct/subgraph-kit';
import { Person } from '../person/person';
import { AdministrativeUnit } from '../units/administrative-unit';
import type { ClubRole, Sex } from './clubs.rules';
import type { ComplianceKind, ComplianceTarget } from './compliance.rules';
import type { LoanStatus } from './club-loan.model';
import { ACTIVITY_AREAS, type ActivityArea } from './rules/operation-targets';

export enum ActivityAreaEnum {
  INCOME_GENERATION = 'INCOME_GENERATION',
  HEALTH_CARE = 'HEALTH_CARE',
  HOME_CARE_VOLUNTEERS = 'HOME_CARE_VOLUNTEERS',
  SELF_HELP_COMMUNITY_SUPPORT = 'SELF_HELP_COMMUNITY_SUPPORT',
  RIGHTS_PROTECTION = 'RIGHTS_PROTECTION',
  COMMUNICATION = 'COMMUNICATION',
  SPORT_CULTURE_ARTS = 'SPORT_CULTURE_ARTS',
  RESOURCE_MOBILISATION = 'RESOURCE_MOBILISATION',
}
if (Object.keys(ActivityAreaEnum).join() !== ACTIVITY_AREAS.join()) throw new Error('ActivityAreaEnum out of step with ACTIVITY_AREAS');
registerEnumType(ActivityAreaEnum, {
  name: 'ActivityArea',
  description: 'Tám nội dung hoạt động của câu lạc bộ (Quyết định 1336/QĐ-TTg). / The eight activity areas of a club.',
  valuesConfig: {
    INCOME_GENERATION: { description: 'Tăng thu nhập. / Income generation.' },
    HEALTH_CARE: { description: 'Chăm sóc sức khỏe. / Health care.' },
    HOME_CARE_VOLUNTEERS: { description: 'Tình nguyện viên chăm sóc tại nhà. / Home-care volunteers.' },
    SELF_HELP_COMMUNITY_SUPPORT: { description: 'Tự giúp nhau và hỗ trợ cộng đồng. / Self-help and community support.' },
    RIGHTS_PROTECTION: { description: 'Bảo vệ quyền lợi. / Rights protection.' },
    COMMUNICATION: { description: 'Truyền thông. / Communication.' },
    SPORT_CULTURE_ARTS: { description: 'Văn hóa, văn nghệ, thể dục thể thao. / Sport, culture and arts.' },
    RESOURCE_MOBILISATION: { description: 'Huy động nguồn lực. / Resource mobilisation.' },
  },
});

export enum LoanStatusEnum {
  OUTSTANDING = 'OUTSTANDING',
  REPAID = 'REPAID',
  WRITTEN_OFF = 'WRITTEN_OFF',
}
registerEnumType(LoanStatusEnum, {
  name: 'LoanStatus',
  description: 'Tình trạng khoản vay. / Loan status.',
  valuesConfig: {
    OUTSTANDING: { description: 'Đang vay. / Outstanding.' },
    REPAID: { description: 'Đã trả. / Repaid.' },
    WRITTEN_OFF: { description: 'Đã xóa nợ. / Written off.' },
  },
});

export enum ComplianceTargetEnum {
  MEMBERS = 'MEMBERS',
  WOMEN = 'WOMEN',
  ELDERLY = 'ELDERLY',
  YOUNG = 'YOUNG',
  PRIORITY_MEMBERS = 'PRIORITY_MEMBERS',
  LOAN_SHARE = 'LOAN_SHARE',
  INCOME_GENERATION_FUND = 'INCOME_GENERATION_FUND',
  ACTIVITY_FUND = 'ACTIVITY_FUND',
  ALL_ACTIVITY_AREAS = 'ALL_ACTIVITY_AREAS',
}
registerEnumType(ComplianceTargetEnum, {
  name: 'ComplianceTarget',
  description: 'Chỉ tiêu của câu lạc bộ (Quyết định 1336/QĐ-TTg). / A club target.',
  valuesConfig: {
    MEMBERS: { description: '50-70 thành viên. / 50-70 members.' },
    WOMEN: { description: '60-70% là nữ. / 60-70% women.' },
    ELDERLY: { description: '60-70% là người cao tuổi. / 60-70% elderly.' },
    YOUNG: { description: '30-40% là người dưới 60 tuổi. / 30-40% younger.' },
    PRIORITY_MEMBERS: { description: 'Có thành viên ưu tiên (hoàn cảnh khó khăn). / Has priority members.' },
    LOAN_SHARE: { description: 'Ít nhất 50% thành viên được vay vốn trong kỳ. / At least 50% of members with a loan in the period.' },
    INCOME_GENERATION_FUND: { description: 'Có quỹ phát triển sinh kế. / Keeps an income-generation fund.' },
    ACTIVITY_FUND: { description: 'Có quỹ hoạt động. / Keeps an activity fund.' },
    ALL_ACTIVITY_AREAS: { description: 'Hoạt động đủ 8 nội dung trong kỳ. / Ran all eight activity areas in the period.' },
  },
});

export enum ComplianceKindEnum {
  COMPOSITION = 'COMPOSITION',
  OPERATION = 'OPERATION',
}
registerEnumType(ComplianceKindEnum, {
  name: 'ComplianceKind',
  description: 'Nhóm chỉ tiêu: thành phần hay hoạt động. / Target group: composition or operation.',
  valuesConfig: {
    COMPOSITION: { description: 'Thành phần. / Composition.' },
    OPERATION: { description: 'Hoạt động. / Operation.' },
  },
});

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

@ObjectType({ description: "Một chỉ tiêu và số liệu thực tế của câu lạc bộ. / One target with the club's actual figure." })
export class ComplianceCheck {
  @Field(() => ComplianceTargetEnum, { description: 'Chỉ tiêu. / Target.' })
  target!: ComplianceTarget;

  @Field(() => ComplianceKindEnum, { description: 'Nhóm chỉ tiêu. / Target group.' })
  kind!: ComplianceKind;

  @Field({ description: 'Mức yêu cầu, như "50-70", "60-70%", ">= 50%". / The target as written.' })
  required!: string;

  @Field(() => Float, {
    description: 'Số liệu thực tế: số lượng, hoặc tỉ lệ % (2 chữ số thập phân). / Actual figure: a count or a per-cent share.',
  })
  actual!: number;

  @Field(() => Int, { description: 'Tử số. / Numerator.' })
  count!: number;

  @Field(() => Int, { description: 'Mẫu số. / Denominator.' })
  of!: number;

  @Field({ description: 'Đạt chỉ tiêu. / Target met.' })
  met!: boolean;
}

@ObjectType({
  description:
    'Mức đạt chỉ tiêu của câu lạc bộ tại một ngày (Quyết định 1336/QĐ-TTg). / Where a club stands against its targets on a date.',
})
export class ClubCompliance {
  @Field(() => DateScalar, { description: 'Ngày tính. / Reference date.' })
  asOf!: string;

  @Field(() => DateScalar, {
    description: 'Đầu kỳ (12 tháng đến ngày tính) cho vay vốn và hoạt động. / First day of the 12-month period for loans and activities.',
  })
  periodFrom!: string;

  @Field({ description: 'Căn cứ. / Legal basis.' })
  legalAct!: string;

  @Field(() => Int, { description: 'Số thành viên tại ngày tính. / Members on the reference date.' })
  members!: number;

  @Field(() => [ComplianceCheck], { description: 'Từng chỉ tiêu. / Every target.' })
  checks!: ComplianceCheck[];

  @Field({ description: 'Đạt mọi chỉ tiêu thành phần. / All composition targets met.' })
  compositionMet!: boolean;

  @Field({ description: 'Đạt mọi chỉ tiêu hoạt động. / All operation targets met.' })
  operationMet!: boolean;

  @Field({ description: 'Đạt mọi chỉ tiêu. / All targets met.' })
  met!: boolean;

  @Field(() => Float, { description: 'Tỉ lệ % thành viên được vay vốn. / Per cent of members with a loan.' })
  loanSharePercent!: number;

  @Field(() => [ActivityAreaEnum], { description: 'Nội dung chưa hoạt động trong kỳ. / Areas not run in the period.' })
  missingAreas!: ActivityArea[];
}

@ObjectType({ description: 'Khoản vay của thành viên câu lạc bộ. / A loan to a club member.' })
export class ClubLoan {
  @Field(() => ID, { description: 'Mã câu lạc bộ. / Club ID.' })
  clubId!: string;

  @Field(() => ID, { description: "Số định danh người vay. / Borrower's citizen ID." })
  citizenId!: string;

  @Field({ description: 'Số tham chiếu của khoản vay (duy nhất trong câu lạc bộ). / Loan reference, unique in the club.' })
  reference!: string;

  @Field(() => Int, { description: 'Số tiền (VND). / Amount, VND.' })
  amount!: number;

  @Field(() => DateScalar, { description: 'Ngày vay. / Date lent.' })
  date!: string;

  @Field(() => LoanStatusEnum, { description: 'Tình trạng. / Status.' })
  status!: LoanStatus;
}

@ObjectType({ description: 'Một hoạt động của câu lạc bộ. / An activity a club ran.' })
export class ClubActivity {
  @Field(() => ID, { description: 'Mã câu lạc bộ. / Club ID.' })
  clubId!: string;

  @Field({ description: 'Số tham chiếu (duy nhất trong câu lạc bộ). / Reference, unique in the club.' })
  reference!: string;

  @Field(() => DateScalar, { description: 'Ngày. / Date.' })
  date!: string;

  @Field(() => ActivityAreaEnum, { description: 'Nội dung. / Area.' })
  area!: ActivityArea;

  @Field({ description: 'Tên hoạt động. / Title.' })
  title!: string;

  @Field(() => Int, { description: 'Số người tham gia. / Participants.' })
  participants!: number;
}

@ObjectType({ description: "Tư cách thành viên câu lạc bộ của một người. / A person's membership of a club." })
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

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Ngày kết thúc tham gia (ngày mất theo sổ đăng ký); null khi đang tham gia. / The day the membership ended (the date of death per the register); null while current.',
  })
  endedOn!: string | null;

  clubId!: string;
}

@ObjectType({
  description:
    "Một thành viên trong danh sách của câu lạc bộ; người trẻ không có trong sổ người cao tuổi nên có họ tên tại đây. / A member on a club's list; younger members are not in the elderly register, hence the name here.",
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

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: chỉ câu lạc bộ không đạt chỉ tiêu thành phần; false: chỉ câu lạc bộ đạt. / true: only clubs outside the composition targets; false: only those within.',
  })
  outsideTargets?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: chỉ câu lạc bộ có dưới 50% thành viên được vay; false: từ 50%. / true: only clubs with under 50% of members borrowing; false: the others.',
  })
  belowLoanShare?: boolean | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày tính chỉ tiêu (mặc định hôm nay). / Reference date of the targets, today by default.',
  })
  asOf?: string | null;
}

@InputType({ description: 'Thành lập câu lạc bộ. / Found a club.' })
export class CreateClubInput {
  @Field(() => ID, { description: 'Mã câu lạc bộ CLB-<mã xã>-<nn>. / Club ID.' })
  clubId!: string;

  @Field({ description: 'Tên (1-200 ký tự). / Name, 1-200 characters.' })
  name!: string;

  @Field({ description: 'Mã xã/phường (5 chữ số, trùng với mã trong clubId). / 5-digit commune code, the one in clubId.' })
  communeCode!: string;

  @Field(() => DateScalar, { description: 'Ngày thành lập, không ở tương lai. / Date founded, not in the future.' })
  foundedOn!: string;

  @Field({ description: 'Số quyết định thành lập (duy nhất). / Number of the founding decision, unique.' })
  decisionNumber!: string;
}

@InputType({ description: 'Ghi nhận khoản vay của thành viên. / Record a loan to a member.' })
export class RecordClubLoanInput {
  @Field(() => ID, { description: 'Mã câu lạc bộ. / Club ID.' })
  clubId!: string;

  @Field(() => ID, { description: 'Số định danh (phải là thành viên). / Citizen ID, a member of the club.' })
  citizenId!: string;

  @Field({
    description:
      'Số tham chiếu của khoản vay (1-60 ký tự); gửi lại cùng số không ghi thêm. / Loan reference; sending it again records nothing new.',
  })
  reference!: string;

  @Field(() => Int, { description: 'Số tiền (VND, 1 - 1.000.000.000). / Amount, VND.' })
  amount!: number;

  @Field(() => DateScalar, { description: 'Ngày vay. / Date lent.' })
  date!: string;

  @Field(() => LoanStatusEnum, { defaultValue: LoanStatusEnum.OUTSTANDING, description: 'Tình trạng. / Status.' })
  status!: LoanStatus;
}

@InputType({ description: 'Ghi nhận hoạt động của câu lạc bộ. / Record a club activity.' })
export class RecordClubActivityInput {
  @Field(() => ID, { description: 'Mã câu lạc bộ. / Club ID.' })
  clubId!: string;

  @Field({ description: 'Số tham chiếu (1-60 ký tự); gửi lại không ghi thêm. / Reference; sending it again records nothing new.' })
  reference!: string;

  @Field(() => DateScalar, { description: 'Ngày, từ ngày thành lập đến hôm nay. / Date, between founding and today.' })
  date!: string;

  @Field(() => ActivityAreaEnum, { description: 'Nội dung. / Area.' })
  area!: ActivityArea;

  @Field({ description: 'Tên hoạt động (1-200 ký tự). / Title, 1-200 characters.' })
  title!: string;

  @Field(() => Int, { defaultValue: 0, description: 'Số người tham gia. / Participants.' })
  participants!: number;
}

@ObjectType({ description: 'Một trang câu lạc bộ, theo mã. / A page of clubs, by club ID.' })
export class ClubConnection extends ConnectionType(Club, 'Club') {}

@ObjectType({ description: 'Một trang thành viên, theo số định danh. / A page of members, by citizen ID.' })
export class ClubMemberConnection extends ConnectionType(ClubMember, 'ClubMember') {}

@InputType({ description: 'Thêm thành viên vào câu lạc bộ. / Add a member to a club.' })
export class AddClubMemberInput {
  @Field(() => ID, { description: 'Mã câu lạc bộ. / Club ID.' })
  clubId!: string;

  @Field(() => ID, {
    description: 'Số định danh cá nhân (12 chữ số, khớp ngày sinh và giới tính). / Citizen ID, consistent with birth date and sex.',
  })
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

import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Access, ConnectionType, DateScalar } from '@nct/subgraph-kit';
import { AdministrativeUnit } from '../units/administrative-unit';
import type { AssociationLevel, AssociationType } from './association-unit.model';

export enum AssociationLevelEnum {
  PROVINCE = 'PROVINCE',
  COMMUNE = 'COMMUNE',
}
registerEnumType(AssociationLevelEnum, {
  name: 'AssociationLevel',
  description: 'Cấp của đơn vị Hội (tỉnh, xã). / Level of an Association unit.',
});

export enum AssociationTypeEnum {
  REPRESENTATIVE_BOARD = 'REPRESENTATIVE_BOARD',
  ASSOCIATION = 'ASSOCIATION',
}
registerEnumType(AssociationTypeEnum, {
  name: 'AssociationType',
  description: 'Ban đại diện (REPRESENTATIVE_BOARD) hoặc Hội (ASSOCIATION). / Representative board or full association.',
});

@ObjectType({ description: 'Một quyết định (số, ngày, cơ quan ban hành). / A decision: number, date, issuing body.' })
export class Decision {
  @Access('ORGANISATION')
  @Field({ description: 'Số quyết định. / Decision number.' })
  number!: string;

  @Access('ORGANISATION')
  @Field(() => DateScalar, { description: 'Ngày ban hành. / Date issued.' })
  date!: string;

  @Access('ORGANISATION')
  @Field({ description: 'Cơ quan ban hành. / Issuing body.' })
  issuingBody!: string;
}

@InputType({ description: 'Một quyết định. / A decision.' })
export class DecisionInput {
  @Field({ description: 'Số quyết định. / Decision number.' })
  number!: string;

  @Field(() => DateScalar, { description: 'Ngày ban hành. / Date issued.' })
  date!: string;

  @Field({ description: 'Cơ quan ban hành. / Issuing body.' })
  issuingBody!: string;
}

@ObjectType({ description: 'Nhiệm kỳ lãnh đạo của một đơn vị Hội (5 năm). / A leadership term of an Association unit (5 years).' })
export class LeadershipTerm {
  @Access('ORGANISATION')
  @Field(() => DateScalar, { description: 'Bắt đầu. / Start.' })
  startDate!: string;

  @Access('ORGANISATION')
  @Field(() => DateScalar, { description: 'Kết thúc. / End.' })
  endDate!: string;

  @Access('ORGANISATION')
  @Field({ description: 'Chủ tịch (Trưởng ban) nhiệm kỳ. / Chair of the term.' })
  chairName!: string;

  @Access('ORGANISATION')
  @Field(() => Decision, { description: 'Quyết định công nhận. / Decision recognising the term.' })
  decision!: Decision;
}

@InputType({ description: 'Một nhiệm kỳ mới. / A new leadership term.' })
export class LeadershipTermInput {
  @Field(() => DateScalar, { description: 'Bắt đầu. / Start.' })
  startDate!: string;

  @Field(() => DateScalar, { description: 'Kết thúc (tối đa 5 năm sau). / End (at most 5 years later).' })
  endDate!: string;

  @Field({ description: 'Chủ tịch (Trưởng ban). / Chair.' })
  chairName!: string;

  @Field(() => DecisionInput, { description: 'Quyết định công nhận. / Recognition decision.' })
  decision!: DecisionInput;
}

@ObjectType({
  description:
    'Hồ sơ tổ chức của một đơn vị Hội Người cao tuổi (Sở Nội vụ quản lý): cấp, loại, quyết định thành lập, nhiệm kỳ. / Organisation record of an Association of the Elderly unit.',
})
export class AssociationUnit {
  @Field(() => ID, { description: 'Mã đơn vị hành chính nơi Hội hoạt động. / Code of the administrative unit it serves.' })
  adminUnitCode!: string;

  @Access('ORGANISATION')
  @Field({ description: 'Tên. / Name.' })
  name!: string;

  @Access('ORGANISATION')
  @Field(() => AssociationLevelEnum, { description: 'Cấp. / Level.' })
  level!: AssociationLevel;

  @Access('ORGANISATION')
  @Field(() => AssociationTypeEnum, { description: 'Loại. / Type.' })
  type!: AssociationType;

  @Access('ORGANISATION')
  @Field(() => Decision, { description: 'Quyết định thành lập. / Establishment decision.' })
  establishment!: Decision;

  @Access('ORGANISATION')
  @Field(() => AdministrativeUnit, { nullable: true, description: 'Đơn vị hành chính. / The administrative unit.' })
  adminUnit?: AdministrativeUnit | null;

  @Access('ORGANISATION')
  @Field(() => [LeadershipTerm], { description: 'Các nhiệm kỳ, cũ trước. / Leadership terms, oldest first.' })
  terms?: LeadershipTerm[];

  @Access('ORGANISATION')
  @Field(() => LeadershipTerm, { nullable: true, description: 'Nhiệm kỳ hiện tại (hôm nay). / The term in office today.' })
  currentTerm?: LeadershipTerm | null;
}

@InputType({ description: 'Đăng ký hồ sơ một đơn vị Hội. / Record an Association unit.' })
export class AssociationUnitInput {
  @Field(() => ID, { description: 'Mã tỉnh (2 chữ số) hoặc mã xã (5 chữ số) hiện hành. / Current province or commune code.' })
  adminUnitCode!: string;

  @Field({ description: 'Tên. / Name.' })
  name!: string;

  @Field(() => AssociationLevelEnum, { description: 'Cấp. / Level.' })
  level!: AssociationLevel;

  @Field(() => AssociationTypeEnum, { description: 'Loại. / Type.' })
  type!: AssociationType;

  @Field(() => DecisionInput, { description: 'Quyết định thành lập. / Establishment decision.' })
  establishment!: DecisionInput;
}

@ObjectType({ description: 'Một trang đơn vị Hội. / A page of Association units.' })
export class AssociationUnitConnection extends ConnectionType(AssociationUnit, 'AssociationUnit') {}

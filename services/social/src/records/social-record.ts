import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';
import { InsuranceStatusEnum, PovertyStatusEnum } from '../dashboards/coverage';
import type { DisabilityLevel, InsuranceStatus, PovertyStatus } from './social-record.model';

export enum DisabilityLevelEnum {
  NONE = 'NONE',
  SEVERE = 'SEVERE',
  VERY_SEVERE = 'VERY_SEVERE',
}
registerEnumType(DisabilityLevelEnum, {
  name: 'DisabilityLevel',
  description: 'Mức độ khuyết tật đã xác định. / Assessed disability level.',
  valuesConfig: {
    NONE: { description: 'Không/nhẹ. / None or mild.' },
    SEVERE: { description: 'Nặng. / Severe.' },
    VERY_SEVERE: { description: 'Đặc biệt nặng. / Very severe.' },
  },
});

@ObjectType({ description: 'Tình trạng nghèo của một năm. / Poverty status of one year.' })
export class PovertyYear {
  @Field(() => Int, { description: 'Năm. / Year.' })
  year!: number;

  @Field(() => PovertyStatusEnum, { description: 'Tình trạng. / Status.' })
  status!: PovertyStatus;
}

@ObjectType({ description: 'Tình trạng BHXH từ một ngày. / Insurance status from a date.' })
export class InsurancePeriod {
  @Field(() => DateScalar, { description: 'Từ ngày. / From.' })
  from!: string;

  @Field(() => InsuranceStatusEnum, { description: 'Tình trạng. / Status.' })
  status!: InsuranceStatus;
}

@ObjectType({ description: 'Hồ sơ hoàn cảnh do Sở quản lý. / The department’s record of a person’s circumstances.' })
export class SocialRecord {
  @Field({ description: 'Xã/phường quản lý hồ sơ. / Commune keeping the record.' })
  communeCode!: string;

  @Field(() => [PovertyYear], { description: 'Tình trạng nghèo theo năm. / Poverty status by year.' })
  poverty!: PovertyYear[];

  @Field(() => [InsurancePeriod], { description: 'Tình trạng lương hưu/BHXH theo thời gian. / Pension / SI status over time.' })
  insurance!: InsurancePeriod[];

  @Field(() => DisabilityLevelEnum, { description: 'Mức độ khuyết tật. / Disability level.' })
  disability!: DisabilityLevel;

  @Field({ description: 'Không có người có nghĩa vụ phụng dưỡng. / Nobody obliged to support them.' })
  noSupporter!: boolean;

  @Field({ description: 'Đủ điều kiện vào cơ sở BTXH nhưng sống tại cộng đồng. / Facility-eligible, cared for in the community.' })
  careFacilityEligible!: boolean;

  @Field({ description: 'Đang hưởng trợ cấp hằng tháng khác. / Receives another monthly allowance.' })
  otherMonthlyAllowance!: boolean;
}

@InputType({ description: 'Ghi tình trạng nghèo của một người trong một năm. / Record a person’s poverty status for a year.' })
export class SetPovertyStatusInput {
  @Field({ description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field(() => Int, { description: 'Năm (2021 đến năm sau). / Year, 2021 to next year.' })
  year!: number;

  @Field(() => PovertyStatusEnum, { description: 'Tình trạng. / Status.' })
  status!: PovertyStatus;

  @Field({ description: 'Xã/phường quản lý (5 chữ số). / Commune keeping the record.' })
  communeCode!: string;
}

@InputType({ description: 'Ghi hoàn cảnh (khuyết tật, người phụng dưỡng...). / Record circumstances.' })
export class SetCircumstancesInput {
  @Field({ description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field({ description: 'Xã/phường quản lý (5 chữ số). / Commune keeping the record.' })
  communeCode!: string;

  @Field(() => DisabilityLevelEnum, { description: 'Mức độ khuyết tật. / Disability level.' })
  disability!: DisabilityLevel;

  @Field({ description: 'Không có người phụng dưỡng. / Nobody obliged to support them.' })
  noSupporter!: boolean;

  @Field({ description: 'Đủ điều kiện vào cơ sở nhưng sống tại cộng đồng. / Facility-eligible, in the community.' })
  careFacilityEligible!: boolean;

  @Field({ description: 'Hưởng trợ cấp hằng tháng khác. / Another monthly allowance.' })
  otherMonthlyAllowance!: boolean;
}

@ObjectType({ description: 'Một dòng bị từ chối khi nhập. / A rejected import row.' })
export class RejectedRow {
  @Field(() => Int, { description: 'Số dòng (1 = tiêu đề). / Line number (1 = header).' })
  line!: number;

  @Field({ description: 'Mã lý do. / Reason code.' })
  reason!: string;

  @Field({ description: 'Giải thích (tiếng Việt). / Explanation in Vietnamese.' })
  messageVi!: string;

  @Field({ description: 'Giải thích (tiếng Anh). / Explanation in English.' })
  messageEn!: string;
}

@ObjectType({ description: 'Kết quả nhập tình trạng BHXH. / Result of an insurance-status import.' })
export class InsuranceImportReport {
  @Field(() => Int, { description: 'Số dòng dữ liệu. / Data rows read.' })
  rows!: number;

  @Field(() => Int, { description: 'Dòng làm thay đổi dữ liệu. / Rows that changed something.' })
  applied!: number;

  @Field(() => Int, { description: 'Dòng hợp lệ đã có sẵn (không đổi). / Valid rows already on record.' })
  unchanged!: number;

  @Field(() => [RejectedRow], { description: 'Dòng bị từ chối (không thay đổi gì). / Rejected rows (nothing changed).' })
  rejected!: RejectedRow[];
}

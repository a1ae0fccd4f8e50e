import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';
import { InsuranceStatusEnum, PovertyStatusEnum } from '../dashboards/coverage';
import {
  insuranceStepsOf,
  pensionPeriodsOf,
  type DisabilityLevel,
  type InsuranceStatus,
  type PensionKind,
  type PensionPeriod as PensionPeriodDoc,
  type PovertyStatus,
  type SocialRecordDoc,
} from './social-record.model';

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

export enum PensionKindEnum {
  RETIREMENT_PENSION = 'RETIREMENT_PENSION',
  MONTHLY_SOCIAL_INSURANCE = 'MONTHLY_SOCIAL_INSURANCE',
}
registerEnumType(PensionKindEnum, {
  name: 'PensionKind',
  description: 'Loại chế độ hằng tháng từ quỹ BHXH. / Kind of monthly benefit from the social-insurance fund.',
  valuesConfig: {
    RETIREMENT_PENSION: {
      description:
        'Lương hưu (mức nào cũng loại trừ trợ cấp hưu trí xã hội và nhóm 5c). / Retirement pension (any amount excludes the social pension and group 5c).',
    },
    MONTHLY_SOCIAL_INSURANCE: {
      description:
        'Trợ cấp BHXH hằng tháng (Điều 23 Luật BHXH 2024; thấp hơn mức trợ cấp hưu trí xã hội thì không loại trừ trợ cấp đó). / Monthly social-insurance benefit (Law 41/2024 Art. 23; below the social-pension level it does not exclude the social pension).',
    },
  },
});

@ObjectType({
  description: 'Lương hưu / trợ cấp BHXH hằng tháng trong một khoảng thời gian. / A pension or monthly SI benefit over a period.',
})
export class PensionPeriod {
  @Field(() => PensionKindEnum, { description: 'Loại. / Kind.' })
  kind!: PensionKind;

  @Field(() => Int, {
    nullable: true,
    description: 'Mức hưởng hằng tháng (đồng); null nếu chưa ghi. / Monthly amount in VND; null when not on record.',
  })
  monthlyAmount!: number | null;

  @Field(() => DateScalar, { description: 'Từ ngày. / From (inclusive).' })
  from!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Đến ngày (kể cả); null: đang hưởng. / To (inclusive); null while it lasts.' })
  to!: string | null;
}

@InputType({ description: 'Một khoảng hưởng lương hưu / trợ cấp BHXH hằng tháng. / A pension or monthly SI benefit period.' })
export class PensionPeriodInput {
  @Field(() => PensionKindEnum, { description: 'Loại. / Kind.' })
  kind!: PensionKind;

  @Field(() => Int, { nullable: true, description: 'Mức hưởng hằng tháng (đồng). / Monthly amount in VND.' })
  monthlyAmount?: number | null;

  @Field(() => DateScalar, { description: 'Từ ngày. / From (inclusive).' })
  from!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Đến ngày (kể cả); bỏ trống: đang hưởng. / To (inclusive); empty while it lasts.',
  })
  to?: string | null;
}

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

  @Field(() => [InsurancePeriod], {
    description:
      'Tình trạng lương hưu/BHXH theo thời gian (các mốc thay đổi; chi tiết và mức hưởng: pensions). / Pension / SI status over time, as steps; details and amounts in pensions.',
  })
  insurance!: InsurancePeriod[];

  @Field(() => [PensionPeriod], {
    description:
      'Các khoảng hưởng lương hưu / trợ cấp BHXH hằng tháng, với mức hưởng. / Pension and monthly SI benefit periods, with amounts.',
  })
  pensions!: PensionPeriodDoc[];

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

  @Field(() => [PensionPeriodInput], {
    nullable: true,
    description:
      'Các khoảng hưởng lương hưu / trợ cấp BHXH hằng tháng (thay toàn bộ; không chồng lấn); bỏ trống: giữ nguyên. / Pension and monthly SI periods (replace the list; no overlaps); omitted: unchanged.',
  })
  pensions?: PensionPeriodInput[] | null;
}

/** A record as the schema shows it: pension periods (older records' status steps read as periods) and the steps they make. */
export function socialRecordView(doc: SocialRecordDoc): SocialRecord {
  return Object.assign(new SocialRecord(), {
    communeCode: doc.communeCode,
    poverty: doc.poverty,
    insurance: insuranceStepsOf(doc).map(({ from, status }) => ({ from, status })),
    pensions: pensionPeriodsOf(doc),
    disability: doc.disability,
    noSupporter: doc.noSupporter,
    careFacilityEligible: doc.careFacilityEligible,
    otherMonthlyAllowance: doc.otherMonthlyAllowance,
  });
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

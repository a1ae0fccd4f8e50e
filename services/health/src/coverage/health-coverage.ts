import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';
import type { CoverageIndicator } from './rules/coverage-targets';

export enum CoverageIndicatorEnum {
  HEALTH_RECORD = 'HEALTH_RECORD',
  ANNUAL_CHECK = 'ANNUAL_CHECK',
  INSURANCE_CARD = 'INSURANCE_CARD',
  CHRONIC_MANAGEMENT = 'CHRONIC_MANAGEMENT',
}
registerEnumType(CoverageIndicatorEnum, {
  name: 'HealthCoverageIndicator',
  description: 'Chỉ tiêu bao phủ y tế người cao tuổi. / Health coverage indicator for the elderly.',
  valuesConfig: {
    HEALTH_RECORD: { description: 'Có hồ sơ theo dõi sức khỏe. / Has a health management record.' },
    ANNUAL_CHECK: { description: 'Được khám sức khỏe định kỳ trong năm. / Had a periodic check in the year.' },
    INSURANCE_CARD: { description: 'Có thẻ BHYT còn giá trị. / Holds a valid BHYT card.' },
    CHRONIC_MANAGEMENT: { description: 'Bệnh mạn tính được quản lý (trên số người có bệnh). / Chronic conditions under management, of those with one.' },
  },
});

@ObjectType({ description: 'Một chỉ tiêu của một xã (hoặc tỉnh) so với mục tiêu quốc gia. / One indicator of a commune (or province) against the national target.' })
export class CoverageIndicatorValue {
  @Field(() => CoverageIndicatorEnum, { description: 'Chỉ tiêu. / Indicator.' })
  indicator!: CoverageIndicator;

  @Field(() => Int, { nullable: true, description: 'Số người đạt (null nếu bị ẩn vì ô nhỏ hoặc thiếu mẫu số). / People counted; null when withheld or unknown.' })
  count!: number | null;

  @Field(() => Int, { nullable: true, description: 'Mẫu số (số người cao tuổi; với bệnh mạn tính: số người có bệnh). / Denominator.' })
  denominator!: number | null;

  @Field(() => Float, { nullable: true, description: 'Tỷ lệ 0-1 (4 chữ số thập phân); null nếu bị ẩn hoặc thiếu mẫu số. / Share 0-1; null when withheld or unknown.' })
  share!: number | null;

  @Field(() => Int, { nullable: true, description: 'Mục tiêu (%) áp dụng cho năm; null nếu chưa có. / Target percent for the year, null when none.' })
  targetPercent!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Đạt mục tiêu (tỷ lệ >= mục tiêu). / Whether the share reaches the target.' })
  met!: boolean | null;

  @Field({ description: 'Số liệu bị ẩn vì ô nhỏ (1-4 người). / Withheld as a small cell (1-4 people).' })
  suppressed!: boolean;

  @Field(() => String, { nullable: true, description: 'Văn bản quy định mục tiêu. / Legal act setting the target.' })
  legalAct!: string | null;
}

@ObjectType({
  description:
    'Bao phủ y tế người cao tuổi của một xã, hoặc của cả tỉnh (tổng các xã), trong một năm (theo xã của hồ sơ sức khỏe). / Health coverage of a commune’s (or a whole province’s: the sum of its communes) elderly for a year, counted by the commune of the health record.',
})
export class HealthCoverage {
  @Field({ description: 'Mã xã (5 chữ số), hoặc mã tỉnh (2 chữ số) cho dòng tỉnh. / Commune code, or the province code for the province row.' })
  communeCode!: string;

  @Field(() => Int, { description: 'Năm. / Year.' })
  year!: number;

  @Field(() => DateScalar, { description: 'Ngày tính thẻ và hồ sơ: 31/12 hoặc hôm nay với năm hiện tại. / Reference date: 31 December, or today for the current year.' })
  referenceDate!: string;

  @Field(() => Int, { nullable: true, description: 'Số người cao tuổi còn sống (Sở Nội vụ); null nếu bị ẩn. / Living elderly per the register; null when withheld.' })
  elderlyCount!: number | null;

  @Field(() => CoverageIndicatorValue, { description: 'Có hồ sơ theo dõi sức khỏe. / With a health record.' })
  healthRecord!: CoverageIndicatorValue;

  @Field(() => CoverageIndicatorValue, { description: 'Được khám định kỳ trong năm. / With a periodic check in the year.' })
  annualCheck!: CoverageIndicatorValue;

  @Field(() => CoverageIndicatorValue, { description: 'Có thẻ BHYT còn giá trị. / With a valid BHYT card.' })
  insuranceCard!: CoverageIndicatorValue;

  @Field(() => CoverageIndicatorValue, { description: 'Bệnh mạn tính được quản lý. / Chronic conditions under management.' })
  chronicManagement!: CoverageIndicatorValue;

  @Field(() => Boolean, { nullable: true, description: 'Đạt cả ba mục tiêu hồ sơ, khám, BHYT; null nếu thiếu mẫu số hoặc mục tiêu. / Meets the record, check and card targets; null when unknown.' })
  allTargetsMet!: boolean | null;
}

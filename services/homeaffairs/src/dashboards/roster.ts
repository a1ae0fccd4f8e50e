import { Field, InputType, Int, ObjectType, ID } from 'type-graphql';
import { Access, DateScalar } from '@nct/subgraph-kit';
import { AdministrativeUnit } from '../units/administrative-unit';

@InputType({
  description: 'Bộ lọc danh sách người cao tuổi của một xã. / Filter of a commune roster.',
})
export class RosterFilter {
  @Field(() => Int, { nullable: true, description: 'Tuổi tròn tối thiểu vào ngày asOf. / Minimum age in full years on asOf.' })
  minAge?: number | null;

  @Field(() => Int, { nullable: true, description: 'Tuổi tròn tối đa vào ngày asOf. / Maximum age in full years on asOf.' })
  maxAge?: number | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày tính tuổi (mặc định hôm nay, giờ Việt Nam). / Date ages are computed on (default today in Vietnam).',
  })
  asOf?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: còn sống vào ngày asOf; false: đã mất vào hoặc trước asOf; bỏ trống: tất cả. / true: alive on asOf; false: died on or before asOf; empty: all.',
  })
  alive?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Năm dương lịch để tính tuổi mừng thọ (mặc định năm của asOf). / Calendar year of the celebration ages (default: the year of asOf).',
  })
  calendarYear?: number | null;

  @Field(() => [Int], {
    nullable: true,
    description: 'Tròn các tuổi này trong năm calendarYear (70, 75, ...). / Reaches one of these ages during calendarYear.',
  })
  calendarAges?: number[] | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Hoặc đạt từ tuổi này trở lên trong năm (100+). / Or reaches at least this age during the year.',
  })
  calendarAgeAtLeast?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: hồ sơ còn mang mã đơn vị cũ (trước 01/7/2025); false: không. / true: record still on a pre-July-2025 code.',
  })
  legacyCode?: boolean | null;

  @Field(() => [ID], { nullable: true, description: 'Chỉ những số định danh này (tối đa 10.000). / Only these citizen IDs (max 10,000).' })
  citizenIdIn?: string[] | null;
}

@ObjectType({
  description:
    'Số hồ sơ còn mang một mã đơn vị cũ và các đơn vị hiện nay mã đó chuyển thành (câu hỏi 12). / Register records still on one old code and the units it resolves to today (Q12).',
})
export class LegacyUnitRecords {
  @Field(() => ID, { description: 'Mã đơn vị cũ (trước 01/7/2025). / Old unit code.' })
  legacyCode!: string;

  @Access('AGGREGATES')
  @Field(() => AdministrativeUnit, {
    nullable: true,
    description: 'Đơn vị cũ (null nếu mã không có trong danh mục). / The old unit, null when unknown.',
  })
  legacyUnit!: AdministrativeUnit | null;

  @Access('AGGREGATES')
  @Field(() => Int, { nullable: true, description: 'Số hồ sơ; null khi bị ẩn (1-4). / Number of records; null when withheld (1-4).' })
  recordCount!: number | null;

  @Access('AGGREGATES')
  @Field({ description: 'Số bị ẩn để không lộ danh tính. / Withheld to protect identity.' })
  suppressed!: boolean;

  @Access('AGGREGATES')
  @Field(() => [AdministrativeUnit], { description: "Đơn vị hiện nay mã cũ chuyển thành. / Today's unit(s) the old code resolves to." })
  currentUnits!: AdministrativeUnit[];
}

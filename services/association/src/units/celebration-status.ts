// Q8 figures: the year's longevity celebrations by status, per commune and for the province.
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AdministrativeUnit } from './administrative-unit';

@ObjectType({
  description:
    'Mừng thọ của một năm theo trạng thái, của một xã hoặc cả tỉnh (số liệu tổng hợp, ô 1-4 bị ẩn với điều phối viên). / A year’s longevity celebrations by status, for a commune or the whole province (aggregate; cells of 1-4 withheld from coordinators).',
})
export class CelebrationStatusCounts {
  @Field(() => ID, { description: 'Mã xã, hoặc mã tỉnh cho dòng tổng. / Commune code, or the province code for the total row.' })
  code!: string;

  @Field(() => AdministrativeUnit, { description: 'Đơn vị (tên lấy từ Sở Nội vụ). / The unit (its name comes from home affairs).' })
  unit!: AdministrativeUnit;

  @Field(() => Int, {
    nullable: true,
    description:
      'Số người đến tuổi mừng thọ trong năm theo sổ đăng ký: còn sống hôm nay, tuổi theo năm (năm − năm sinh) được mừng thọ (70, 75, ..., 95, từ 100 mỗi năm). null khi bị ẩn hoặc Sở Nội vụ không trả số. / People due a celebration per the register: living today, with a celebrated calendar age (year − birth year: 70, 75, ..., 95, every year from 100). null when withheld or when home affairs sent no count.',
  })
  due!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Mừng thọ đã trao (DELIVERED) ghi nhận tại xã, kể cả người mất sau khi đã nhận. null khi bị ẩn. / Celebrations recorded DELIVERED by the commune, including people who died after receiving it. null when withheld.',
  })
  delivered!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Mừng thọ ghi nhận không trao được (NOT_DELIVERED). null khi bị ẩn. / Celebrations recorded NOT_DELIVERED. null when withheld.',
  })
  notDelivered!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Dự kiến: due − delivered − notDelivered (không âm), tức người đến tuổi có ghi nhận PLANNED hoặc chưa có ghi nhận nào. null khi bị ẩn hoặc không có due. / PLANNED: due − delivered − notDelivered, at least 0: people due with a PLANNED record or nothing recorded yet. null when withheld or due is unknown.',
  })
  planned!: number | null;

  @Field({
    description:
      'Các ô của dòng bị ẩn (một ô 1-4, hoặc ẩn bổ sung để không suy ra được từ dòng tổng). / The row’s cells are withheld (a cell of 1-4, or complementary so that the total does not give one back).',
  })
  suppressed!: boolean;
}

@ObjectType({
  description:
    'Câu hỏi 8 (số liệu): mừng thọ của năm theo trạng thái, theo xã và toàn tỉnh. / Q8 figures: the year’s longevity celebrations by status, per commune and for the province.',
})
export class LongevityCelebrationStatus {
  @Field(() => Int, { description: 'Năm. / Year.' })
  year!: number;

  @Field(() => [CelebrationStatusCounts], { description: 'Từng xã, theo mã. / Each commune, by code.' })
  communes!: CelebrationStatusCounts[];

  @Field(() => CelebrationStatusCounts, { description: 'Dòng tổng của đơn vị được hỏi. / The total of the unit asked.' })
  total!: CelebrationStatusCounts;
}

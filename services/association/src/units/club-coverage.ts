import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';

@ObjectType({ description: 'Một nhóm xã trong độ phủ câu lạc bộ (tất cả, đồng bằng, miền núi). / A group of communes in club coverage.' })
export class CoverageGroup {
  @Field(() => Int, { description: 'Số xã của nhóm. / Communes in the group.' })
  communes!: number;

  @Field(() => Int, { description: 'Số xã đạt (có số câu lạc bộ trong khoảng yêu cầu). / Communes with the required number of clubs.' })
  covered!: number;

  @Field(() => Float, { description: 'Tỉ lệ % (2 chữ số thập phân). / Share, per cent.' })
  sharePercent!: number;

  @Field(() => Int, { nullable: true, description: 'Chỉ tiêu % (null khi không đặt cho nhóm này). / Target per cent, null when none.' })
  targetPercent!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Đạt chỉ tiêu (null khi không có chỉ tiêu). / Target met, null when there is none.',
  })
  met!: boolean | null;
}

@ObjectType({ description: 'Độ phủ câu lạc bộ liên thế hệ của tỉnh so với chỉ tiêu. / Club coverage of a province against its target.' })
export class ClubCoverage {
  @Field(() => DateScalar, { description: 'Ngày tính (câu lạc bộ thành lập đến ngày này). / Reference date: clubs founded by it.' })
  asOf!: string;

  @Field({ description: 'Căn cứ chỉ tiêu. / Legal basis of the target.' })
  legalAct!: string;

  @Field(() => Int, { description: 'Số câu lạc bộ trong tỉnh. / Clubs in the province.' })
  clubs!: number;

  @Field(() => Int, { description: 'Số xã có ít nhất một câu lạc bộ. / Communes with at least one club.' })
  communesWithClub!: number;

  @Field(() => CoverageGroup, { description: 'Mọi xã: có ít nhất một câu lạc bộ. / All communes: at least one club.' })
  all!: CoverageGroup;

  @Field(() => CoverageGroup, {
    description: 'Xã đồng bằng: có số câu lạc bộ trong khoảng yêu cầu. / Lowland communes with the required number of clubs.',
  })
  lowland!: CoverageGroup;

  @Field(() => CoverageGroup, { description: 'Xã miền núi, biên giới, hải đảo. / Mountain, border and island communes.' })
  mountain!: CoverageGroup;

  @Field({ description: 'Đạt mọi chỉ tiêu đang áp dụng. / Every target in force met.' })
  met!: boolean;

  @Field(() => [String], { description: 'Mã các xã chưa có câu lạc bộ. / Codes of communes with no club.' })
  communesWithoutClub!: string[];
}

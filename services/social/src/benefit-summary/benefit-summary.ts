import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'Một số liệu: số hồ sơ và tổng tiền tháng; ô 1-4 bị ẩn. / One figure: cases and monthly total; cells of 1-4 withheld.',
})
export class BenefitFigure {
  @Field(() => Int, {
    nullable: true,
    description: 'Số hồ sơ được chi trong tháng (null: ẩn). / Cases paid for the month (null: withheld).',
  })
  count!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Tổng tiền phải chi trong tháng (đồng, số nguyên; null khi ẩn). / Total due for the month in whole VND (a Float: province totals exceed 32-bit Int; null when withheld).',
  })
  monthlyTotal!: number | null;

  @Field({ description: 'Ô bị ẩn (1-4 hoặc ẩn bổ sung). / Withheld (1-4, or complementary).' })
  suppressed!: boolean;
}

@ObjectType({
  description: 'Trợ cấp và hưu trí xã hội của một xã (hoặc toàn phạm vi). / Allowance and social pension of one commune (or all in scope).',
})
export class BenefitSummaryCell {
  @Field({ description: 'Xã/phường ("ALL" ở dòng tổng). / Commune ("ALL" on the total row).' })
  communeCode!: string;

  @Field(() => BenefitFigure, { description: 'Trợ cấp xã hội hằng tháng. / Monthly social allowance.' })
  allowance!: BenefitFigure;

  @Field(() => BenefitFigure, { description: 'Trợ cấp hưu trí xã hội. / Social pension.' })
  socialPension!: BenefitFigure;
}

@ObjectType({
  description:
    'Số hồ sơ trợ cấp và hưu trí xã hội được chi trong một tháng và tổng tiền, theo xã và toàn tỉnh. / Allowance and social pension cases paid for a month and their totals, per commune and for the province.',
})
export class BenefitSummary {
  @Field({ description: 'Tháng (YYYY-MM). / Month.' })
  month!: string;

  @Field(() => [BenefitSummaryCell], { description: 'Theo xã, theo mã xã. / By commune, in commune code order.' })
  communes!: BenefitSummaryCell[];

  @Field(() => BenefitSummaryCell, { description: 'Toàn bộ phạm vi (communeCode = "ALL"). / All communes in scope.' })
  total!: BenefitSummaryCell;
}

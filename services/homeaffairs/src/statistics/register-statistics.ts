import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, SexEnum } from '@nct/subgraph-kit';
import type { Sex } from '../people/person.model';

@ObjectType({ description: 'Một ô thống kê: giới tính × nhóm tuổi. / One cell: sex by age band.' })
export class RegisterCell {
  @Field(() => SexEnum)
  sex!: Sex;

  @Field({ description: 'Nhóm tuổi (60-69 ... 100+). / Age band.' })
  ageBand!: string;

  @Field(() => Int, { nullable: true, description: 'Số người; null khi bị ẩn (ô nhỏ). / Number of people; null when withheld.' })
  count!: number | null;

  @Field({ description: 'Ô bị ẩn để không lộ danh tính (1-4 người, hoặc ẩn kèm). / Withheld to protect identity.' })
  suppressed!: boolean;
}

@ObjectType({
  description:
    'Số người cao tuổi còn sống trong sổ theo giới tính và nhóm tuổi; ô dưới 5 người bị ẩn (Luật BVDLCN 91/2025). / Living people in the register by sex and age band; cells under 5 are withheld.',
})
export class RegisterStatistics {
  @Field(() => String, { nullable: true, description: 'Mã xã/phường, null: toàn bộ sổ. / Commune code; null for the whole register.' })
  communeCode!: string | null;

  @Field(() => DateScalar, { description: 'Tuổi tính đến ngày. / Ages as of.' })
  asOf!: string;

  @Field(() => Int, { nullable: true, description: 'Tổng số; null khi dưới 5. / Total; null when under 5.' })
  total!: number | null;

  @Field(() => [RegisterCell])
  cells!: RegisterCell[];
}

import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** From homeaffairs (`@inaccessible` there): a commune's living residents today born in one year. */
@ObjectType({ description: 'Số người còn sống sinh trong một năm. / Living residents born in one year.' })
@Directive('@shareable')
export class BirthYearCount {
  @Field(() => Int, { description: 'Năm sinh. / Birth year.' })
  year!: number;

  @Field(() => Int, { description: 'Số người còn sống. / Living residents.' })
  count!: number;
}

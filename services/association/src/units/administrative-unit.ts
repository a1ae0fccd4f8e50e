// Foreign entity: `AdministrativeUnit` is owned by the homeaffairs subgraph. This stub holds the
// key and the unit facts our coverage rule needs (`@external`, sent by the gateway for the field
// that `@requires` them); the association adds club and celebration figures (unit.resolver.ts).
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { BirthYearCount } from './birth-year-count';

// No type description: the owner's (homeaffairs) is the one the supergraph shows.
@ObjectType()
@Directive('@key(fields: "code")')
export class AdministrativeUnit {
  @Field(() => ID, { description: 'Mã đơn vị. / Official code.' })
  code!: string;

  /** From homeaffairs (Decision 1648/QĐ-TTg distinguishes mountain, border and island communes). */
  @Field(() => Boolean, {
    nullable: true,
    description: 'Xã miền núi, biên giới, hải đảo (từ Sở Nội vụ). / Mountain, border or island commune, from home affairs.',
  })
  @Directive('@external')
  mountainous?: boolean | null;

  /** From homeaffairs: the current communes of a province. */
  @Field(() => [AdministrativeUnit], {
    nullable: true,
    description: 'Các xã/phường hiện hành của tỉnh (từ Sở Nội vụ). / Current communes of a province, from home affairs.',
  })
  @Directive('@external')
  communes?: AdministrativeUnit[] | null;

  /** From homeaffairs (`@inaccessible` there): a commune's living residents today per birth year (Q8 figures). */
  @Field(() => [BirthYearCount], {
    nullable: true,
    description: 'Số người còn sống hôm nay theo năm sinh (từ Sở Nội vụ). / Living residents today per birth year, from home affairs.',
  })
  @Directive('@external')
  livingBirthYearsToday?: BirthYearCount[] | null;
}

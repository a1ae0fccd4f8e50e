import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * Living residents of a commune born in one year, from the `living-births` tally. Not in the
 * client API (`@inaccessible`): only handed to another agency's `@requires` field, which
 * publishes figures computed from it with small cells withheld (association
 * `longevityCelebrationStatus`, Q8 figures).
 */
@ObjectType({ description: 'Số người còn sống sinh trong một năm. / Living residents born in one year.' })
@Directive('@shareable')
@Directive('@inaccessible')
export class BirthYearCount {
  @Field(() => Int, { description: 'Năm sinh. / Birth year.' })
  year!: number;

  @Field(() => Int, { description: 'Số người còn sống. / Living residents.' })
  count!: number;
}

/** A `living-births` histogram (birth date -> count) grouped by birth year, years with people only, in order. */
export function birthYearCounts(livingBirths: Record<string, number>): BirthYearCount[] {
  const byYear = new Map<number, number>();
  for (const [date, n] of Object.entries(livingBirths)) {
    const year = Number(date.slice(0, 4));
    if (Number.isInteger(year) && n > 0) byYear.set(year, (byYear.get(year) ?? 0) + n);
  }
  return [...byYear]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a - b)
    .map(([year, count]) => Object.assign(new BirthYearCount(), { year, count }));
}

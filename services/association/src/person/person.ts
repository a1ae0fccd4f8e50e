// Foreign entity: `Person` is owned by the homeaffairs subgraph (identity). This stub holds
// only the key; the association subgraph adds `membership` and `clubs` (person.resolver.ts).
import { Directive, Field, ID, ObjectType } from 'type-graphql';

// No type description: the owner's (homeaffairs) is the one the supergraph shows.
@ObjectType()
@Directive('@key(fields: "citizenId")')
export class Person {
  @Field(() => ID, { description: 'Số định danh cá nhân (12 chữ số). / 12-digit citizen ID.' })
  citizenId!: string;
}

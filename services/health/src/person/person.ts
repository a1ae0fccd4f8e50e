// Stub of `Person`, owned by the homeaffairs subgraph (Sở Nội vụ): only the key lives here.
// The health fields are added by PersonHealthResolver (person.resolver.ts).
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Người cao tuổi (danh tính do Sở Nội vụ quản lý). / An elderly person; identity owned by home affairs.' })
@Directive('@key(fields: "citizenId")')
export class Person {
  @Field(() => ID, { description: 'Số định danh cá nhân (12 chữ số). / 12-digit citizen ID.' })
  citizenId!: string;
}

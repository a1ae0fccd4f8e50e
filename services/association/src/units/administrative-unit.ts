// Foreign entity: `AdministrativeUnit` is owned by the homeaffairs subgraph. This stub only
// lets us point at a unit by code; the gateway fetches its name and the rest from homeaffairs.
import { Directive, Field, ID, ObjectType } from 'type-graphql';

// No type description: the owner's (homeaffairs) is the one the supergraph shows.
@ObjectType()
@Directive('@key(fields: "code", resolvable: false)')
export class AdministrativeUnit {
  @Field(() => ID, { description: 'Mã đơn vị. / Official code.' })
  code!: string;
}

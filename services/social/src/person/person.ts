// Entity stub: `Person` is owned by the homeaffairs subgraph (Sở Nội vụ, the resident
// register). Descriptions are the owner's; here only the key and the identity we require.
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';

@ObjectType()
@Directive('@key(fields: "citizenId")')
export class Person {
  @Field(() => ID)
  citizenId!: string;

  /**
   * From the register, sent by the gateway for fields that @requires it; never stored here.
   * Non-null like the owner's field: composition refuses an @external type that differs.
   */
  @Field(() => DateScalar)
  @Directive('@external')
  birthDate?: string | null;
}

/** What our Person resolvers receive: the representation the gateway sent. */
export interface PersonRef {
  citizenId: string;
  birthDate?: string | null;
}

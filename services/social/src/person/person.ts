// Entity stubs: `Person` and `AdministrativeUnit` are owned by the homeaffairs subgraph (Sở Nội
// vụ, the resident register). Descriptions are the owner's; here only the keys and the identity
// we require.
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';

@ObjectType()
@Directive('@key(fields: "code", resolvable: false)')
export class AdministrativeUnit {
  @Field(() => ID)
  code!: string;

  /** Sent by the gateway for `@requires` (Decree 20/2021 Art. 5.5(b)); never stored here. */
  @Field(() => Boolean)
  @Directive('@external')
  disadvantaged?: boolean | null;
}

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

  @Field(() => DateScalar, { nullable: true })
  @Directive('@external')
  deathDate?: string | null;

  @Field(() => AdministrativeUnit)
  @Directive('@external')
  residence?: { code?: string | null; disadvantaged?: boolean | null } | null;
}

/** What our Person resolvers receive: the representation the gateway sent. */
export interface PersonRef {
  citizenId: string;
  birthDate?: string | null;
  /** undefined: not sent (the field did not require it); null: alive. */
  deathDate?: string | null;
  residence?: { code: string | null; disadvantaged: boolean | null } | null;
}

// Foreign entity: `Person` is owned by the homeaffairs subgraph (identity). This stub holds
// the key and the identity fields our rules need (`@external`, sent by the gateway for the
// fields that `@requires` them, never stored here); the association's fields are added in
// person.resolver.ts.
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';

// No type description: the owner's (homeaffairs) is the one the supergraph shows.
@ObjectType()
@Directive('@key(fields: "citizenId")')
export class Person {
  @Field(() => ID, { description: 'Số định danh cá nhân (12 chữ số). / 12-digit citizen ID.' })
  citizenId!: string;

  /** Non-null like the owner's field: composition refuses an @external type that differs. */
  @Field(() => DateScalar, { description: 'Ngày sinh (từ sổ đăng ký). / Birth date, from the register.' })
  @Directive('@external')
  birthDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày mất (từ sổ đăng ký). / Date of death, from the register.' })
  @Directive('@external')
  deathDate?: string | null;
}

/** What our Person resolvers receive: the representation the gateway sent. */
export interface PersonRef {
  citizenId: string;
  birthDate?: string | null;
  deathDate?: string | null;
}

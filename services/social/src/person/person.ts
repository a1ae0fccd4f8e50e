// Entity stubs: `Person` is owned by the homeaffairs subgraph (Sở Nội vụ, the resident register).
// Descriptions are the owner's; here only the key and the identity we require.
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';
import type { DisadvantagedSpell, ResidencePeriod } from '../register/residence.rules';

/** The register's level of a disadvantaged listing (owned by homeaffairs; the same values). */
export enum DisadvantagedLevelEnum {
  COMMUNE = 'COMMUNE',
  VILLAGE = 'VILLAGE',
}
registerEnumType(DisadvantagedLevelEnum, {
  name: 'DisadvantagedLevel',
  description: 'Cấp được công nhận đặc biệt khó khăn: cả xã, hoặc một thôn. / What is listed: a whole commune, or one village.',
  valuesConfig: {
    COMMUNE: { description: 'Cả xã. / The whole commune.' },
    VILLAGE: { description: 'Thôn nơi cư trú. / The village of residence.' },
  },
});

/** The register's especially-disadvantaged spells (owned by homeaffairs; sent for `@requires`, never stored here). */
@ObjectType('DisadvantagedSpell')
export class DisadvantagedSpellRef {
  @Field(() => DateScalar)
  @Directive('@external')
  from!: string;

  @Field(() => DateScalar, { nullable: true })
  @Directive('@external')
  to!: string | null;

  @Field(() => DisadvantagedLevelEnum)
  @Directive('@external')
  level!: string;

  @Field(() => String)
  @Directive('@external')
  legalAct!: string;
}

/** The register's residence periods (owned by homeaffairs; sent for `@requires`, never stored here). */
@ObjectType('ResidencePeriod')
export class ResidencePeriodRef {
  @Field(() => String)
  @Directive('@external')
  communeCode!: string;

  @Field(() => String, { nullable: true })
  @Directive('@external')
  villageCode!: string | null;

  @Field(() => DateScalar)
  @Directive('@external')
  from!: string;

  @Field(() => DateScalar, { nullable: true })
  @Directive('@external')
  to!: string | null;

  @Field(() => [DisadvantagedSpellRef])
  @Directive('@external')
  disadvantaged!: DisadvantagedSpell[];
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

  @Field(() => [ResidencePeriodRef], { nullable: true })
  @Directive('@external')
  residenceHistory?: ResidencePeriod[] | null;
}

/** What our Person resolvers receive: the representation the gateway sent. */
export interface PersonRef {
  citizenId: string;
  birthDate?: string | null;
  /** undefined: not sent (the field did not require it); null: alive. */
  deathDate?: string | null;
  /** undefined: not sent; null: sent but not a list (unknown). */
  residenceHistory?: ResidencePeriod[] | null;
}

// Foreign entity: `AdministrativeUnit` is owned by the homeaffairs subgraph (Sở Nội vụ). This
// stub holds the key and the one field we @require from the owner; the health coverage field
// is added by HealthCoverageResolver (coverage/coverage.resolver.ts).
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

// No type description: the owner's (homeaffairs) is the one the supergraph shows.
@ObjectType()
@Directive('@key(fields: "code")')
export class AdministrativeUnit {
  @Field(() => ID)
  code!: string;

  /** Living elderly residents today per the register; sent by the gateway for @requires, never stored here. */
  @Field(() => Int, { nullable: true })
  @Directive('@external')
  elderlyCountToday?: number | null;
}

/** Resolves representations without reading: the stub keeps what the gateway sent. */
export const administrativeUnitReference = {
  __resolveReference: (ref: { code: string; elderlyCountToday?: unknown }): AdministrativeUnit =>
    Object.assign(new AdministrativeUnit(), {
      code: ref.code,
      elderlyCountToday:
        Number.isInteger(ref.elderlyCountToday) && (ref.elderlyCountToday as number) >= 0 ? (ref.elderlyCountToday as number) : null,
    }),
};

// Foreign entity: `AdministrativeUnit` is owned by the homeaffairs subgraph (Sở Nội vụ). This
// stub holds the key and the fields we @require from the owner (the elderly count, and a
// province's current communes for the province row); the health coverage field is added by
// HealthCoverageResolver (coverage/coverage.resolver.ts).
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

  /** A province's current communes per the register (null for a commune); sent by the gateway for @requires, never stored here. */
  @Field(() => [AdministrativeUnit], { nullable: true })
  @Directive('@external')
  communes?: AdministrativeUnit[] | null;
}

const countSent = (n: unknown): number | null => (Number.isInteger(n) && (n as number) >= 0 ? (n as number) : null);

/** A `communes` list as sent, with each commune's elderly count (null when none was sent, e.g. for a commune). */
function communesSent(value: unknown): AdministrativeUnit[] | null {
  if (!Array.isArray(value)) return null;
  return value
    .filter((c): c is { code: string; elderlyCountToday?: unknown } => typeof (c as { code?: unknown } | null)?.code === 'string')
    .map((c) => Object.assign(new AdministrativeUnit(), { code: c.code, elderlyCountToday: countSent(c.elderlyCountToday) }));
}

/** Resolves representations without reading: the stub keeps what the gateway sent. */
export const administrativeUnitReference = {
  __resolveReference: (ref: { code: string; elderlyCountToday?: unknown; communes?: unknown }): AdministrativeUnit =>
    Object.assign(new AdministrativeUnit(), {
      code: ref.code,
      elderlyCountToday: countSent(ref.elderlyCountToday),
      communes: communesSent(ref.communes),
    }),
};

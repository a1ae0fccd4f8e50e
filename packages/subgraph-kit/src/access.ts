import 'reflect-metadata';
import { AuthChecker, Authorized, Directive } from 'type-graphql';
import { decide, POLICIES, PolicyName, scopesOf } from '@nct/auth';
import { AppError, ForbiddenError } from '@nct/errors';
import type { RequestContext } from './context';

/**
 * Declares who may read (or call) a field, next to the field: `@Access('HEALTH_CHECKS')`.
 * It is enforced by this subgraph (type-graphql `@Authorized` with `policyChecker`) and
 * documented in the supergraph with Federation's `@requiresScopes` (one scope per role).
 */
export function Access(policy: PolicyName): MethodDecorator & PropertyDecorator {
  const scopes = JSON.stringify(scopesOf(policy));
  const authorized = Authorized(policy);
  const directive = Directive(`@requiresScopes(scopes: ${scopes})`);
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    authorized(target, key as string, descriptor as never);
    directive(target, key as string, descriptor as never);
  };
}

/** type-graphql auth checker: every named policy must allow the caller, or the field errors. */
export const policyChecker: AuthChecker<RequestContext, PolicyName> = ({ context, info }, policies) => {
  for (const policy of policies) {
    const decision = decide(context.identity, context.purpose, policy);
    if (!decision.allowed) {
      throw new AppError(decision.code, { vi: decision.vi, en: decision.en }, { policy });
    }
  }
  // An allowed personal rule: what resolves at and under this path is a personal-data read
  // for the access log (access-record.ts).
  if (policies.some((p) => POLICIES[p].personal)) context.access.granted.add(info.path);
  return true;
};

/**
 * The commune a caller is limited to, checked against a requested one: a limited caller
 * asking for another commune is refused; asking for none gets their own.
 */
export function scopedCommune(ctx: RequestContext, requested: string | null | undefined): string | null {
  const limit = ctx.identity.commune;
  if (!limit) return requested ?? null;
  if (requested && requested !== limit) {
    throw new ForbiddenError(
      { vi: `Chỉ được xem dữ liệu của xã/phường ${limit}`, en: `Limited to the people of commune ${limit}` },
      { commune: requested },
    );
  }
  return limit;
}

/** Refuses a single record outside a limited caller's commune. */
export function assertInScope(ctx: RequestContext, communeCode: string | null | undefined): void {
  const limit = ctx.identity.commune;
  if (limit && communeCode !== limit) {
    throw new ForbiddenError({ vi: `Chỉ được xem dữ liệu của xã/phường ${limit}`, en: `Limited to the people of commune ${limit}` });
  }
}

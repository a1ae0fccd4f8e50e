import { decide } from '@nct/auth';
import { SMALL_CELL_THRESHOLD } from '@nct/auth';
import { loader, type RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { registerDigest, type RegisterRow } from './register.digest';

/** Register digest rows of communes, one digest read per batch of communes per request. */
export function communeRegister(models: Models, ctx: RequestContext) {
  return loader<string, RegisterRow[]>(ctx, 'register-digest-commune', async (codes) => {
    const byCommune = await registerDigest(models).read([...codes]);
    return codes.map((c) => byCommune.get(c) ?? []);
  });
}

/**
 * Whether counts must be disclosure-controlled for this caller: anyone who may not read the
 * people themselves (a coordinator) gets cells of 1-4 withheld (PDP Law 91/2025; the same
 * threshold as `registerStatistics`, packages/auth/src/disclosure.ts).
 */
export function needsSuppression(ctx: RequestContext): boolean {
  return !decide(ctx.identity, ctx.purpose, 'IDENTITY').allowed;
}

/** A single count as this caller may see it: null when withheld. */
export function disclosedCount(ctx: RequestContext, n: number): number | null {
  return needsSuppression(ctx) && n > 0 && n < SMALL_CELL_THRESHOLD ? null : n;
}

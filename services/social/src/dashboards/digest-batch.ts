import type { Digest } from '@nct/subgraph-kit';

/** Several rows of one commune in ONE digest write (the kit's queued, versioned `putMany`). */
export async function replaceRows<R extends object>(digest: Digest<R>, commune: string, put: readonly R[], removeKeys: readonly string[] = []): Promise<void> {
  await digest.putMany(commune, put, removeKeys);
}

import type { Connection } from 'mongoose';
import { QueryCounter, QueryPlanRecorder, type QueryPlan } from '@nct/db';

export interface IndexedOptions {
  /** Collections an intended whole-collection read may touch (small reference tables). */
  allowScanOf?: string[];
}

/**
 * Runs `fn`, then explains every command it sent on `connections` and fails when any of them
 * scanned a collection (a `COLLSCAN` stage in the winning plan), naming the command. Also fails
 * when `fn` sent no command at all, so a test cannot pass by not querying. Returns the plans.
 */
export async function expectIndexedQueries(
  connections: Connection | Connection[],
  fn: () => Promise<unknown>,
  options: IndexedOptions = {},
): Promise<QueryPlan[]> {
  const recorder = new QueryPlanRecorder(Array.isArray(connections) ? connections : [connections]);
  try {
    await fn();
  } finally {
    recorder.detach();
  }
  const plans = await recorder.plans();
  if (plans.length === 0) throw new Error('expectIndexedQueries: the code under test sent no query');
  const allowed = new Set(options.allowScanOf ?? []);
  const scans = plans.filter((p) => p.collectionScan && !allowed.has(p.collection));
  if (scans.length) {
    const lines = scans.map(
      (p) => `  ${p.database}.${p.collection} ${p.command}: ${p.stages.join(' > ')}\n    ${JSON.stringify(p.sent).slice(0, 400)}`,
    );
    throw new Error(`${scans.length} of ${plans.length} queries scanned a whole collection:\n${lines.join('\n')}`);
  }
  return plans;
}

const READS = new Set(['find', 'aggregate', 'count', 'distinct']);

/** Read commands per collection among recorded plans (`expectIndexedQueries` returns them). */
export function readsPerCollection(plans: readonly QueryPlan[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of plans) if (READS.has(p.command)) out[p.collection] = (out[p.collection] ?? 0) + 1;
  return out;
}

/** Read commands per collection that `fn` sent on `connections`, as seen on the wire. */
export async function readsDuring(connections: Connection | Connection[], fn: () => Promise<unknown>): Promise<Record<string, number>> {
  const counter = new QueryCounter(Array.isArray(connections) ? connections : [connections]);
  try {
    await fn();
  } finally {
    counter.detach();
  }
  return counter.byCollection();
}

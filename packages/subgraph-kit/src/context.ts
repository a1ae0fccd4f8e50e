import DataLoader from 'dataloader';
import type { Identity, Purpose } from '@nct/auth';
import type { Logger } from '@nct/logger';
import type { AccessRecorder } from './access-record';
import type { Clock } from './clock';

/** What every resolver gets: who asks and why, the request id, a logger, per-request loaders. */
export interface RequestContext {
  requestId: string;
  logger: Logger;
  /** The caller the gateway verified (from the internal credential), or anonymous. */
  identity: Identity;
  /** The declared purpose of the request, or null. */
  purpose: Purpose | null;
  /** Per-request memo of DataLoaders: one batch per loader per tick, never shared across requests. */
  loaders: Map<string, DataLoader<any, any>>;
  /** Personal-data reads of this request, reported to the gateway for the access log. */
  access: AccessRecorder;
  /** 'gateway' when the gateway calls on its own behalf (never for a relayed client operation). */
  service?: 'gateway';
  /** The subgraph's clock (see clock.ts). */
  clock: Clock;
  /** The request's date in Vietnam (`YYYY-MM-DD`), read once from `clock` when the request starts. */
  today: string;
}

/**
 * The request's DataLoader named `name`, created on first use. All `load` calls made in
 * the same tick become one call to `batch` (one database query for many people).
 */
export function loader<K, V>(
  ctx: RequestContext,
  name: string,
  batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>,
): DataLoader<K, V> {
  let l = ctx.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!l) {
    l = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
    ctx.loaders.set(name, l);
  }
  return l;
}

/** Orders documents to match `keys` (one per key, or null). */
export function byKey<K, D>(keys: readonly K[], docs: readonly D[], keyOf: (d: D) => K): Array<D | null> {
  const map = new Map<K, D>();
  for (const d of docs) map.set(keyOf(d), d);
  return keys.map((k) => map.get(k) ?? null);
}

/** Groups documents by key, in `keys` order (a list per key, possibly empty). */
export function groupByKey<K, D>(keys: readonly K[], docs: readonly D[], keyOf: (d: D) => K): D[][] {
  const map = new Map<K, D[]>();
  for (const d of docs) {
    const k = keyOf(d);
    const list = map.get(k);
    if (list) list.push(d);
    else map.set(k, [d]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

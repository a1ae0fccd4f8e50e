import type { Connection } from 'mongoose';

// A cursor continuation (getMore) belongs to the query that opened it, so it is not counted.
const READ_COMMANDS = new Set(['find', 'aggregate', 'count', 'distinct']);

/**
 * Counts the commands a connection sends to the server, as seen on the wire by the driver
 * (command monitoring). Used by tests and the benchmark to prove batching.
 */
export class QueryCounter {
  private counts = new Map<string, number>();
  private collections = new Map<string, number>();
  private readonly listener = (event: { commandName: string; databaseName: string; command?: Record<string, unknown> }) => {
    if (!READ_COMMANDS.has(event.commandName)) return;
    const key = `${event.databaseName}.${event.commandName}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    const collection = String(event.command?.[event.commandName]);
    this.collections.set(collection, (this.collections.get(collection) ?? 0) + 1);
  };

  constructor(private readonly connections: Connection[]) {
    for (const conn of connections) conn.getClient().on('commandStarted', this.listener);
  }

  reset(): void {
    this.counts.clear();
    this.collections.clear();
  }

  /** Read commands per collection name. */
  byCollection(): Record<string, number> {
    return Object.fromEntries(this.collections);
  }

  /** Read commands per database name. */
  byDatabase(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [key, n] of this.counts) {
      const db = key.slice(0, key.lastIndexOf('.'));
      out[db] = (out[db] ?? 0) + n;
    }
    return out;
  }

  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  detach(): void {
    for (const conn of this.connections) conn.getClient().off('commandStarted', this.listener);
  }
}

import type { Connection } from 'mongoose';

/** Commands whose plan matters: reads, and the filters of updates, deletes and find-and-modify. */
const PLANNED_COMMANDS = new Set(['find', 'aggregate', 'count', 'distinct', 'findAndModify', 'update', 'delete']);
/** Fields the driver adds to a command that `explain` must not carry. */
const SESSION_FIELDS = [
  'lsid',
  'txnNumber',
  'autocommit',
  'startTransaction',
  '$clusterTime',
  '$db',
  'readConcern',
  'writeConcern',
  '$readPreference',
  'cursor',
  'apiVersion',
];

export interface QueryPlan {
  database: string;
  collection: string;
  command: string;
  /** Every stage name in the winning plan(s), outermost first (`IXSCAN`, `FETCH`, `COLLSCAN`...). */
  stages: string[];
  /** True when the server scanned the whole collection for this command. */
  collectionScan: boolean;
  /** The command as sent, without session fields (for the failure message). */
  sent: Record<string, unknown>;
}

/** Collects every stage name of the winning plans in an `explain` answer (find, aggregate, update...). */
export function planStages(explain: unknown): string[] {
  const stages: string[] = [];
  const walk = (node: unknown, inPlan: boolean): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n, inPlan);
      return;
    }
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'rejectedPlans' || key === 'allPlansExecution') continue;
      if (key === 'stage' && typeof value === 'string' && inPlan) stages.push(value);
      walk(value, inPlan || key === 'winningPlan' || key === 'queryPlan');
    }
  };
  walk(explain, false);
  return stages;
}

/**
 * What to explain for a command. An update or delete is explained as the `find` of each of
 * its filters: the server picks the same plan for both, and SecantusDB 0.7 answers `explain`
 * of an update or delete command with an empty query (a COLLSCAN that the update itself does
 * not do: measured 3 ms per indexed update against 28 ms unindexed at 1,000 documents).
 */
function explainable(command: string, body: Record<string, unknown>): Array<Record<string, unknown>> {
  const collection = body[command];
  if (command === 'update') return ((body.updates as Array<{ q: unknown }>) ?? []).map((u) => ({ find: collection, filter: u.q }));
  if (command === 'delete') return ((body.deletes as Array<{ q: unknown }>) ?? []).map((d) => ({ find: collection, filter: d.q }));
  return [body];
}

/**
 * Records the commands that connections send while it is attached, then asks the server for
 * the plan of each (`explain`, queryPlanner verbosity, run after the fact so the timing of the
 * code under test is not changed). Tests use it to fail when a hot path scans a collection.
 */
export class QueryPlanRecorder {
  private readonly seen: Array<{ conn: Connection; database: string; command: string; body: Record<string, unknown> }> = [];
  private readonly listeners = new Map<
    Connection,
    (e: { commandName: string; databaseName: string; command: Record<string, unknown> }) => void
  >();

  constructor(connections: Connection[]) {
    for (const conn of connections) {
      const listener = (e: { commandName: string; databaseName: string; command: Record<string, unknown> }) => {
        if (!PLANNED_COMMANDS.has(e.commandName)) return;
        const body: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(e.command)) if (!SESSION_FIELDS.includes(k)) body[k] = v;
        this.seen.push({ conn, database: e.databaseName, command: e.commandName, body });
      };
      conn.getClient().on('commandStarted', listener);
      this.listeners.set(conn, listener);
    }
  }

  /** How many planned commands were seen. */
  get count(): number {
    return this.seen.length;
  }

  detach(): void {
    for (const [conn, listener] of this.listeners) conn.getClient().off('commandStarted', listener);
    this.listeners.clear();
  }

  /** The plan of every recorded command, in the order they were sent. */
  async plans(): Promise<QueryPlan[]> {
    const out: QueryPlan[] = [];
    for (const s of this.seen) {
      const db = s.conn.getClient().db(s.database);
      const stages: string[] = [];
      for (const body of explainable(s.command, s.body)) {
        stages.push(...planStages(await db.command({ explain: body, verbosity: 'queryPlanner' })));
      }
      // SecantusDB 0.7 runs a filtered `count` command over the whole collection although its
      // `explain` shows an index: count with `countDocuments` (an aggregate) instead.
      const filter = s.command === 'count' ? (s.body.query as Record<string, unknown> | undefined) : undefined;
      if (filter && Object.keys(filter).length > 0) stages.push('COLLSCAN');
      out.push({
        database: s.database,
        collection: String(s.body[s.command]),
        command: s.command,
        stages,
        collectionScan: stages.includes('COLLSCAN'),
        sent: s.body,
      });
    }
    return out;
  }
}

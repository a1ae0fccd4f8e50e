import { ClientSession, Connection, Model, Schema } from 'mongoose';
import { trusted } from './connect';

/**
 * Tallies: the one place where a subgraph keeps pre-computed figures (docs/tallies.md).
 *
 * A tally is a named histogram per scope (usually a commune code): `{ key -> count }`, where a
 * key is an ISO date, a month, a year or a plain word. It is changed only with `$inc`, in the
 * same transaction as the write it reflects (pass that write's session), and read with one
 * query for any number of scopes. A figure such as "records opened on or before D" is the sum of
 * the keys up to D (`sumThrough`), so one histogram answers every date without a scan.
 *
 * It never holds a copy of a row: only counts, and it can always be rebuilt from the owning
 * collections (`replace`, used after a seed or an import).
 */
export interface TallyDocument {
  _id: string;
  name: string;
  scope: string;
  counts: Record<string, number>;
}

export interface TallyChange {
  name: string;
  scope: string;
  key: string;
  by: number;
}

/** Keys become field names: letters, digits, `-`, `_` and `:` only (no `.` or `$`). */
const KEY = /^[A-Za-z0-9_:-]{1,40}$/;
const NAME = /^[a-z][a-z0-9-]{0,40}$/;

const tallySchema = new Schema<TallyDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    scope: { type: String, required: true },
    counts: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'tallies', versionKey: false, strict: true, minimize: false },
);
tallySchema.index({ name: 1, scope: 1 });

const idOf = (name: string, scope: string) => `${name}|${scope}`;

function check(name: string, scope: string, key?: string): void {
  if (!NAME.test(name)) throw new Error(`tally name ${JSON.stringify(name)} must be lower-case words joined by '-'`);
  if (!KEY.test(scope)) throw new Error(`tally scope ${JSON.stringify(scope)} has characters a field name cannot hold`);
  if (key !== undefined && !KEY.test(key)) throw new Error(`tally key ${JSON.stringify(key)} has characters a field name cannot hold`);
}

export class Tallies {
  readonly model: Model<TallyDocument>;

  constructor(conn: Connection) {
    this.model = (conn.models.Tally as Model<TallyDocument> | undefined) ?? conn.model<TallyDocument>('Tally', tallySchema);
  }

  /**
   * Applies changes with `$inc` (one update per tally document touched). Pass the session of
   * the transaction that makes the change the tally reflects, so both commit or neither does.
   */
  async add(changes: readonly TallyChange[], session?: ClientSession | null): Promise<void> {
    const byDoc = new Map<string, { name: string; scope: string; inc: Record<string, number> }>();
    for (const c of changes) {
      check(c.name, c.scope, c.key);
      if (!Number.isInteger(c.by)) throw new Error(`tally change for ${c.name}|${c.scope}|${c.key} must be a whole number`);
      if (c.by === 0) continue;
      const id = idOf(c.name, c.scope);
      const doc = byDoc.get(id) ?? { name: c.name, scope: c.scope, inc: {} };
      doc.inc[`counts.${c.key}`] = (doc.inc[`counts.${c.key}`] ?? 0) + c.by;
      byDoc.set(id, doc);
    }
    for (const [id, d] of byDoc) {
      await this.model.updateOne(
        { _id: id },
        { $inc: d.inc, $setOnInsert: { name: d.name, scope: d.scope } },
        // Without a session, no `session` key at all: mongoose then joins the transaction running
        // in this async call (transactionAsyncLocalStorage); an explicit `undefined` would opt out.
        { upsert: true, ...(session ? { session } : {}) },
      );
    }
  }

  /** The histograms of `name` for each scope (one query); a scope never written reads as empty. */
  async read(name: string, scopes: readonly string[], session?: ClientSession | null): Promise<Map<string, Record<string, number>>> {
    for (const s of scopes) check(name, s);
    const ids = [...new Set(scopes)].map((s) => idOf(name, s));
    const docs = ids.length ? await this.model.find({ _id: trusted({ $in: ids }) }, null, session ? { session } : {}).lean() : [];
    const found = new Map(docs.map((d) => [d.scope, d.counts ?? {}]));
    return new Map(scopes.map((s) => [s, found.get(s) ?? {}]));
  }

  /** Per scope, the sum of the counts whose key sorts at or before `last` (ISO dates sort as strings). */
  async sumThrough(name: string, scopes: readonly string[], last: string): Promise<Map<string, number>> {
    const hist = await this.read(name, scopes);
    return new Map([...hist].map(([scope, counts]) => [scope, sumThrough(counts, last)]));
  }

  /**
   * Replaces every histogram of `name` with counts computed from the owning collections (after a
   * seed or a bulk import; not while writes of that tally run).
   */
  async replace(name: string, counts: ReadonlyMap<string, Record<string, number>>): Promise<void> {
    for (const [scope, c] of counts) for (const key of Object.keys(c)) check(name, scope, key);
    await this.model.deleteMany({ name });
    const docs = [...counts].map(([scope, c]) => ({
      _id: idOf(name, scope),
      name,
      scope,
      counts: Object.fromEntries(Object.entries(c).filter(([, n]) => n !== 0)),
    }));
    for (let i = 0; i < docs.length; i += 200) await this.model.insertMany(docs.slice(i, i + 200), { ordered: true });
  }
}

/** The sum of the counts whose key sorts at or before `last`. */
export function sumThrough(counts: Record<string, number>, last: string): number {
  let n = 0;
  for (const [key, value] of Object.entries(counts)) if (key <= last) n += value;
  return n;
}

/** Adds one to `key` of `scope` in a histogram being built in memory (for `replace`). */
export function tallyInto(target: Map<string, Record<string, number>>, scope: string, key: string, by = 1): void {
  const counts = target.get(scope) ?? {};
  counts[key] = (counts[key] ?? 0) + by;
  target.set(scope, counts);
}

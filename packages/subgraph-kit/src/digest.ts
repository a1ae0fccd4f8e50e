import { Connection, Model, Schema } from 'mongoose';
import { trusted } from '@nct/db';

/**
 * Commune digests: a read model for dashboard questions (docs/read-models.md).
 *
 * The embedded database (FerretDB v1 on SQLite) uses no secondary index: every filter other
 * than `{_id: x}` scans its whole collection, ~50 µs per document, so any question over a
 * 100,000-person province costs seconds. A digest keeps, per (kind, commune), ONE document
 * whose `rows` hold one compact JSON tuple per person: reading a commune is one `_id` read
 * (~60 ms for 2,600 rows), reading the whole province is one scan of ~40 documents
 * (~0.7 s for 100,000 rows). The owning subgraph keeps its digests in step on every write
 * (`put` / `remove` right after the write to its own collection) and can always rebuild
 * them from its collections (`rebuild`), which it does after seeding.
 *
 * Writes to one commune's document are queued within the process and carry a `version`
 * check, so concurrent writers never lose each other's rows (see `serialized`).
 */
export interface DigestDocument {
  _id: string;
  kind: string;
  commune: string;
  rows: string[];
  version: number;
}

const digestSchema = new Schema<DigestDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    commune: { type: String, required: true },
    rows: { type: [String], default: [] },
    version: { type: Number, required: true, default: 0 },
  },
  { collection: 'digests', versionKey: false, strict: true },
);

/** The `digests` collection of a subgraph's database (one per subgraph, all kinds in it). */
export function digestModel(connection: Connection): Model<DigestDocument> {
  return (connection.models.Digest as Model<DigestDocument> | undefined) ?? connection.model<DigestDocument>('Digest', digestSchema);
}

/** The shape of one kind of row: the field order of its stored tuple and the key field. */
export interface DigestSpec<R> {
  /** e.g. 'register', 'social' */
  kind: string;
  /** stored order; adding a field at the end is compatible, anything else needs a rebuild */
  fields: readonly (keyof R & string)[];
  /** the field that identifies a row within a commune (usually `citizenId`) */
  key: keyof R & string;
}

const MAX_RETRIES = 20;

/**
 * Writers of one digest document inside this process run one after another. FerretDB v1
 * does not apply `updateOne({_id, version})` atomically (measured: concurrent writers lost
 * rows), so the version check alone only protects writers in different processes on
 * MongoDB; within a process this queue does.
 */
const queues = new Map<string, Promise<unknown>>();
function serialized<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

export class Digest<R extends object> {
  constructor(
    private readonly model: Model<DigestDocument>,
    readonly spec: DigestSpec<R>,
  ) {
    if (!spec.fields.includes(spec.key)) throw new Error(`digest ${spec.kind}: key ${spec.key} must be one of its fields`);
  }

  private id(commune: string): string {
    return `${this.spec.kind}:${commune}`;
  }

  encode(row: R): string {
    return JSON.stringify(this.spec.fields.map((f) => (row[f] === undefined ? null : row[f])));
  }

  decode(text: string): R {
    const values = JSON.parse(text) as unknown[];
    const row: Record<string, unknown> = {};
    this.spec.fields.forEach((f, i) => (row[f] = i < values.length ? values[i] : null));
    return row as R;
  }

  private keyOf(text: string): string {
    // the key's position in the tuple; decoding only the key keeps updates cheap
    return String((JSON.parse(text) as unknown[])[this.spec.fields.indexOf(this.spec.key)]);
  }

  /** Applies `change` to one commune's rows with optimistic concurrency. */
  private update(commune: string, change: (rows: string[]) => string[]): Promise<void> {
    const _id = this.id(commune);
    return serialized(`${this.model.db.name}/${_id}`, () => this.updateNow(_id, commune, change));
  }

  private async updateNow(_id: string, commune: string, change: (rows: string[]) => string[]): Promise<void> {
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const doc = await this.model.findOne({ _id }).lean();
      if (!doc) {
        try {
          await this.model.create({ _id, kind: this.spec.kind, commune, rows: change([]), version: 1 });
          return;
        } catch (e) {
          if ((e as { code?: number }).code === 11000) continue; // someone created it first
          throw e;
        }
      }
      const result = await this.model.updateOne(
        { _id, version: doc.version },
        { $set: { rows: change(doc.rows), version: doc.version + 1 } },
      );
      if (result.modifiedCount === 1) return;
    }
    throw new Error(`digest ${this.spec.kind}:${commune}: too many concurrent updates`);
  }

  /** Inserts or replaces the row with the same key in `commune`. */
  async put(commune: string, row: R): Promise<void> {
    const key = String(row[this.spec.key]);
    const text = this.encode(row);
    await this.update(commune, (rows) => [...rows.filter((r) => this.keyOf(r) !== key), text]);
  }

  /**
   * Several rows of one commune in one write: replaces the rows with the keys of `rows` and
   * removes those of `removeKeys` (a batch import touching hundreds of people of a commune).
   */
  async putMany(commune: string, rows: readonly R[], removeKeys: readonly string[] = []): Promise<void> {
    if (rows.length === 0 && removeKeys.length === 0) return;
    const drop = new Set<string>([...removeKeys, ...rows.map((r) => String(r[this.spec.key]))]);
    const texts = rows.map((r) => this.encode(r));
    await this.update(commune, (current) => [...current.filter((t) => !drop.has(this.keyOf(t))), ...texts]);
  }

  /** Removes the row with this key from `commune` (no-op when absent). */
  async remove(commune: string, key: string): Promise<void> {
    await this.update(commune, (rows) => rows.filter((r) => this.keyOf(r) !== key));
  }

  /** Rows of the given communes, or of the whole province when `communes` is omitted. */
  async read(communes?: readonly string[]): Promise<Map<string, R[]>> {
    const filter =
      communes === undefined
        ? { kind: this.spec.kind }
        : communes.length === 1
          ? { _id: this.id(communes[0]) } // the one filter FerretDB pushes down
          : { _id: trusted({ $in: communes.map((c) => this.id(c)) }) };
    const docs = await this.model.find(filter).lean();
    const out = new Map<string, R[]>();
    for (const doc of docs) out.set(doc.commune, doc.rows.map((r) => this.decode(r)));
    return out;
  }

  /** All rows of the province, flattened, each with its commune. */
  async readAll(communes?: readonly string[]): Promise<Array<R & { commune: string }>> {
    const byCommune = await this.read(communes);
    const out: Array<R & { commune: string }> = [];
    for (const [commune, rows] of byCommune) for (const row of rows) out.push({ ...row, commune });
    return out;
  }

  /** Replaces every digest of this kind with `rows` grouped by commune. */
  async rebuild(rows: Iterable<{ commune: string; row: R }>): Promise<number> {
    const grouped = new Map<string, string[]>();
    let count = 0;
    for (const { commune, row } of rows) {
      const list = grouped.get(commune) ?? [];
      list.push(this.encode(row));
      grouped.set(commune, list);
      count++;
    }
    await this.model.deleteMany({ kind: this.spec.kind });
    const docs = [...grouped].map(([commune, list]) => ({ _id: this.id(commune), kind: this.spec.kind, commune, rows: list, version: 1 }));
    for (let i = 0; i < docs.length; i += 20) await this.model.insertMany(docs.slice(i, i + 20), { ordered: true });
    return count;
  }
}

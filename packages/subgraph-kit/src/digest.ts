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

/**
 * One small document per digest document, holding only its version: the cheap thing a reader
 * checks before trusting its in-process copy (reading the tiny `digest_versions` collection
 * costs milliseconds; reading the digests themselves costs ~25 ms per commune).
 */
interface DigestVersionDocument {
  _id: string;
  kind: string;
  commune: string;
  version: number;
}

const versionSchema = new Schema<DigestVersionDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    commune: { type: String, required: true },
    version: { type: Number, required: true },
  },
  { collection: 'digest_versions', versionKey: false, strict: true },
);

function versionModel(connection: Connection): Model<DigestVersionDocument> {
  return (connection.models.DigestVersion as Model<DigestVersionDocument> | undefined) ?? connection.model<DigestVersionDocument>('DigestVersion', versionSchema);
}

/**
 * Decoded digest documents kept in this process, keyed by database and `_id`, each with the
 * version it was read at. A reader uses an entry only while `digest_versions` still names
 * that version, so a write by this or any other process is seen on the next read; entries
 * are also re-read after `CACHE_MAX_AGE_MS` (bounds staleness if a writer crashed between
 * its two writes).
 */
interface CacheEntry {
  version: number;
  rows: readonly object[];
  readAt: number;
}
const cache = new Map<string, CacheEntry>();
const CACHE_MAX_AGE_MS = 60_000;
/** Above this many stale communes, one scan of the kind beats reading them one by one. */
const SCAN_ABOVE = 6;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
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
          await this.recordVersion(commune, 1);
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
      if (result.modifiedCount === 1) {
        await this.recordVersion(commune, doc.version + 1);
        return;
      }
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

  private cacheKey(commune: string): string {
    return `${this.model.db.name}/${this.id(commune)}`;
  }

  private get versions(): Model<DigestVersionDocument> {
    return versionModel(this.model.db);
  }

  /** Written after the digest document: a reader never sees a version before its rows. */
  private async recordVersion(commune: string, version: number): Promise<void> {
    cache.delete(this.cacheKey(commune));
    await this.versions.updateOne({ _id: this.id(commune) }, { $set: { kind: this.spec.kind, commune, version } }, { upsert: true });
  }

  private remember(doc: DigestDocument): void {
    const rows = doc.rows.map((r) => deepFreeze(this.decode(r)));
    cache.set(this.cacheKey(doc.commune), { version: doc.version, rows, readAt: Date.now() });
  }

  /**
   * Rows of the given communes, or of the whole province when `communes` is omitted. Served
   * from this process's copy when `digest_versions` says it is current; only changed
   * communes are read again. Rows are frozen: callers must not change them.
   */
  async read(communes?: readonly string[]): Promise<Map<string, R[]>> {
    const versionDocs =
      communes !== undefined && communes.length === 1
        ? await this.versions.find({ _id: this.id(communes[0]) }).lean()
        : await this.versions.find({ kind: this.spec.kind }).lean();
    const versionOf = new Map(versionDocs.map((v) => [v.commune, v.version]));
    const now = Date.now();
    let wanted: string[];
    if (communes !== undefined) wanted = [...communes];
    else if (versionDocs.length > 0) wanted = versionDocs.map((v) => v.commune);
    else {
      // No versions recorded (digests written before versions existed): read everything once
      // and record them.
      const docs = await this.model.find({ kind: this.spec.kind }).lean();
      for (const d of docs) {
        this.remember(d);
        await this.versions.updateOne({ _id: d._id }, { $set: { kind: this.spec.kind, commune: d.commune, version: d.version } }, { upsert: true });
      }
      wanted = docs.map((d) => d.commune);
      for (const d of docs) versionOf.set(d.commune, d.version);
    }
    const stale = wanted.filter((c) => {
      const entry = cache.get(this.cacheKey(c));
      return !entry || !versionOf.has(c) || entry.version !== versionOf.get(c) || now - entry.readAt > CACHE_MAX_AGE_MS;
    });
    if (stale.length > SCAN_ABOVE) {
      const want = new Set(stale);
      for (const d of await this.model.find({ kind: this.spec.kind }).lean()) if (want.has(d.commune)) this.remember(d);
    } else {
      for (const c of stale) {
        const d = await this.model.findOne({ _id: this.id(c) }).lean(); // the one filter FerretDB pushes down
        if (d) this.remember(d);
        else cache.delete(this.cacheKey(c));
      }
    }
    const out = new Map<string, R[]>();
    for (const c of wanted) {
      const entry = cache.get(this.cacheKey(c));
      if (entry) out.set(c, entry.rows.slice() as R[]);
    }
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
    await this.versions.deleteMany({ kind: this.spec.kind });
    for (const key of [...cache.keys()]) if (key.startsWith(`${this.model.db.name}/${this.spec.kind}:`)) cache.delete(key);
    // A new version number per rebuild, so that other processes' copies are never taken as current.
    const version = Date.now();
    const docs = [...grouped].map(([commune, list]) => ({ _id: this.id(commune), kind: this.spec.kind, commune, rows: list, version }));
    for (let i = 0; i < docs.length; i += 20) await this.model.insertMany(docs.slice(i, i + 20), { ordered: true });
    if (docs.length) await this.versions.insertMany(docs.map((d) => ({ _id: d._id, kind: d.kind, commune: d.commune, version })), { ordered: true });
    return count;
  }
}

/**
 * From how many keys a per-request batch reads the digest instead of its collection
 * (`DIGEST_BATCH_THRESHOLD`, default 1: always the digest). On the embedded FerretDB a
 * collection read scans the whole collection (5-12 s at 100,000 people) while the province's
 * digest is read in about a second, so the digest wins for any batch; on MongoDB, whose
 * indexes serve small `$in` reads in milliseconds, set it to about 20. Tests run with 20 so
 * that both paths are exercised and compared (jest global setup).
 */
export function digestBatchThreshold(env: Record<string, string | undefined> = process.env): number {
  const raw = env.DIGEST_BATCH_THRESHOLD;
  const n = raw === undefined || raw === '' ? 1 : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`DIGEST_BATCH_THRESHOLD must be a whole number >= 1, got "${raw}"`);
  return n;
}

import { Connection, Model, Schema } from 'mongoose';

/** Where the results of creates are kept under their idempotency keys (one collection per subgraph database). */
export const IDEMPOTENCY_COLLECTION = 'idempotency_keys';
/** How long a key answers a repeat: 30 days. */
export const IDEMPOTENCY_KEEP_SECONDS = 30 * 24 * 3600;

export interface IdempotencyRecord {
  /** sha256 of `subject|operation|key`: one record per caller, operation and key. */
  _id: string;
  operation: string;
  /** sha256 of the canonical JSON of the input of the first call. */
  inputHash: string;
  /** What the first call returned (BSON: plain objects, arrays, strings, numbers, dates, null). */
  result?: unknown;
  /** The request's date (the subgraph's clock), for people reading the record. */
  at: Date;
  /**
   * When the record was written, by the database server's own clock (`$currentDate`): the
   * TTL index compares with that clock, so a pinned `NCT_TODAY` cannot make keys expire early.
   */
  storedAt: Date;
}

const schema = new Schema<IdempotencyRecord>(
  {
    _id: { type: String, required: true },
    operation: { type: String, required: true },
    inputHash: { type: String, required: true },
    result: { type: Schema.Types.Mixed },
    at: { type: Date, required: true },
    storedAt: { type: Date },
  },
  { collection: IDEMPOTENCY_COLLECTION, versionKey: false, minimize: false, strict: true },
);
// Kept 30 days from when it was written (the server removes expired records).
schema.index({ storedAt: 1 }, { expireAfterSeconds: IDEMPOTENCY_KEEP_SECONDS });

const MODEL = 'IdempotencyKey';

/** The idempotency-key model of a subgraph's connection, registered on first use. */
export function idempotencyKeys(conn: Connection): Model<IdempotencyRecord> {
  return (conn.models[MODEL] as Model<IdempotencyRecord> | undefined) ?? conn.model<IdempotencyRecord>(MODEL, schema);
}

import { createHash } from 'node:crypto';
import type { ClientSession, Connection } from 'mongoose';
import { BadUserInputError, ConflictError } from '@nct/errors';
import type { RequestContext } from './context';
import { IdempotencyRecord, idempotencyKeys } from './idempotency.model';

/**
 * Retry-safe creates (docs/consistency.md section 4). A create takes an `idempotencyKey`; the
 * first call runs the write and stores its result under (caller, operation, key) in the same
 * transaction; a repeat with the same input gets the stored result and writes nothing; the
 * same key with other input is refused (CONFLICT, reason IDEMPOTENCY_KEY_REUSED).
 */

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * An `idempotencyKey` argument: null when absent, else 8-128 characters of
 * `A-Z a-z 0-9 . _ : -`, or a BAD_USER_INPUT refusal naming the argument.
 */
export function idempotencyKeyArg(value: unknown, argument = 'idempotencyKey'): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
    throw new BadUserInputError(
      {
        vi: `${argument} phải dài 8-128 ký tự, chỉ gồm chữ cái không dấu, chữ số và . _ : -`,
        en: `${argument} must be 8-128 characters of A-Z a-z 0-9 . _ : -`,
      },
      { argument, reason: 'IDEMPOTENCY_KEY_INVALID' },
    );
  }
  return value;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * JSON with object keys sorted at every level, so that `{a, b}` and `{b, a}` hash the same.
 * Dates as ISO strings; `undefined` properties left out (as JSON does); values with a
 * `toJSON` (ObjectId, Decimal128) through it.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? 'null';
}

function canonical(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  const toJSON = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') return canonical(toJSON.call(value));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined && typeof v !== 'function') out[key] = canonical(v);
  }
  return out;
}

/** The session of the transaction this async call runs in (mongoose's AsyncLocalStorage), on `db`'s client. */
function activeTransaction(db: Connection): ClientSession | null {
  const als = (db.base as unknown as { transactionAsyncLocalStorage?: { getStore(): { session?: ClientSession } | undefined } })
    .transactionAsyncLocalStorage;
  if (!als) {
    // Without it the operations inside would silently run outside the transaction.
    throw new Error("mongoose's transactionAsyncLocalStorage is off: connect through @nct/db (packages/db/src/connect.ts)");
  }
  const session = als.getStore()?.session;
  // `client` is internal to the driver's types; a session of another connection is not joined.
  const sameClient = (session as unknown as { client?: unknown } | undefined)?.client === db.getClient();
  return session && session.inTransaction() && sameClient ? session : null;
}

/**
 * Runs `fn` in one multi-document transaction on `db`: it joins the transaction already
 * running in this async call (on the same connection), or starts one (committed when `fn`
 * resolves, aborted when it throws, retried by the driver on transient conflicts, so `fn`
 * may run more than once). Every mongoose operation inside joins it without `{ session }`;
 * raw driver calls (`db.collection(...)`) do not.
 */
export function inTransaction<T>(db: Connection, fn: () => Promise<T>): Promise<T> {
  if (activeTransaction(db)) return fn();
  return db.transaction(() => fn());
}

/** Another call committed the same key during this one: abort and answer from its record. */
class KeyTaken extends Error {
  constructor() {
    super('idempotency key taken by a concurrent call');
  }
}

const indexed = new WeakMap<Connection, Promise<unknown>>();

/**
 * Runs a create at most once per (caller, operation, key).
 * - `key` null: runs `run()` as it is (the caller sent no key).
 * - a record for the key with the same input: its stored result, without running anything;
 *   with other input: CONFLICT, reason IDEMPOTENCY_KEY_REUSED.
 * - otherwise `run()` and the record commit in one transaction, or neither does: a refusal
 *   thrown by `run()` stores nothing (a retry is refused the same way).
 * Two concurrent calls with one key: one commits; the other's transaction conflicts, is
 * retried or fails, and then answers with the record of the first.
 *
 * `run()` may run more than once (transaction retries): keep side effects outside the
 * database (calls through the graph) free of writes. Return plain data: the stored result is
 * what a repeat gets (BSON: objects, arrays, strings, numbers, dates, null).
 */
export async function idempotent<T>(
  ctx: RequestContext,
  db: Connection,
  request: { operation: string; key: string | null | undefined; input: unknown },
  run: () => Promise<T>,
): Promise<T> {
  const key = request.key;
  if (key === null || key === undefined) return run();
  const Keys = idempotencyKeys(db);
  if (!indexed.has(db)) indexed.set(db, Keys.createIndexes());
  await indexed.get(db);

  const id = sha256(`${ctx.identity.subject}|${request.operation}|${key}`);
  const inputHash = sha256(canonicalJson(request.input));
  const answer = (record: Pick<IdempotencyRecord, 'inputHash' | 'result'>): T => {
    if (record.inputHash !== inputHash) {
      throw new ConflictError(
        {
          vi: 'Khóa idempotencyKey này đã được dùng cho một yêu cầu khác; dùng khóa mới cho yêu cầu mới',
          en: 'This idempotencyKey was already used for a different request; use a new key for a new request',
        },
        { reason: 'IDEMPOTENCY_KEY_REUSED', operation: request.operation },
      );
    }
    return record.result as T;
  };
  const find = () => Keys.findById(id, { inputHash: 1, result: 1 }).lean<Pick<IdempotencyRecord, 'inputHash' | 'result'>>();

  // A repeat (the common retry) is answered without a transaction.
  const joined = activeTransaction(db) !== null;
  if (!joined) {
    const earlier = await find();
    if (earlier) return answer(earlier);
  }
  try {
    return await inTransaction(db, async () => {
      const earlier = await find();
      if (earlier) return answer(earlier);
      const result = await run();
      const written = await Keys.updateOne(
        { _id: id },
        {
          $setOnInsert: { operation: request.operation, inputHash, result, at: new Date(`${ctx.today}T00:00:00.000Z`) },
          $currentDate: { storedAt: true },
        },
        { upsert: true },
      );
      // Another call committed the same key after this transaction's snapshot was taken.
      if (written.upsertedCount !== 1) throw new KeyTaken();
      return result;
    });
  } catch (err) {
    // Inside a caller's transaction nothing can be read until it ends: let it fail (and retry).
    if (joined) throw err;
    // Another call with the same key may have won (its record commits with its write): answer
    // from it. Without a record, the failure is this call's own (a refusal stores nothing).
    const winner = await find();
    if (winner) return answer(winner);
    throw err;
  }
}

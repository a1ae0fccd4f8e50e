// Retry-safe creates (docs/consistency.md section 4) on the real database server.
import { connectDatabase } from '@nct/db';
import { AppError, ConflictError } from '@nct/errors';
import { createLogger } from '@nct/logger';
import { testMongoUri, uniqueDbName } from '@nct/testing';
import { Connection, Model, Schema } from 'mongoose';
import { fixedClock } from '../src/clock';
import { createContext } from '../src/server';
import { idempotencyKeyArg, idempotent, inTransaction } from '../src/idempotency';
import { IDEMPOTENCY_COLLECTION, IDEMPOTENCY_KEEP_SECONDS, idempotencyKeys } from '../src/idempotency.model';

const logger = createLogger('idempotency-test', 'silent');
const clock = fixedClock('2026-03-15');
const ctxOf = (subject = 'u-social') =>
  createContext(
    logger,
    undefined,
    { identity: { subject, role: 'social', commune: null, agency: null }, purpose: 'BENEFIT_ADMINISTRATION' },
    clock,
  );

interface Note {
  citizenId: string;
  text: string;
}

describe('idempotencyKeyArg', () => {
  it.each([
    [null, null],
    [undefined, null],
    ['abcdefgh', 'abcdefgh'],
    ['2026-03-15:case.open_01', '2026-03-15:case.open_01'],
    ['x'.repeat(128), 'x'.repeat(128)],
  ])('accepts %j', (value, expected) => {
    expect(idempotencyKeyArg(value)).toBe(expected);
  });

  it.each([['short'], ['x'.repeat(129)], ['has space'], ['khóa-tiếng-việt'], ['a/b/c/d/e/f'], [42], ['']])('refuses %j', (value) => {
    try {
      idempotencyKeyArg(value, 'requestKey');
      throw new Error('expected a refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'requestKey',
        messageVi: expect.stringContaining('8-128 ký tự'),
        messageEn: expect.stringContaining('8-128 characters'),
      });
    }
  });
});

describe('idempotent (real database)', () => {
  let conn: Connection;
  let Notes: Model<Note>;

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('idem'));
    Notes = conn.model<Note>('Note', new Schema<Note>({ citizenId: String, text: String }));
    await Notes.createCollection();
    await idempotencyKeys(conn).createIndexes();
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  /** A create: writes one note (joining the transaction through the AsyncLocalStorage) and returns a plain result. */
  const createNote =
    (input: Note, calls: { n: number }, delayMs = 0) =>
    async () => {
      calls.n++;
      const [note] = await Notes.create([input]);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      return { id: String(note._id), text: input.text, on: new Date('2026-03-15T00:00:00Z'), tags: ['a', 1, null], nested: { empty: {} } };
    };

  it('runs once per key and returns the stored result to a repeat, round-tripping dates, arrays, null and empty objects', async () => {
    const input = { citizenId: '001055000001', text: 'first' };
    const calls = { n: 0 };
    const request = { operation: 'createNote', key: 'key-repeat-0001', input };
    const first = await idempotent(ctxOf(), conn, request, createNote(input, calls));
    // The same input with its keys in another order is the same input.
    const again = await idempotent(
      ctxOf(),
      conn,
      { ...request, input: { text: 'first', citizenId: '001055000001' } },
      createNote(input, calls),
    );
    expect(again).toEqual(first);
    expect(again.on).toBeInstanceOf(Date);
    expect(calls.n).toBe(1);
    expect(await Notes.countDocuments({ text: 'first' })).toBe(1);
  });

  it('stores the record with the hash of the input, the clock date and a server-time TTL of 30 days', async () => {
    await idempotent(ctxOf('u-record'), conn, { operation: 'createNote', key: 'key-record-01', input: { a: 1 } }, async () => 'done');
    const records = await conn.collection(IDEMPOTENCY_COLLECTION).find({ operation: 'createNote', result: 'done' }).toArray();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ _id: expect.stringMatching(/^[0-9a-f]{64}$/), inputHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(records[0].at).toEqual(new Date('2026-03-15T00:00:00.000Z'));
    expect(records[0].storedAt).toBeInstanceOf(Date);
    const indexes = await conn.collection(IDEMPOTENCY_COLLECTION).indexes();
    expect(indexes).toContainEqual(expect.objectContaining({ key: { storedAt: 1 }, expireAfterSeconds: IDEMPOTENCY_KEEP_SECONDS }));
  });

  it('refuses the same key with different input (CONFLICT, IDEMPOTENCY_KEY_REUSED) and writes nothing', async () => {
    const calls = { n: 0 };
    const one = { citizenId: '001055000002', text: 'one' };
    await idempotent(ctxOf(), conn, { operation: 'createNote', key: 'key-reused-01', input: one }, createNote(one, calls));
    const other = { citizenId: '001055000002', text: 'other' };
    const refusal = idempotent(ctxOf(), conn, { operation: 'createNote', key: 'key-reused-01', input: other }, createNote(other, calls));
    await expect(refusal).rejects.toBeInstanceOf(ConflictError);
    await expect(refusal).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED', messageVi: expect.any(String), messageEn: expect.any(String) },
    });
    expect(calls.n).toBe(1);
    expect(await Notes.countDocuments({ text: 'other' })).toBe(0);
  });

  it('keeps keys apart per caller and per operation', async () => {
    const calls = { n: 0 };
    const input = { citizenId: '001055000003', text: 'apart' };
    await idempotent(ctxOf('u-a'), conn, { operation: 'createNote', key: 'key-apart-01', input }, createNote(input, calls));
    await idempotent(ctxOf('u-b'), conn, { operation: 'createNote', key: 'key-apart-01', input }, createNote(input, calls));
    await idempotent(ctxOf('u-a'), conn, { operation: 'createOther', key: 'key-apart-01', input }, createNote(input, calls));
    expect(calls.n).toBe(3);
  });

  it('without a key just runs', async () => {
    const calls = { n: 0 };
    const input = { citizenId: '001055000004', text: 'nokey' };
    await idempotent(ctxOf(), conn, { operation: 'createNote', key: null, input }, createNote(input, calls));
    await idempotent(ctxOf(), conn, { operation: 'createNote', key: undefined, input }, createNote(input, calls));
    expect(calls.n).toBe(2);
    expect(await Notes.countDocuments({ text: 'nokey' })).toBe(2);
  });

  it('commits the write and the record together or not at all: a refusal after the write stores nothing, and a retry is refused again', async () => {
    const input = { citizenId: '001055000005', text: 'refused' };
    let calls = 0;
    const run = async () => {
      calls++;
      await Notes.create([input]);
      throw new ConflictError({ vi: 'Đã có hồ sơ', en: 'A case already exists' });
    };
    const request = { operation: 'createNote', key: 'key-refused-1', input };
    const records = await idempotencyKeys(conn).countDocuments();
    await expect(idempotent(ctxOf(), conn, request, run)).rejects.toBeInstanceOf(ConflictError);
    await expect(idempotent(ctxOf(), conn, request, run)).rejects.toBeInstanceOf(ConflictError);
    expect(calls).toBe(2);
    expect(await Notes.countDocuments({ text: 'refused' })).toBe(0);
    expect(await idempotencyKeys(conn).countDocuments()).toBe(records);
  });

  it('two concurrent calls with one key: exactly one write, both get the same result', async () => {
    const input = { citizenId: '001055000006', text: 'concurrent' };
    const calls = { n: 0 };
    const request = { operation: 'createNote', key: 'key-concurrent-1', input };
    // Each write waits a little before its record is written, so that the transactions overlap:
    // the others conflict (WriteConflict, retried by the driver) and then find the record.
    const results = await Promise.all([
      idempotent(ctxOf(), conn, request, createNote(input, calls, 30)),
      idempotent(ctxOf(), conn, request, createNote(input, calls, 30)),
      idempotent(ctxOf(), conn, request, createNote(input, calls, 30)),
    ]);
    expect(calls.n).toBeGreaterThan(1); // they did run concurrently
    expect(await Notes.countDocuments({ text: 'concurrent' })).toBe(1);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });
});

describe('inTransaction (mongoose AsyncLocalStorage)', () => {
  let conn: Connection;
  let Notes: Model<Note>;

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('tx'));
    Notes = conn.model<Note>('Note', new Schema<Note>({ citizenId: String, text: String }));
    await Notes.createCollection();
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  it('every mongoose operation inside joins the transaction without { session }: a throw after writes leaves nothing', async () => {
    const boom = inTransaction(conn, async () => {
      await Notes.create([{ citizenId: '1', text: 'rolled back' }]);
      await Notes.insertMany([{ citizenId: '2', text: 'rolled back' }]);
      await Notes.updateOne({ citizenId: '9' }, { $set: { text: 'rolled back' } }, { upsert: true });
      await new Notes({ citizenId: '3', text: 'rolled back' }).save();
      // Reads inside see the transaction's own writes.
      expect(await Notes.countDocuments({ text: 'rolled back' })).toBe(4);
      throw new Error('boom');
    });
    await expect(boom).rejects.toThrow('boom');
    expect(await Notes.countDocuments({ text: 'rolled back' })).toBe(0);
  });

  it('commits when the function resolves, and joins the running transaction when nested', async () => {
    await inTransaction(conn, async () => {
      await Notes.create([{ citizenId: '4', text: 'outer' }]);
      await inTransaction(conn, async () => {
        await Notes.create([{ citizenId: '5', text: 'outer' }]);
      });
    });
    expect(await Notes.countDocuments({ text: 'outer' })).toBe(2);

    const nestedThrow = inTransaction(conn, async () => {
      await Notes.create([{ citizenId: '6', text: 'inner fails' }]);
      await inTransaction(conn, async () => {
        await Notes.create([{ citizenId: '7', text: 'inner fails' }]);
        throw new Error('inner');
      });
    });
    await expect(nestedThrow).rejects.toThrow('inner');
    expect(await Notes.countDocuments({ text: 'inner fails' })).toBe(0);
  });
});

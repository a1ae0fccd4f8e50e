import mongoose, { Schema } from 'mongoose';
import { connectDatabase, QueryPlanRecorder, syncIndexes } from './index';
import { sumThrough, Tallies, tallyInto } from './tallies';

const uri = () => {
  const u = process.env.NCT_TEST_MONGODB_URI;
  if (!u) throw new Error('no test database');
  return u;
};

describe('tallies on the real test server', () => {
  let conn: mongoose.Connection;
  let tallies: Tallies;
  const makeRecord = (c: mongoose.Connection) =>
    c.model('Rec', new Schema({ key: { type: String, unique: true }, commune: String, openedOn: String }));
  let Rec: ReturnType<typeof makeRecord>;

  beforeAll(async () => {
    conn = await connectDatabase(uri(), `t_tally_${Math.random().toString(36).slice(2, 10)}`);
    tallies = new Tallies(conn);
    Rec = makeRecord(conn);
    await syncIndexes(conn);
  });

  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  it('adds and sums through a date, per scope, with one query for all scopes', async () => {
    await tallies.add([
      { name: 'opened', scope: '10001', key: '2025-01-05', by: 1 },
      { name: 'opened', scope: '10001', key: '2025-01-05', by: 1 },
      { name: 'opened', scope: '10001', key: '2026-03-01', by: 1 },
      { name: 'opened', scope: '10002', key: '2024-12-31', by: 1 },
      { name: 'other', scope: '10001', key: '2020-01-01', by: 5 },
    ]);
    const recorder = new QueryPlanRecorder([conn]);
    const sums = await tallies.sumThrough('opened', ['10001', '10002', '10003'], '2025-12-31');
    recorder.detach();
    expect(Object.fromEntries(sums)).toEqual({ '10001': 2, '10002': 1, '10003': 0 });
    const plans = await recorder.plans();
    expect(plans).toHaveLength(1);
    expect(plans[0].collectionScan).toBe(false);
  });

  it.each([
    [{ '2025-01-01': 2, '2025-06-30': 1, '2026-01-01': 4 }, '2025-06-30', 3],
    [{ '2025-01-01': 2, '2025-06-30': 1, '2026-01-01': 4 }, '2024-12-31', 0],
    [{ '2025-01-01': 2, '2025-06-30': -1 }, '9999-12-31', 1],
    [{}, '2025-01-01', 0],
  ])('sumThrough(%j, %s) = %d', (counts, last, expected) => {
    expect(sumThrough(counts, last)).toBe(expected);
  });

  it('changes nothing when the transaction that carries the change fails', async () => {
    await Rec.create({ key: 'dup', commune: '10009', openedOn: '2025-01-01' });
    await expect(
      conn.transaction(async (session) => {
        await tallies.add([{ name: 'opened', scope: '10009', key: '2025-02-02', by: 1 }], session);
        await Rec.create([{ key: 'dup', commune: '10009', openedOn: '2025-02-02' }], { session });
      }),
    ).rejects.toMatchObject({ code: 11000 });
    expect((await tallies.read('opened', ['10009'])).get('10009')).toEqual({});
  });

  it('loses no increment under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        conn.transaction(async (session) => {
          await Rec.create([{ key: `c${i}`, commune: '10010', openedOn: '2025-03-03' }], { session });
          await tallies.add([{ name: 'opened', scope: '10010', key: '2025-03-03', by: 1 }], session);
        }),
      ),
    );
    expect((await tallies.read('opened', ['10010'])).get('10010')).toEqual({ '2025-03-03': 20 });
  });

  it('replaces a tally from counts computed from the collections, leaving other tallies alone', async () => {
    const built = new Map<string, Record<string, number>>();
    tallyInto(built, '10001', '2025-01-05');
    tallyInto(built, '10001', '2025-01-05');
    tallyInto(built, '10004', '2023-07-07', 3);
    await tallies.replace('opened', built);
    expect(Object.fromEntries(await tallies.read('opened', ['10001', '10002', '10004']))).toEqual({
      '10001': { '2025-01-05': 2 },
      '10002': {},
      '10004': { '2023-07-07': 3 },
    });
    expect((await tallies.read('other', ['10001'])).get('10001')).toEqual({ '2020-01-01': 5 });
  });

  it.each([
    ['a key with a dot', { name: 'opened', scope: '10001', key: 'a.b', by: 1 }, /key/],
    ['a key with a dollar', { name: 'opened', scope: '10001', key: '$x', by: 1 }, /key/],
    ['a bad name', { name: 'Opened', scope: '10001', key: 'k', by: 1 }, /name/],
    ['a fractional change', { name: 'opened', scope: '10001', key: 'k', by: 0.5 }, /whole/],
  ])('refuses %s', async (_label, change, message) => {
    await expect(tallies.add([change])).rejects.toThrow(message);
  });
});

import mongoose, { Schema } from 'mongoose';
import { connectDatabase, QueryPlanRecorder, syncIndexes, trusted } from './index';

const uri = () => {
  const u = process.env.NCT_TEST_MONGODB_URI;
  if (!u) throw new Error('no test database');
  return u;
};

describe('query plans on the real test server (explain)', () => {
  let conn: mongoose.Connection;
  const makeModel = (c: mongoose.Connection) => {
    const schema = new Schema({ key: { type: String, required: true, unique: true }, commune: String, n: Number });
    schema.index({ commune: 1, key: 1 });
    return c.model('Thing', schema);
  };
  let Thing: ReturnType<typeof makeModel>;

  beforeAll(async () => {
    conn = await connectDatabase(uri(), `t_plans_${Math.random().toString(36).slice(2, 10)}`);
    Thing = makeModel(conn);
    await syncIndexes(conn);
    await Thing.insertMany(Array.from({ length: 300 }, (_, i) => ({ key: `k${String(i).padStart(4, '0')}`, commune: `c${i % 7}`, n: i })));
  });

  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  async function plansOf(fn: () => Promise<unknown>) {
    const r = new QueryPlanRecorder([conn]);
    await fn();
    r.detach();
    return r.plans();
  }

  it.each([
    ['find by a unique key', () => Thing.findOne({ key: 'k0007' }).lean(), false],
    ['find with $in on a unique key', () => Thing.find({ key: trusted({ $in: ['k0001', 'k0002'] }) }).lean(), false],
    [
      'keyset page on a compound index',
      () =>
        Thing.find({ commune: 'c3', key: trusted({ $gt: 'k0100' }) })
          .sort({ key: 1 })
          .limit(10)
          .lean(),
      false,
    ],
    ['count on an indexed prefix', () => Thing.countDocuments({ commune: 'c2' }), false],
    [
      'aggregate $match on an indexed field',
      () => Thing.aggregate([{ $match: { commune: 'c1' } }, { $group: { _id: null, n: { $sum: 1 } } }]),
      false,
    ],
    ['update by a unique key', () => Thing.updateOne({ key: 'k0009' }, { $inc: { n: 1 } }), false],
    ['find on an unindexed field', () => Thing.find({ n: 5 }).lean(), true],
    ['aggregate over everything', () => Thing.aggregate([{ $group: { _id: '$commune', n: { $sum: 1 } } }]), true],
    ['a filtered count command (SecantusDB scans for it)', () => Thing.collection.count({ commune: 'c2' }), true],
  ] as const)('%s: collection scan %s', async (_label, fn, scans) => {
    const plans = await plansOf(fn);
    expect(plans).toHaveLength(1);
    expect(plans[0].collection).toBe('things');
    expect(plans[0].stages.length).toBeGreaterThan(0);
    expect(plans[0].collectionScan).toBe(scans);
  });

  it('ignores commands sent after it is detached', async () => {
    const r = new QueryPlanRecorder([conn]);
    r.detach();
    await Thing.find({ n: 1 }).lean();
    expect(r.count).toBe(0);
  });
});

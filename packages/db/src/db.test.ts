import mongoose, { Schema } from 'mongoose';
import { connectDatabase, QueryCounter, syncIndexes, trusted } from './index';

const uri = () => {
  const u = process.env.NCT_TEST_MONGODB_URI;
  if (!u) throw new Error('no test database');
  return u;
};

const makeModel = (conn: mongoose.Connection) =>
  conn.model('Thing', new Schema({ key: { type: String, required: true, unique: true }, n: Number }));

describe('@nct/db against the real test server', () => {
  let Thing: ReturnType<typeof makeModel>;
  let conn: mongoose.Connection;

  beforeAll(async () => {
    conn = await connectDatabase(uri(), `t_db_${Date.now().toString(36)}`);
    Thing = makeModel(conn);
    await syncIndexes(conn);
    await Thing.insertMany([
      { key: 'a', n: 1 },
      { key: 'b', n: 2 },
    ]);
  });

  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });

  it('enforces unique indexes (duplicate key error, nothing written)', async () => {
    await expect(Thing.create({ key: 'a', n: 3 })).rejects.toMatchObject({ code: 11000 });
    expect(await Thing.countDocuments({})).toBe(2);
  });

  it('neutralises operator injection in filters built from input', async () => {
    const fromClient = JSON.parse('{"$gt": ""}');
    // sanitizeFilter turns it into {$eq: {$gt: ""}}: refused for a string path, never an operator.
    await expect(Thing.find({ key: fromClient }).lean()).rejects.toThrow(/Cast to string failed/);
    expect(
      await Thing.find({ n: fromClient })
        .lean()
        .catch(() => []),
    ).toHaveLength(0);
    expect(await Thing.find({ key: trusted({ $gt: '' }) }).lean()).toHaveLength(2);
  });

  it('counts the read commands sent on the wire', async () => {
    const counter = new QueryCounter([conn]);
    await Thing.find({ key: trusted({ $in: ['a', 'b'] }) }).lean();
    await Thing.countDocuments({});
    expect(counter.total()).toBe(2);
    counter.detach();
  });
});

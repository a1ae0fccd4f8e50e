import mongoose from 'mongoose';
import { testMongoUri, uniqueDbName } from './index';

describe('test helpers', () => {
  it('gives distinct database names that the server accepts', async () => {
    const names = new Set(Array.from({ length: 50 }, () => uniqueDbName('x')));
    expect(names.size).toBe(50);
    const name = [...names][0];
    expect(name).toMatch(/^t_x_[0-9a-f]{10}$/);
    const conn = await mongoose.createConnection(testMongoUri(), { dbName: name }).asPromise();
    await conn.collection('probe').insertOne({ ok: 1 });
    expect(await conn.collection('probe').countDocuments()).toBe(1);
    await conn.dropDatabase();
    await conn.close();
  });

  it('points at a real server started by the global setup', async () => {
    expect(testMongoUri()).toMatch(/^mongodb:\/\//);
    const conn = await mongoose.createConnection(testMongoUri()).asPromise();
    const hello = await conn.db!.admin().command({ hello: 1 });
    expect(hello.ok).toBe(1);
    await conn.close();
  });
});

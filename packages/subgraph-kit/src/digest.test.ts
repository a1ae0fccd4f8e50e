import mongoose from 'mongoose';
import { connectDatabase } from '@nct/db';
import { randomBytes } from 'node:crypto';
import { Digest, digestModel } from './digest';

interface Row {
  citizenId: string;
  birthDate: string;
  deathDate: string | null;
}

describe('commune digests (real FerretDB)', () => {
  let connection: mongoose.Connection;
  let digest: Digest<Row>;
  beforeAll(async () => {
    connection = await connectDatabase(process.env.NCT_TEST_MONGODB_URI ?? '', `t_digest_${randomBytes(5).toString('hex')}`);
    digest = new Digest<Row>(digestModel(connection), { kind: 'register', fields: ['citizenId', 'birthDate', 'deathDate'], key: 'citizenId' });
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('rebuilds, reads one commune, several and all', async () => {
    const n = await digest.rebuild([
      { commune: '01001', row: { citizenId: 'a', birthDate: '1940-01-01', deathDate: null } },
      { commune: '01001', row: { citizenId: 'b', birthDate: '1950-02-02', deathDate: '2026-01-01' } },
      { commune: '01002', row: { citizenId: 'c', birthDate: '1930-03-03', deathDate: null } },
    ]);
    expect(n).toBe(3);
    expect((await digest.read(['01001'])).get('01001')).toEqual([
      { citizenId: 'a', birthDate: '1940-01-01', deathDate: null },
      { citizenId: 'b', birthDate: '1950-02-02', deathDate: '2026-01-01' },
    ]);
    expect([...(await digest.read(['01001', '01002'])).keys()].sort()).toEqual(['01001', '01002']);
    expect((await digest.readAll()).map((r) => `${r.commune}/${r.citizenId}`).sort()).toEqual(['01001/a', '01001/b', '01002/c']);
    expect((await digest.read(['09999'])).size).toBe(0);
  });

  it('put replaces the row with the same key; remove deletes it; a new commune is created', async () => {
    await digest.put('01001', { citizenId: 'a', birthDate: '1940-01-01', deathDate: '2026-05-05' });
    await digest.put('01003', { citizenId: 'd', birthDate: '1960-01-01', deathDate: null });
    await digest.remove('01002', 'c');
    await digest.remove('01002', 'not-there');
    const all = await digest.readAll();
    expect(all.filter((r) => r.citizenId === 'a')).toEqual([{ commune: '01001', citizenId: 'a', birthDate: '1940-01-01', deathDate: '2026-05-05' }]);
    expect(all.map((r) => r.citizenId).sort()).toEqual(['a', 'b', 'd']);
  });

  it('putMany replaces and removes several rows of a commune in one write', async () => {
    await digest.putMany('01005', [
      { citizenId: 'm1', birthDate: '1950-01-01', deathDate: null },
      { citizenId: 'm2', birthDate: '1951-01-01', deathDate: null },
    ]);
    await digest.putMany('01005', [{ citizenId: 'm2', birthDate: '1951-01-01', deathDate: '2026-02-02' }, { citizenId: 'm3', birthDate: '1952-01-01', deathDate: null }], ['m1']);
    expect((await digest.read(['01005'])).get('01005')).toEqual([
      { citizenId: 'm2', birthDate: '1951-01-01', deathDate: '2026-02-02' },
      { citizenId: 'm3', birthDate: '1952-01-01', deathDate: null },
    ]);
  });

  it('concurrent puts to one commune lose nothing (optimistic versions)', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => digest.put('01004', { citizenId: `p${i}`, birthDate: '1950-01-01', deathDate: null })));
    expect((await digest.read(['01004'])).get('01004')?.map((r) => r.citizenId).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `p${i}`).sort());
  });

  it('a rebuild of one kind leaves the other kinds alone', async () => {
    const other = new Digest<{ citizenId: string }>(digestModel(connection), { kind: 'other', fields: ['citizenId'], key: 'citizenId' });
    await other.rebuild([{ commune: '01001', row: { citizenId: 'x' } }]);
    await digest.rebuild([{ commune: '01001', row: { citizenId: 'z', birthDate: '1940-01-01', deathDate: null } }]);
    expect((await other.readAll()).map((r) => r.citizenId)).toEqual(['x']);
    expect((await digest.readAll()).map((r) => r.citizenId)).toEqual(['z']);
  });

  it('serves unchanged communes from the process copy and re-reads a commune whose version moved (any writer)', async () => {
    await digest.rebuild([
      { commune: '02001', row: { citizenId: 'v1', birthDate: '1940-01-01', deathDate: null } },
      { commune: '02002', row: { citizenId: 'v2', birthDate: '1941-01-01', deathDate: null } },
    ]);
    expect((await digest.readAll()).map((r) => r.citizenId).sort()).toEqual(['v1', 'v2']);
    const docs = connection.collection('digests');
    const versions = connection.collection('digest_versions');
    // A change behind the digest's back, without a new version, is not seen: the copy is used.
    await docs.updateOne({ _id: 'register:02001' as never }, { $set: { rows: ['["sneaky","1940-01-01",null]'] } });
    expect((await digest.readAll()).map((r) => r.citizenId).sort()).toEqual(['v1', 'v2']);
    // Another process's write moves the version: the next read sees it.
    const current = (await versions.findOne({ _id: 'register:02001' as never }))!.version as number;
    await docs.updateOne({ _id: 'register:02001' as never }, { $set: { rows: ['["other","1940-01-01",null]'], version: current + 1 } });
    await versions.updateOne({ _id: 'register:02001' as never }, { $set: { version: current + 1 } });
    expect((await digest.readAll()).map((r) => r.citizenId).sort()).toEqual(['other', 'v2']);
    // This process's own writes are seen at once.
    await digest.put('02002', { citizenId: 'v3', birthDate: '1942-01-01', deathDate: null });
    expect((await digest.read(['02002'])).get('02002')?.map((r) => r.citizenId)).toEqual(['v2', 'v3']);
  });

  it('hands out frozen rows, so no caller can change the shared copy', async () => {
    const rows = (await digest.read(['02002'])).get('02002')!;
    expect(Object.isFrozen(rows[0])).toBe(true);
    rows.pop();
    expect((await digest.read(['02002'])).get('02002')).toHaveLength(2);
  });

  it('refuses a spec whose key is not a field', () => {
    expect(() => new Digest<Row>(digestModel(connection), { kind: 'bad', fields: ['birthDate'], key: 'citizenId' })).toThrow(/key citizenId/);
  });
});

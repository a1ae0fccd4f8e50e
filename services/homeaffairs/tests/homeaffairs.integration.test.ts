import type { Connection } from 'mongoose';
import { connectDatabase } from '@nct/db';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { executeOperation, testMongoUri, uniqueDbName } from '@nct/testing';
import { definition, nameSearchFields, type Models } from '../src';

// A small hand-written register, so that expected answers are obvious.
const UNITS = [
  { code: '12', name: 'Tỉnh Lai Châu', kind: 'PROVINCE', level: 'PROVINCE', parentCode: null, validFrom: '2025-07-01', validTo: null },
  {
    code: '03199',
    name: 'Xã Tam Đường',
    kind: 'COMMUNE',
    level: 'COMMUNE',
    parentCode: '12',
    validFrom: '2025-07-01',
    validTo: null,
    disadvantaged: true,
  },
  { code: '03388', name: 'Phường Tân Phong', kind: 'WARD', level: 'COMMUNE', parentCode: '12', validFrom: '2025-07-01', validTo: null },
  {
    code: '106',
    name: 'Huyện Tam Đường',
    kind: 'DISTRICT',
    level: 'DISTRICT',
    parentCode: '12',
    validFrom: '2008-01-01',
    validTo: '2025-06-30',
  },
  {
    code: '03202',
    name: 'Xã Bình Lư (cũ)',
    kind: 'COMMUNE',
    level: 'COMMUNE',
    parentCode: '106',
    validFrom: '2008-01-01',
    validTo: '2025-06-30',
  },
];
const LINEAGE = [
  { fromCode: '03202', toCode: '03199', legalAct: 'NQ 1670/NQ-UBTVQH15', effectiveDate: '2025-07-01' },
  { fromCode: '106', toCode: '03199', legalAct: 'NQ 1670/NQ-UBTVQH15', effectiveDate: '2025-07-01' },
];
const PEOPLE = [
  { citizenId: '012140000001', fullName: 'Nguyễn Văn An', birthDate: '1940-03-01', sex: 'MALE', communeCode: '03199' },
  { citizenId: '012145000002', fullName: 'Lò Thị Mai', birthDate: '1945-12-31', sex: 'FEMALE', communeCode: '03199' },
  {
    citizenId: '012150000003',
    fullName: 'Trần Thị Hoa',
    birthDate: '1950-06-06',
    sex: 'FEMALE',
    communeCode: '03388',
    deathDate: '2026-01-10',
  },
  { citizenId: '012160000004', fullName: 'Phạm Đức Minh', birthDate: '1960-10-01', sex: 'MALE', communeCode: '03388' },
  { citizenId: '012125000005', fullName: 'Đặng Thị Bình', birthDate: '1925-01-20', sex: 'FEMALE', communeCode: '03388' },
].map((p) => ({ ethnicity: 'Kinh', legacyUnitCode: null, deathDate: null, nameSearch: '', ...p }));

describe('homeaffairs subgraph on the real database', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  const run = (query: string, variables?: Record<string, unknown>) => executeOperation(sg.apollo, query, variables, sg.context());

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('homeaffairs'));
    sg = await createSubgraph(definition, conn);
    await sg.models.Unit.insertMany(UNITS);
    await sg.models.Lineage.insertMany(LINEAGE);
    await sg.models.Person.insertMany(PEOPLE.map((p) => ({ ...p, ...nameSearchFields(p.fullName) })));
  });

  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  it('returns one person with residence and age', async () => {
    const res = await run(
      `{ person(citizenId: "012140000001") { citizenId fullName birthDate sex age residence { code name kind } deathDate } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.person).toMatchObject({
      fullName: 'Nguyễn Văn An',
      sex: 'MALE',
      residence: { code: '03199', name: 'Xã Tam Đường', kind: 'COMMUNE' },
      deathDate: null,
    });
    expect((res.data?.person as { age: number }).age).toBeGreaterThanOrEqual(86);
  });

  it('returns null for an unknown but well-formed ID', async () => {
    const res = await run(`{ person(citizenId: "012140999999") { fullName } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.person).toBeNull();
  });

  it.each(['12345', '0121400000011', 'abcdefghijkl', '{"$gt":""}', '999140000001'])('refuses the malformed ID %s', async (id) => {
    const res = await run(`query($id: ID!) { person(citizenId: $id) { fullName } }`, { id });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/citizen ID/);
  });

  it('filters by commune, sex and age, and counts', async () => {
    const res = await run(
      `{ people(filter: { communeCode: "03388", sex: FEMALE, minAge: 70 }) { totalCount edges { node { citizenId } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const conn = res.data?.people as { totalCount: number; edges: Array<{ node: { citizenId: string } }> };
    expect(conn.edges.map((e) => e.node.citizenId)).toEqual(['012125000005', '012150000003']);
    expect(conn.totalCount).toBe(2);
  });

  it('finds names without diacritics and excludes the deceased when asked', async () => {
    const res = await run(`{ a: people(filter: { nameContains: "nguyen van an" }) { edges { node { fullName } } }
                              b: people(filter: { alive: true, communeCode: "03388" }) { totalCount } }`);
    expect(res.errors).toBeUndefined();
    expect((res.data?.a as any).edges).toEqual([{ node: { fullName: 'Nguyễn Văn An' } }]);
    expect((res.data?.b as any).totalCount).toBe(2);
  });

  it('finds a name from any of its words on, in a commune or anywhere (an indexed prefix range)', async () => {
    const names = async (filter: string) => {
      const res = await run(`{ people(filter: ${filter}) { totalCount edges { node { fullName } } } }`);
      expect(res.errors).toBeUndefined();
      return (res.data?.people as any).edges.map((e: any) => e.node.fullName);
    };
    expect(await names(`{ nameContains: "Văn An" }`)).toEqual(['Nguyễn Văn An']);
    expect(await names(`{ nameContains: "thi" }`)).toEqual(['Đặng Thị Bình', 'Lò Thị Mai', 'Trần Thị Hoa']);
    expect(await names(`{ nameContains: "thi", communeCode: "03388", alive: true }`)).toEqual(['Đặng Thị Bình']);
    expect(await names(`{ nameContains: "dang thi binh" }`)).toEqual(['Đặng Thị Bình']);
    expect(await names(`{ nameContains: "uyen" }`)).toEqual([]); // not the start of a word
  });

  it('pages with cursors and enforces the maximum page size', async () => {
    const first = await run(`{ people(first: 2) { edges { node { citizenId } } pageInfo { hasNextPage endCursor } } }`);
    const page1 = first.data?.people as any;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const next = await run(
      `query($after: String) { people(first: 10, after: $after) { edges { node { citizenId } } pageInfo { hasNextPage } } }`,
      {
        after: page1.pageInfo.endCursor,
      },
    );
    const page2 = next.data?.people as any;
    expect(page2.edges).toHaveLength(3);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const all = [...page1.edges, ...page2.edges].map((e: any) => e.node.citizenId);
    expect(new Set(all).size).toBe(5);

    for (const bad of [`first: 101`, `first: 0`, `after: "not-a-cursor!"`]) {
      const res = await run(`{ people(${bad}) { edges { cursor } } }`);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('resolves lineage both ways', async () => {
    const res = await run(
      `{ administrativeUnit(code: "03199") { predecessors { fromCode legalAct } } old: administrativeUnit(code: "03202") { validTo successors { toCode } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect((res.data?.administrativeUnit as any).predecessors.map((l: any) => l.fromCode).sort()).toEqual(['03202', '106']);
    expect(res.data?.old).toEqual({ validTo: '2025-06-30', successors: [{ toCode: '03199' }] });
  });

  it('lists the communes of a province in force on a date', async () => {
    const res = await run(
      `{ now: communes(provinceCode: "12") { code } before: communesOf(provinceCode: "12", asOf: "2025-06-30") { code } }`,
    );
    expect(res.errors).toBeUndefined();
    expect((res.data?.now as any[]).map((u) => u.code)).toEqual(['03199', '03388']);
    // before the reform: the old communes (under the province's old districts)
    expect(res.data?.before).toEqual([{ code: '03202' }]);
  });

  describe('registerStatistics (aggregates, small cells withheld)', () => {
    beforeAll(async () => {
      // Commune 03410: six women in their seventies, five men in their sixties, one woman of 85.
      const { makeCitizenId } = await import('@nct/citizen-id');
      const docs = [
        ...Array.from({ length: 6 }, (_, i) => ({ sex: 'FEMALE', birthDate: '1952-01-0' + (i + 1) })),
        ...Array.from({ length: 5 }, (_, i) => ({ sex: 'MALE', birthDate: '1962-02-0' + (i + 1) })),
        { sex: 'FEMALE', birthDate: '1941-03-03' },
      ].map((p, i) => ({
        ...p,
        citizenId: makeCitizenId('012', p.sex as 'MALE' | 'FEMALE', Number(p.birthDate.slice(0, 4)), 900 + i),
        fullName: 'Người Thống Kê',
        nameSearch: 'nguoi thong ke',
        ethnicity: 'Kinh',
        communeCode: '03410',
        legacyUnitCode: null,
        deathDate: null,
      }));
      await sg.models.Person.insertMany(docs);
    });
    afterAll(async () => {
      await sg.models.Person.deleteMany({ communeCode: '03410' });
    });

    const query = `query($c: String) { registerStatistics(communeCode: $c) { communeCode total cells { sex ageBand count suppressed } } }`;
    const cell = (stats: any, sex: string, band: string) => stats.cells.find((c: any) => c.sex === sex && c.ageBand === band);

    it('gives a coordinator the figures with small cells withheld', async () => {
      const res = await executeOperation(sg.apollo, query, { c: '03410' }, sg.context({ role: 'coordinator' }, 'STATISTICS'));
      expect(res.errors).toBeUndefined();
      const stats = res.data?.registerStatistics as any;
      expect(stats.total).toBe(12);
      expect(cell(stats, 'FEMALE', '70-79')).toEqual({ sex: 'FEMALE', ageBand: '70-79', count: 6, suppressed: false });
      expect(cell(stats, 'FEMALE', '80-89')).toMatchObject({ count: null, suppressed: true }); // 1 person
      expect(cell(stats, 'MALE', '60-69')).toMatchObject({ count: null, suppressed: true }); // 5, withheld with it
      expect(cell(stats, 'MALE', '90-99')).toMatchObject({ count: 0, suppressed: false });
    });

    it('withholds a total under five', async () => {
      const res = await executeOperation(sg.apollo, query, { c: '03199' }, sg.context({ role: 'coordinator' }, 'STATISTICS'));
      const stats = res.data?.registerStatistics as any;
      expect(stats.total).toBeNull();
      expect(stats.cells.every((c: any) => c.count === 0 || c.count === null)).toBe(true);
    });

    it('keeps a coordinator away from personal rows', async () => {
      const res = await executeOperation(
        sg.apollo,
        `{ people(first: 5) { totalCount } }`,
        undefined,
        sg.context({ role: 'coordinator' }, 'STATISTICS'),
      );
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('limits a commune officer to their commune', async () => {
      const own = await executeOperation(sg.apollo, query, { c: null }, sg.context({ role: 'commune-officer', commune: '03410' }));
      expect((own.data?.registerStatistics as any).communeCode).toBe('03410');
      const other = await executeOperation(sg.apollo, query, { c: '03199' }, sg.context({ role: 'commune-officer', commune: '03410' }));
      expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('registerPerson', () => {
    const mutation = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { citizenId fullName residence { code } } }`;
    const input = {
      citizenId: '012055000042',
      fullName: ' Hoàng Văn Tú ',
      birthDate: '1955-02-02',
      sex: 'MALE',
      ethnicity: 'Tày',
      communeCode: '03199',
    };

    it('registers a consistent entry, normalised', async () => {
      const res = await run(mutation, { input });
      expect(res.errors).toBeUndefined();
      expect(res.data?.registerPerson).toEqual({ citizenId: '012055000042', fullName: 'Hoàng Văn Tú', residence: { code: '03199' } });
    });

    it('refuses a duplicate citizen ID with CONFLICT and writes nothing', async () => {
      const before = await sg.models.Person.countDocuments({});
      const res = await run(mutation, { input: { ...input, fullName: 'Người Khác' } });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await sg.models.Person.countDocuments({})).toBe(before);
      expect((await sg.models.Person.findOne({ citizenId: '012055000042' }).lean())?.fullName).toBe('Hoàng Văn Tú');
    });

    it.each([
      [{ citizenId: '012155000043' }, 'citizenId'],
      [{ birthDate: '1955-02-30' }, null],
      [{ communeCode: '03202' }, 'communeCode'],
      [{ communeCode: '99999' }, 'communeCode'],
      [{ fullName: 'x'.repeat(5000) }, 'fullName'],
    ])('refuses %j and writes nothing', async (change, field) => {
      const before = await sg.models.Person.countDocuments({});
      const res = await run(mutation, { input: { ...input, citizenId: '012055000043', ...change } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      if (field) expect((res.errors?.[0].extensions?.problems as any[]).map((p) => p.field)).toContain(field);
      expect(await sg.models.Person.countDocuments({})).toBe(before);
    });
  });

  it('resolves entity representations in one query', async () => {
    const { QueryCounter } = await import('@nct/db');
    const counter = new QueryCounter([conn]);
    const res = await run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { citizenId fullName } } }`, {
      r: [...PEOPLE.map((p) => ({ __typename: 'Person', citizenId: p.citizenId })), { __typename: 'Person', citizenId: '012199999999' }],
    });
    expect(res.errors).toBeUndefined();
    expect((res.data?._entities as any[]).map((e) => e?.citizenId ?? null)).toEqual([...PEOPLE.map((p) => p.citizenId), null]);
    expect(counter.total()).toBe(1);
    counter.detach();
  });
});

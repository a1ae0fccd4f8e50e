import type { Connection } from 'mongoose';
import { connectDatabase, QueryCounter } from '@nct/db';
import { addDays } from '@nct/dates';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { executeOperation, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, nameSearchFields, type Models } from '../src';

/**
 * Residence history, villages and the dated list of especially disadvantaged areas
 * (docs/consistency.md section 3), and the batch identity read for services, through the
 * subgraph's Apollo server on the real test database. A small hand-written province: a commune
 * formed by the 2025 reform (03340) from an old one (03341), a commune the reform left alone
 * (03310), and a plain commune (03220).
 */
const TODAY = testToday();
const QD861 = 'Quyết định 861/QĐ-TTg ngày 04/6/2021 của Thủ tướng Chính phủ';
const QD612 = 'Quyết định 612/QĐ-UBDT ngày 16/9/2021 của Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc';
const PROVINCE = 'Quyết định 1128/QĐ-UBND ngày 01/7/2025 của UBND tỉnh Lai Châu';

const unit = (code: string, name: string, validFrom: string, validTo: string | null = null, parentCode = '12') => ({
  code,
  name,
  kind: 'COMMUNE',
  level: 'COMMUNE',
  parentCode,
  validFrom,
  validTo,
});
const UNITS = [
  { code: '12', name: 'Tỉnh Lai Châu', kind: 'PROVINCE', level: 'PROVINCE', parentCode: null, validFrom: '2004-01-01', validTo: null },
  {
    code: '108',
    name: 'Huyện Sìn Hồ',
    kind: 'DISTRICT',
    level: 'DISTRICT',
    parentCode: '12',
    validFrom: '2004-01-01',
    validTo: '2025-06-30',
  },
  unit('03340', 'Xã Hồng Thu', '2025-07-01'),
  unit('03341', 'Xã Hồng Thu (cũ)', '2004-01-01', '2025-06-30', '108'),
  unit('03310', 'Xã Tà Tổng', '2004-01-01'),
  unit('03220', 'Xã Bình Lư', '2025-07-01'),
];
const village = (villageCode: string, name: string, from: string, to: string | null = null) => ({
  villageCode,
  communeCode: villageCode.slice(0, 5),
  name,
  from,
  to,
});
const VILLAGES = [
  village('03340-001', 'bản Nà Tăm', '2025-07-01'),
  village('03340-002', 'bản Phìn Hồ', '2025-07-01'),
  village('03341-001', 'bản Nà Tăm', '2004-01-01', '2025-06-30'),
  village('03341-002', 'bản Phìn Hồ', '2004-01-01', '2025-06-30'),
  village('03310-001', 'bản Tà Tổng', '2004-01-01'),
  village('03220-001', 'thôn Bình Lư', '2025-07-01'),
];
const listing = (level: string, unitCode: string, villageCode: string | null, from: string, to: string | null, legalAct: string) => ({
  listingId: `${villageCode ?? unitCode}@${from}`,
  level,
  unitCode,
  villageCode,
  from,
  to,
  legalAct,
});
const AREAS = [
  listing('COMMUNE', '03341', null, '2021-06-04', '2025-06-30', QD861),
  listing('COMMUNE', '03310', null, '2021-06-04', '2025-06-30', QD861),
  listing('COMMUNE', '03310', null, '2025-07-01', null, PROVINCE),
  listing('VILLAGE', '03341', '03341-002', '2021-09-16', '2025-06-30', QD612),
  listing('VILLAGE', '03340', '03340-002', '2025-07-01', null, PROVINCE),
];
const person = (citizenId: string, fullName: string, birthDate: string, communeCode: string, extra: Record<string, unknown> = {}) => ({
  citizenId,
  fullName,
  ...nameSearchFields(fullName),
  birthDate,
  sex: citizenId[3] === '0' || citizenId[3] === '2' ? 'MALE' : 'FEMALE',
  ethnicity: 'Thái',
  communeCode,
  legacyUnitCode: null,
  deathDate: null,
  ...extra,
});
// A: lived in the old commune (village 03341-001) until the reform, then in the new one (stored history).
const A = person('012050000101', 'Lò Văn An', '1950-04-04', '03340', {
  residenceHistory: [
    { communeCode: '03341', villageCode: '03341-001', from: '2004-01-01', to: '2025-06-30' },
    { communeCode: '03340', villageCode: null, from: '2025-07-01', to: null },
  ],
});
// B: an entry written before the register kept histories (none stored).
const B = person('012145000102', 'Đèo Thị Bình', '1945-05-05', '03310');
// C: deceased.
const C = person('012040000103', 'Tòng Văn Chiến', '1940-01-01', '03220', { deathDate: '2026-01-10' });
// D: for moves with an idempotency key.
const D = person('012052000104', 'Quàng Văn Dũng', '1952-02-02', '03310', {
  residenceHistory: [{ communeCode: '03310', villageCode: '03310-001', from: '2004-01-01', to: null }],
});

describe('residence history and the dated disadvantaged list', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  const run = (query: string, variables?: Record<string, unknown>, ctx = sg.context()) =>
    executeOperation(sg.apollo, query, variables, ctx);
  const ok = async (query: string, variables?: Record<string, unknown>, ctx = sg.context()) => {
    const res = await run(query, variables, ctx);
    expect(res.errors).toBeUndefined();
    return res.data as any;
  };
  const HISTORY = `residenceHistory { communeCode villageCode from to commune { name } disadvantaged { from to level legalAct } }`;
  const MOVE = `mutation($id: ID!, $c: String!, $v: String, $f: Date!, $k: String) {
    recordResidenceChange(citizenId: $id, communeCode: $c, villageCode: $v, from: $f, idempotencyKey: $k) { citizenId residence { code } residenceHistory { communeCode villageCode from to } } }`;
  const problems = (res: { errors?: readonly any[] }) => (res.errors?.[0].extensions?.problems as any[]).map((p) => p.field);

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('homeaffairs_residence'));
    sg = await createSubgraph(definition, conn);
    await sg.models.Unit.insertMany(UNITS);
    await sg.models.Village.insertMany(VILLAGES);
    await sg.models.DisadvantagedArea.insertMany(AREAS);
    await sg.models.Person.insertMany([A, B, C, D]);
  });
  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  describe('Person.residenceHistory', () => {
    it('gives each period with the spells of status of its commune or village, clipped to it, with their acts', async () => {
      const data = await ok(`{ person(citizenId: "${A.citizenId}") { ${HISTORY} residence { code disadvantaged } } }`);
      expect(data.person.residenceHistory).toEqual([
        {
          communeCode: '03341',
          villageCode: '03341-001',
          from: '2004-01-01',
          to: '2025-06-30',
          commune: { name: 'Xã Hồng Thu (cũ)' },
          disadvantaged: [{ from: '2021-06-04', to: '2025-06-30', level: 'COMMUNE', legalAct: QD861 }],
        },
        { communeCode: '03340', villageCode: null, from: '2025-07-01', to: null, commune: { name: 'Xã Hồng Thu' }, disadvantaged: [] },
      ]);
      // today's status of the current commune, from the dated list: the new commune is not listed
      expect(data.person.residence).toEqual({ code: '03340', disadvantaged: false });
    });

    it('reads an entry without a stored history as one period in its commune, from birth or the commune’s formation', async () => {
      const data = await ok(`{ person(citizenId: "${B.citizenId}") { ${HISTORY} residence { disadvantaged } } }`);
      expect(data.person.residenceHistory).toEqual([
        {
          communeCode: '03310',
          villageCode: null,
          from: '2004-01-01',
          to: null,
          commune: { name: 'Xã Tà Tổng' },
          disadvantaged: [
            { from: '2021-06-04', to: '2025-06-30', level: 'COMMUNE', legalAct: QD861 },
            { from: '2025-07-01', to: null, level: 'COMMUNE', legalAct: PROVINCE },
          ],
        },
      ]);
      expect(data.person.residence).toEqual({ disadvantaged: true });
    });
  });

  describe('recordResidenceChange', () => {
    it('moves within the commune to a listed village: the current period closes the day before, the spell starts with the move', async () => {
      const from = addDays(TODAY, -40);
      const data = await ok(MOVE, { id: A.citizenId, c: '03340', v: '03340-002', f: from });
      expect(data.recordResidenceChange.residenceHistory.slice(1)).toEqual([
        { communeCode: '03340', villageCode: null, from: '2025-07-01', to: addDays(from, -1) },
        { communeCode: '03340', villageCode: '03340-002', from, to: null },
      ]);
      const read = await ok(`{ person(citizenId: "${A.citizenId}") { residenceHistory { disadvantaged { from to level legalAct } } } }`);
      expect(read.person.residenceHistory[2].disadvantaged).toEqual([{ from, to: null, level: 'VILLAGE', legalAct: PROVINCE }]);
    });

    it('sending the same move again changes nothing (the current residence already is that)', async () => {
      const before = await sg.models.Person.findOne({ citizenId: A.citizenId }).lean();
      const again = await ok(MOVE, { id: A.citizenId, c: '03340', v: '03340-002', f: addDays(TODAY, -40) });
      expect(again.recordResidenceChange.residenceHistory).toHaveLength(3);
      expect(await sg.models.Person.findOne({ citizenId: A.citizenId }).lean()).toEqual(before);
    });

    it('moves an entry without a stored history to another commune and stores the history', async () => {
      const from = addDays(TODAY, -10);
      const data = await ok(MOVE, { id: B.citizenId, c: '03220', v: '03220-001', f: from });
      expect(data.recordResidenceChange).toMatchObject({
        residence: { code: '03220' },
        residenceHistory: [
          { communeCode: '03310', villageCode: null, from: '2004-01-01', to: addDays(from, -1) },
          { communeCode: '03220', villageCode: '03220-001', from, to: null },
        ],
      });
      const stored = await sg.models.Person.findOne({ citizenId: B.citizenId }).lean();
      expect(stored?.communeCode).toBe('03220');
      expect(stored?.residenceHistory).toHaveLength(2);
    });

    it.each([
      ['a commune formed on 2025-07-01, from 2024 (before it existed)', { id: D.citizenId, c: '03340', f: '2024-05-01' }, 'communeCode'],
      ['an abolished commune (not a current residence)', { id: D.citizenId, c: '03341', f: '2024-05-01' }, 'communeCode'],
      ['an unknown commune', { id: D.citizenId, c: '99999', f: addDays(TODAY, -1) }, 'communeCode'],
      ['a village of another commune', { id: D.citizenId, c: '03220', v: '03340-001', f: addDays(TODAY, -1) }, 'villageCode'],
      ['an unknown village of the commune', { id: D.citizenId, c: '03220', v: '03220-077', f: addDays(TODAY, -1) }, 'villageCode'],
      ['a date in the future', { id: D.citizenId, c: '03220', f: addDays(TODAY, 1) }, 'from'],
      ['a date before birth', { id: D.citizenId, c: '03220', f: '1952-02-01' }, 'from'],
      ['a date before the current period started', { id: D.citizenId, c: '03220', f: '2003-12-31' }, 'from'],
      ['a date after death', { id: C.citizenId, c: '03340', f: '2026-01-11' }, 'from'],
    ])('refuses %s, bilingual, and writes nothing', async (_label, v, field) => {
      const before = await sg.models.Person.findOne({ citizenId: v.id }).lean();
      const res = await run(MOVE, v);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(problems(res)).toContain(field);
      expect(res.errors?.[0].extensions?.messageVi).toBeTruthy();
      expect(res.errors?.[0].extensions?.messageEn).toBeTruthy();
      expect(await sg.models.Person.findOne({ citizenId: v.id }).lean()).toEqual(before);
    });

    it('refuses an unknown person (NOT_FOUND) and a person of another commune for a commune officer (FORBIDDEN)', async () => {
      expect((await run(MOVE, { id: '012140999999', c: '03220', f: TODAY })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const officer = sg.context({ role: 'commune-officer', commune: '03220' });
      expect((await run(MOVE, { id: D.citizenId, c: '03220', f: TODAY }, officer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('with an idempotency key: a retry returns the first result; the key with another move is CONFLICT', async () => {
      const k = 'move-D-2026-0001';
      const from = addDays(TODAY, -5);
      const first = await ok(MOVE, { id: D.citizenId, c: '03220', f: from, k });
      const retry = await ok(MOVE, { id: D.citizenId, c: '03220', f: from, k });
      expect(retry).toEqual(first);
      const reused = await run(MOVE, { id: D.citizenId, c: '03340', f: from, k });
      expect(reused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
      expect((await sg.models.Person.findOne({ citizenId: D.citizenId }).lean())?.residenceHistory).toHaveLength(2);
    });
  });

  describe('registerPerson', () => {
    const REGISTER = `mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { citizenId residenceHistory { communeCode villageCode from to } } }`;
    const input = { fullName: 'Lường Thị Mới', birthDate: '1955-03-03', sex: 'FEMALE', ethnicity: 'Thái', communeCode: '03340' };

    it('starts the history at residentSince, in the village given', async () => {
      const data = await ok(REGISTER, {
        i: { ...input, citizenId: '012155000201', villageCode: '03340-001', residentSince: '2025-09-01' },
      });
      expect(data.registerPerson.residenceHistory).toEqual([
        { communeCode: '03340', villageCode: '03340-001', from: '2025-09-01', to: null },
      ]);
    });

    it('without residentSince (old callers): from birth, or from the day the commune was formed', async () => {
      const data = await ok(REGISTER, { i: { ...input, citizenId: '012155000202' } });
      expect(data.registerPerson.residenceHistory).toEqual([{ communeCode: '03340', villageCode: null, from: '2025-07-01', to: null }]);
    });

    it.each([
      [{ residentSince: '2024-01-01' }, 'communeCode'], // the commune did not exist yet
      [{ residentSince: '1955-03-02' }, 'residentSince'], // before birth
      [{ residentSince: addDays(TODAY, 1) }, 'residentSince'],
      [{ villageCode: '03310-001' }, 'villageCode'],
    ])('refuses %j', async (change, field) => {
      const res = await run(REGISTER, { i: { ...input, citizenId: '012155000203', ...change } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(problems(res)).toContain(field);
      expect(await sg.models.Person.countDocuments({ citizenId: '012155000203' })).toBe(0);
    });
  });

  describe('registerPeople (the batch identity services read)', () => {
    const BATCH = `query($ids: [ID!]!) { registerPeople(citizenIds: $ids) { citizenId birthDate deathDate residenceHistory { communeCode from to disadvantaged { from to level legalAct } } } }`;

    it('answers in the order asked, null for an unknown ID, with one query per collection', async () => {
      const ids = [C.citizenId, '012140999999', A.citizenId, B.citizenId, A.citizenId];
      const counter = new QueryCounter([conn]);
      const data = await ok(BATCH, { ids });
      const reads = counter.byCollection();
      counter.detach();
      expect(data.registerPeople.map((p: any) => p?.citizenId ?? null)).toEqual([C.citizenId, null, A.citizenId, B.citizenId, A.citizenId]);
      expect(data.registerPeople[0]).toMatchObject({ deathDate: '2026-01-10', birthDate: '1940-01-01' });
      expect(reads).toEqual({ people: 1, disadvantaged_areas: 1, administrative_units: 1 }); // units: C has no stored history
    });

    it('refuses more than 500 IDs and malformed IDs', async () => {
      const many = Array.from({ length: 501 }, () => A.citizenId);
      expect((await run(BATCH, { ids: many })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await run(BATCH, { ids: [A.citizenId, '12345'] })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('limits a commune officer to their commune, as `person` does', async () => {
      const officer = sg.context({ role: 'commune-officer', commune: '03220' });
      expect((await run(BATCH, { ids: [C.citizenId] }, officer)).errors).toBeUndefined();
      expect((await run(BATCH, { ids: [C.citizenId, A.citizenId] }, officer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const coordinator = sg.context({ role: 'coordinator' }, 'STATISTICS');
      expect((await run(BATCH, { ids: [C.citizenId] }, coordinator)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('the dated list and villages', () => {
    const AREAS_ON = `query($d: Date, $u: String) { disadvantagedAreas(asOf: $d, unitCode: $u) { id level unitCode villageCode from to legalAct } }`;
    const ADD = `mutation($i: DisadvantagedAreaInput!, $k: String) { addDisadvantagedArea(input: $i, idempotencyKey: $k) { id level unitCode villageCode from to legalAct } }`;
    const CLOSE = `mutation($id: ID!, $to: Date!) { closeDisadvantagedArea(id: $id, to: $to) { id to } }`;

    it('lists what is in force on a date', async () => {
      const before = await ok(AREAS_ON, { d: '2024-01-01' });
      expect(before.disadvantagedAreas.map((a: any) => a.id)).toEqual(['03310@2021-06-04', '03341@2021-06-04', '03341-002@2021-09-16']);
      const now = await ok(AREAS_ON, {});
      expect(now.disadvantagedAreas.map((a: any) => a.id)).toEqual(['03310@2025-07-01', '03340-002@2025-07-01']);
      const one = await ok(AREAS_ON, { u: '03341', d: '2025-06-30' });
      expect(one.disadvantagedAreas.map((a: any) => a.legalAct)).toEqual([QD861, QD612]);
    });

    it('adds a listing (then the commune is disadvantaged today), refuses an overlap, and closes it idempotently', async () => {
      const from = addDays(TODAY, -30);
      const i = { level: 'COMMUNE', unitCode: '03220', from, legalAct: 'Quyết định 45/QĐ-UBND ngày 01/10/2026 của UBND tỉnh Lai Châu' };
      const added = await ok(ADD, { i, k: 'listing-03220-0001' });
      expect(added.addDisadvantagedArea).toMatchObject({ id: `03220@${from}`, level: 'COMMUNE', to: null });
      expect(await ok(ADD, { i, k: 'listing-03220-0001' })).toEqual(added);
      expect((await ok(`{ administrativeUnit(code: "03220") { disadvantaged } }`)).administrativeUnit.disadvantaged).toBe(true);
      const overlap = await run(ADD, { i: { ...i, from: TODAY } });
      expect(overlap.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LISTING_OVERLAP' });

      const yesterday = addDays(TODAY, -1);
      expect((await ok(CLOSE, { id: `03220@${from}`, to: yesterday })).closeDisadvantagedArea).toEqual({
        id: `03220@${from}`,
        to: yesterday,
      });
      expect((await ok(CLOSE, { id: `03220@${from}`, to: yesterday })).closeDisadvantagedArea.to).toBe(yesterday);
      expect((await run(CLOSE, { id: `03220@${from}`, to: TODAY })).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
      expect((await ok(`{ administrativeUnit(code: "03220") { disadvantaged } }`)).administrativeUnit.disadvantaged).toBe(false);
      expect((await run(CLOSE, { id: 'nothing@2020-01-01', to: TODAY })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it.each([
      [{ level: 'COMMUNE', unitCode: '03340', from: '2024-01-01' }, 'unitCode'], // the commune did not exist yet
      [{ level: 'COMMUNE', unitCode: '03341', from: '2024-01-01' }, 'unitCode'], // open-ended on an abolished commune
      [{ level: 'VILLAGE', unitCode: '03220', villageCode: '03220-050', from: '2026-01-01' }, 'villageCode'],
      [{ level: 'VILLAGE', unitCode: '03220', villageCode: '03340-001', from: '2026-01-01' }, 'villageCode'],
    ])('refuses the listing %j', async (i, field) => {
      const res = await run(ADD, { i: { legalAct: PROVINCE, ...i } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(problems(res)).toContain(field);
    });

    it('adds a village of a current commune and lists the villages in force', async () => {
      const ADD_VILLAGE = `mutation($i: VillageInput!) { addVillage(input: $i) { villageCode communeCode name from to } }`;
      const added = await ok(ADD_VILLAGE, { i: { villageCode: '03220-002', name: ' thôn Nà Khuy ', from: '2025-07-01' } });
      expect(added.addVillage).toEqual({
        villageCode: '03220-002',
        communeCode: '03220',
        name: 'thôn Nà Khuy',
        from: '2025-07-01',
        to: null,
      });
      expect(
        (await run(ADD_VILLAGE, { i: { villageCode: '03220-002', name: 'x', from: '2025-07-01' } })).errors?.[0].extensions?.code,
      ).toBe('CONFLICT');
      expect(
        (await run(ADD_VILLAGE, { i: { villageCode: '03341-009', name: 'x', from: '2025-07-01' } })).errors?.[0].extensions?.code,
      ).toBe('BAD_USER_INPUT');
      const list = await ok(
        `{ villages(communeCode: "03220") { villageCode } old: villages(communeCode: "03341", asOf: "2025-01-01") { villageCode } }`,
      );
      expect(list.villages.map((v: any) => v.villageCode)).toEqual(['03220-001', '03220-002']);
      expect(list.old.map((v: any) => v.villageCode)).toEqual(['03341-001', '03341-002']);
    });
  });
});

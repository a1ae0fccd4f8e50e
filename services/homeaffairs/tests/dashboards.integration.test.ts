import fs from 'node:fs';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { connectDatabase, QueryCounter } from '@nct/db';
import { generateSeed, type SeedData } from '@nct/seed';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { ageOn, calendarAge, yearOf } from '@nct/dates';
import { executeOperation, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, deriveHomeaffairsSeed, nameSearchFields, seedDatabase, SEED_PLAN_NUMBER, type Models } from '../src';
import { isOverdue } from '../src/plans/plans.rules';

describe('homeaffairs dashboards and workflows on the seeded province', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  let data: SeedData;
  const today = testToday();
  const run = (query: string, variables?: Record<string, unknown>, ctx = sg.context()) =>
    executeOperation(sg.apollo, query, variables, ctx);
  const coordinator = () => sg.context({ role: 'coordinator' }, 'STATISTICS');
  /** The whole register as stored, to check that a refused write changed nothing. */
  const register = async () => (await sg.models.Person.find({}, { _id: 0 }).lean()).map((r) => JSON.stringify(r)).sort();

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('homeaffairs_dash'));
    sg = await createSubgraph(definition, conn);
    data = generateSeed({ people: 400, asOf: today });
    await seedDatabase(sg.models, data);
  });
  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  const living = (p: SeedData['people'][number], on = today) => p.deathDate === null || p.deathDate > on;
  const biggestCommune = () => {
    const counts = new Map<string, number>();
    for (const p of data.people) counts.set(p.communeCode, (counts.get(p.communeCode) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0][0];
  };

  describe('seed', () => {
    it('seeds every register entry with its search fields, keeps no second copy, and seeds only once', async () => {
      expect(await sg.models.Person.countDocuments({})).toBe(data.people.length);
      const p = data.people[0];
      expect(await sg.models.Person.findOne({ citizenId: p.citizenId }, { _id: 0, nameSearch: 1, nameKeys: 1 }).lean()).toEqual(
        nameSearchFields(p.fullName),
      );
      expect((await conn.db!.listCollections().toArray()).map((c) => c.name).filter((n) => /digest/.test(n))).toEqual([]);
      const before = await register();
      expect(await seedDatabase(sg.models, data)).toEqual({ seeded: false, counts: {} });
      expect(await register()).toEqual(before);
    });

    it('derives the organisation records and the plan', async () => {
      const extra = deriveHomeaffairsSeed(data);
      expect(await sg.models.AssociationUnit.countDocuments({})).toBe(extra.associationUnits.length);
      expect(await sg.models.PlanTask.countDocuments({ planNumber: SEED_PLAN_NUMBER })).toBe(15);
    });
  });

  describe('elderlyRoster (indexed reads of one commune)', () => {
    const query = `query($c: String!, $f: RosterFilter) { elderlyRoster(communeCode: $c, filter: $f) { citizenId fullName birthDate age deathDate legacyUnitCode ethnicity residence { code } } }`;

    it('lists the living 80+ of a commune with one read of people, identity from it', async () => {
      const c = biggestCommune();
      const counter = new QueryCounter([conn]);
      const res = await run(query, { c, f: { minAge: 80, alive: true } });
      const reads = counter.byDatabase();
      counter.detach();
      expect(res.errors).toBeUndefined();
      const expected = data.people
        .filter((p) => p.communeCode === c && living(p) && ageOn(p.birthDate, today) >= 80)
        .map((p) => p.citizenId)
        .sort();
      const got = res.data?.elderlyRoster as any[];
      expect(got.map((p) => p.citizenId)).toEqual(expected);
      expect(got.every((p) => p.residence.code === c && p.age >= 80)).toBe(true);
      // one birth-date range of the commune on `people`, plus one read of the units for `residence`
      expect(Object.values(reads).reduce((a, b) => a + b, 0)).toBe(2);
    });

    it("lists the year's celebration ages, excluding the deceased (Q8)", async () => {
      const c = biggestCommune();
      const year = Number(today.slice(0, 4));
      const res = await run(query, {
        c,
        f: { calendarYear: year, calendarAges: [70, 75, 80, 85, 90, 95], calendarAgeAtLeast: 100, alive: true },
      });
      const expected = data.people
        .filter((p) => p.communeCode === c && living(p))
        .filter((p) => {
          const a = calendarAge(yearOf(p.birthDate), year);
          return [70, 75, 80, 85, 90, 95].includes(a) || a >= 100;
        })
        .map((p) => p.citizenId)
        .sort();
      expect((res.data?.elderlyRoster as any[]).map((p) => p.citizenId)).toEqual(expected);
    });

    it.each([
      [{ c: '123' }, 'BAD_USER_INPUT'],
      [{ c: '03220', f: { asOf: '2026-02-30' } }, 'BAD_USER_INPUT'],
      [{ c: '03220', f: { minAge: 90, maxAge: 80 } }, 'BAD_USER_INPUT'],
      [{ c: '03220', f: { citizenIdIn: ['12'] } }, 'BAD_USER_INPUT'],
    ])('refuses %j', async (vars, code) => {
      const res = await run(query, vars);
      expect(res.errors?.[0].extensions?.code).toBe(code);
    });

    it('keeps a commune officer to their commune and a coordinator away from people', async () => {
      const other = await run(query, { c: '03220' }, sg.context({ role: 'commune-officer', commune: '03200' }));
      expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const own = await run(query, { c: '03200' }, sg.context({ role: 'commune-officer', commune: '03200' }));
      expect(own.errors).toBeUndefined();
      const coord = await run(query, { c: '03200' }, coordinator());
      expect(coord.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('Person reference resolution', () => {
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { citizenId fullName birthDate sex ethnicity deathDate legacyUnitCode age residence { code } } } }`;
    const reps = (ids: string[]) => ids.map((citizenId) => ({ __typename: 'Person', citizenId }));

    it('reads people once for a batch (one $in), with the same results as small batches', async () => {
      const ids = [...data.people.slice(0, 60).map((p) => p.citizenId), '012199999999'];
      const counter = new QueryCounter([conn]);
      const big = await run(entities, { r: reps(ids) });
      const reads = counter.total();
      counter.detach();
      expect(big.errors).toBeUndefined();
      expect(reads).toBe(2); // people ($in of the 61 IDs) + administrative_units
      const small: unknown[] = [];
      for (let i = 0; i < ids.length; i += 10) {
        const res = await run(entities, { r: reps(ids.slice(i, i + 10)) });
        small.push(...(res.data?._entities as unknown[]));
      }
      expect(big.data?._entities).toEqual(small);
      expect((big.data?._entities as unknown[])[60]).toBeNull();
    });
  });

  describe('AdministrativeUnit counts (what other subgraphs @require)', () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { code elderlyCountToday centenarianCountToday elderlyCount(asOf: "2025-01-01") legacyRecordCount disclosureNote } } }`;

    it('counts on people and agrees with the register', async () => {
      const codes = data.communes.map((c) => c.code);
      const res = await run(q, { r: codes.map((code) => ({ __typename: 'AdministrativeUnit', code })) });
      expect(res.errors).toBeUndefined();
      for (const unit of res.data?._entities as any[]) {
        const people = data.people.filter((p) => p.communeCode === unit.code);
        expect(unit.elderlyCountToday).toBe(people.filter((p) => living(p) && ageOn(p.birthDate, today) >= 60).length);
        expect(unit.centenarianCountToday).toBe(people.filter((p) => living(p) && ageOn(p.birthDate, today) >= 100).length);
        expect(unit.elderlyCount).toBe(
          people.filter((p) => living(p, '2025-01-01') && p.birthDate <= '2025-01-01' && ageOn(p.birthDate, '2025-01-01') >= 60).length,
        );
        expect(unit.legacyRecordCount).toBe(people.filter((p) => p.legacyUnitCode !== null).length);
        expect(unit.disclosureNote).toBeNull();
      }
    });

    it('gives a province its current communes with the mountain flag (association requires them)', async () => {
      const res = await run(
        `{ _entities(representations: [{ __typename: "AdministrativeUnit", code: "12" }, { __typename: "AdministrativeUnit", code: "03220" }]) { ... on AdministrativeUnit { code communes { code mountainous } } } }`,
        undefined,
        coordinator(),
      );
      expect(res.errors).toBeUndefined();
      const [province, commune] = res.data?._entities as any[];
      expect(province.communes).toEqual(
        data.communes.map((c) => ({ code: c.code, mountainous: c.mountainous })).sort((a, b) => (a.code < b.code ? -1 : 1)),
      );
      expect(commune.communes).toBeNull();
    });

    it('gives a commune its living residents per birth year (association Q8 figures require them), the dead left out', async () => {
      const codes = data.communes.map((c) => c.code);
      const res = await run(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { code livingBirthYearsToday { year count } } } }`,
        { r: [...codes, '12'].map((code) => ({ __typename: 'AdministrativeUnit', code })) },
        coordinator(),
      );
      expect(res.errors).toBeUndefined();
      const units = res.data?._entities as any[];
      let dead = 0;
      for (const unit of units.slice(0, -1)) {
        const byYear = new Map<number, number>();
        for (const p of data.people.filter((x) => x.communeCode === unit.code)) {
          if (!living(p)) dead += 1;
          else byYear.set(Number(p.birthDate.slice(0, 4)), (byYear.get(Number(p.birthDate.slice(0, 4))) ?? 0) + 1);
        }
        const expected = [...byYear].sort(([a], [b]) => a - b).map(([year, count]) => ({ year, count }));
        expect(unit.livingBirthYearsToday).toEqual(expected);
      }
      expect(dead).toBeGreaterThan(0);
      expect(units[units.length - 1].livingBirthYearsToday).toBeNull(); // the province: association sums its communes
      const other = await run(
        `{ _entities(representations: [{ __typename: "AdministrativeUnit", code: "${codes[0]}" }]) { ... on AdministrativeUnit { livingBirthYearsToday { year } } } }`,
        undefined,
        sg.context({ role: 'commune-officer', commune: codes[1] }),
      );
      expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const auditor = await run(
        `{ _entities(representations: [{ __typename: "AdministrativeUnit", code: "${codes[0]}" }]) { ... on AdministrativeUnit { livingBirthYearsToday { year } } } }`,
        undefined,
        sg.context({ role: 'auditor' }),
      );
      expect(auditor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('withholds counts of 1-4 from a coordinator, with a note', async () => {
      const res = await run(q, { r: data.communes.map((c) => ({ __typename: 'AdministrativeUnit', code: c.code })) }, coordinator());
      expect(res.errors).toBeUndefined();
      const units = res.data?._entities as any[];
      const withheld = units.filter((u) => u.legacyRecordCount === null || u.centenarianCountToday === null);
      expect(withheld.length).toBeGreaterThan(0);
      for (const u of withheld) expect(u.disclosureNote).toMatch(/withheld/);
      for (const u of units)
        for (const v of [u.elderlyCountToday, u.centenarianCountToday, u.legacyRecordCount])
          expect(v === null || v === 0 || v >= 5).toBe(true);
    });
  });

  describe('units: lineage and Q12', () => {
    it("resolves old codes to today's units", async () => {
      const res = await run(`{ split: resolveUnitCode(code: "03203") { code } merged: resolveUnitCode(code: "03222") { code }
        district: resolveUnitCode(code: "106") { code } then: resolveUnitCode(code: "03222", onDate: "2025-06-30") { code } never: resolveUnitCode(code: "09999") { code } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        split: [{ code: '03200' }, { code: '03210' }],
        merged: [{ code: '03220' }],
        district: ['03220', '03230', '03240', '03250'].map((code) => ({ code })),
        then: [{ code: '03222' }],
        never: null,
      });
      for (const bad of ['1234', 'abc'])
        expect((await run(`{ resolveUnitCode(code: "${bad}") { code } }`)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const badDate = await run(`query($d: Date) { resolveUnitCode(code: "03222", onDate: $d) { code } }`, { d: '2025-02-30' });
      expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('lists the records still on each old code and where it goes (Q12)', async () => {
      const res = await run(`{ legacyUnitRecords(provinceCode: "12") { legacyCode recordCount suppressed currentUnits { code } } }`);
      expect(res.errors).toBeUndefined();
      const counts = new Map<string, number>();
      for (const p of data.people) if (p.legacyUnitCode) counts.set(p.legacyUnitCode, (counts.get(p.legacyUnitCode) ?? 0) + 1);
      const rows = res.data?.legacyUnitRecords as any[];
      expect(rows.map((r) => [r.legacyCode, r.recordCount])).toEqual([...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
      const split = rows.find((r) => r.legacyCode === '03203');
      if (split) expect(split.currentUnits).toEqual([{ code: '03200' }, { code: '03210' }]);
    });
  });

  describe('register workflows, seen at once by every read', () => {
    const correct = `mutation($id: ID!, $input: CorrectPersonInput!) { correctPerson(citizenId: $id, input: $input) { citizenId fullName sex birthDate residence { code } legacyUnitCode } }`;
    const death = `mutation($id: ID!, $d: Date!) { recordDeath(citizenId: $id, deathDate: $d) { citizenId deathDate } }`;
    const alive = () => data.people.find((p) => p.deathDate === null && p.legacyUnitCode !== null && p.communeCode !== '03220')!;

    it.each([
      ['unknown person', { id: '012140999999', input: { fullName: 'Ai Đó' } }, 'NOT_FOUND'],
      ['malformed ID', { id: '{"$gt":""}', input: { fullName: 'Ai Đó' } }, 'BAD_USER_INPUT'],
      ['nothing to correct', { input: {} }, 'BAD_USER_INPUT'],
      ['sex that contradicts the citizen ID', { input: { sex: 'OPPOSITE' } }, 'BAD_USER_INPUT'],
      ['birth year that contradicts the citizen ID', { input: { birthDate: 'OTHER_YEAR' } }, 'BAD_USER_INPUT'],
      ['impossible birth date', { input: { birthDate: '1950-02-30' } }, 'BAD_USER_INPUT'],
      ['abolished commune', { input: { communeCode: '03222' } }, 'BAD_USER_INPUT'],
      ['oversized name', { input: { fullName: 'A'.repeat(500) } }, 'BAD_USER_INPUT'],
    ])('correctPerson refuses %s and changes nothing', async (_l, vars: any, code) => {
      const p = alive();
      const input = { ...vars.input };
      if (input.sex === 'OPPOSITE') input.sex = p.sex === 'MALE' ? 'FEMALE' : 'MALE';
      if (input.birthDate === 'OTHER_YEAR') input.birthDate = `${Number(p.birthDate.slice(0, 4)) - 1}${p.birthDate.slice(4)}`;
      const before = await register();
      const stored = await sg.models.Person.findOne({ citizenId: p.citizenId }).lean();
      const res = await run(correct, { id: vars.id ?? p.citizenId, input });
      if (code === 'BAD_USER_INPUT' && input.birthDate === '1950-02-30') expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      else expect(res.errors?.[0].extensions?.code).toBe(code);
      expect(await sg.models.Person.findOne({ citizenId: p.citizenId }).lean()).toEqual(stored);
      expect(await register()).toEqual(before);
    });

    it("corrects name and residence: the record moves onto today's code; search, rosters and counts follow", async () => {
      const p = alive();
      const legacyBefore = await run(
        `{ a: administrativeUnit(code: "${p.communeCode}") { legacyRecordCount } b: administrativeUnit(code: "03220") { legacyRecordCount } }`,
      );
      const res = await run(correct, { id: p.citizenId, input: { fullName: 'Đèo Thị Ánh', communeCode: '03220' } });
      expect(res.errors).toBeUndefined();
      expect(res.data?.correctPerson).toMatchObject({ fullName: 'Đèo Thị Ánh', residence: { code: '03220' }, legacyUnitCode: null });
      const search = await run(`{ people(filter: { nameContains: "deo thi anh" }) { edges { node { citizenId } } } }`);
      expect((search.data?.people as any).edges).toEqual([{ node: { citizenId: p.citizenId } }]);
      const roster = `query($c: String!, $ids: [ID!]) { elderlyRoster(communeCode: $c, filter: { citizenIdIn: $ids }) { citizenId fullName legacyUnitCode } }`;
      expect((await run(roster, { c: p.communeCode, ids: [p.citizenId] })).data?.elderlyRoster).toEqual([]);
      expect((await run(roster, { c: '03220', ids: [p.citizenId] })).data?.elderlyRoster).toEqual([
        { citizenId: p.citizenId, fullName: 'Đèo Thị Ánh', legacyUnitCode: null },
      ]);
      const legacyAfter = await run(
        `{ a: administrativeUnit(code: "${p.communeCode}") { legacyRecordCount } b: administrativeUnit(code: "03220") { legacyRecordCount } }`,
      );
      expect((legacyAfter.data as any).a.legacyRecordCount).toBe((legacyBefore.data as any).a.legacyRecordCount - 1);
      expect((legacyAfter.data as any).b.legacyRecordCount).toBe((legacyBefore.data as any).b.legacyRecordCount);
    });

    it('records a death once (the same again changes nothing, another date is refused), not before birth, not in the future', async () => {
      const p = data.people.find((x) => x.deathDate === null && x.communeCode === '03200')!;
      const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      for (const d of [tomorrow, '1900-01-01', '2026-02-30']) {
        const res = await run(death, { id: p.citizenId, d });
        expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
      expect((await run(death, { id: '012140999999', d: '2026-01-01' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const ok = await run(death, { id: p.citizenId, d: today });
      expect(ok.errors).toBeUndefined();
      const again = await run(death, { id: p.citizenId, d: today });
      expect(again.errors).toBeUndefined();
      const other = await run(death, { id: p.citizenId, d: '2026-01-01' });
      expect(other.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect((await run(`{ person(citizenId: "${p.citizenId}") { deathDate } }`)).data?.person).toEqual({ deathDate: today });
      const roster = await run(`{ elderlyRoster(communeCode: "03200", filter: { alive: false }) { citizenId } }`);
      expect((roster.data?.elderlyRoster as any[]).map((x) => x.citizenId)).toContain(p.citizenId);
      const living = await run(`{ elderlyRoster(communeCode: "03200", filter: { alive: true }) { citizenId } }`);
      expect((living.data?.elderlyRoster as any[]).map((x) => x.citizenId)).not.toContain(p.citizenId);
    });

    it('registering a person puts them on the commune roster and in its count', async () => {
      const count = async () =>
        ((await run(`{ administrativeUnit(code: "03210") { elderlyCountToday } }`)).data?.administrativeUnit as any).elderlyCountToday;
      const before = await count();
      const res = await run(
        `mutation { registerPerson(input: { citizenId: "012055000777", fullName: "Lò Văn Mới", birthDate: "1955-03-03", sex: MALE, ethnicity: "Thái", communeCode: "03210" }) { citizenId } }`,
      );
      expect(res.errors).toBeUndefined();
      const roster = await run(`{ elderlyRoster(communeCode: "03210", filter: { citizenIdIn: ["012055000777"] }) { fullName } }`);
      expect(roster.data?.elderlyRoster).toEqual([{ fullName: 'Lò Văn Mới' }]);
      expect(await count()).toBe(before + 1);
    });
  });

  describe('unit list import', () => {
    const mutation = `mutation($csv: String!, $dry: Boolean) { importAdministrativeUnits(csv: $csv, dryRun: $dry) { dryRun inserted unchanged lineageInserted rejected { line code reasons { code } } } }`;
    const fixture = fs.readFileSync(path.join(__dirname, '../fixtures/lai-chau-units.csv'), 'utf8');

    it('the Lai Châu fixture matches the seeded units exactly (all unchanged)', async () => {
      const res = await run(mutation, { csv: fixture });
      expect(res.errors).toBeUndefined();
      expect(res.data?.importAdministrativeUnits).toEqual({ dryRun: false, inserted: 0, unchanged: 76, lineageInserted: 0, rejected: [] });
    });

    it('imports good rows, reports bad ones, and bad rows change nothing', async () => {
      const csv = [
        fixture.split('\n')[0],
        '03580,Xã Mới Thử,COMMUNE,12,2026-01-01,,false,true,03220,Nghị quyết thử nghiệm',
        '0358,Xã Mã Sai,COMMUNE,12,2026-01-01,,false,false,,',
        '03590,Xã Cha Lạ,COMMUNE,98,2026-01-01,,false,false,,',
        '03600,Xã Ngày Sai,COMMUNE,12,2026-02-30,,false,false,,',
        '03220,Xã Bình Lư đổi tên,COMMUNE,12,2025-07-01,,false,false,,',
      ].join('\n');
      const unitsBefore = await sg.models.Unit.countDocuments({});
      const dry = await run(mutation, { csv, dry: true });
      expect((dry.data?.importAdministrativeUnits as any).inserted).toBe(1);
      expect(await sg.models.Unit.countDocuments({})).toBe(unitsBefore);
      const res = await run(mutation, { csv });
      expect(res.errors).toBeUndefined();
      const report = res.data?.importAdministrativeUnits as any;
      expect(report.inserted).toBe(1);
      expect(report.lineageInserted).toBe(1);
      expect(report.rejected.map((r: any) => [r.line, r.reasons.map((x: any) => x.code)])).toEqual([
        [3, ['BAD_CODE']],
        [4, ['UNKNOWN_PARENT']],
        [5, ['BAD_DATE']],
        [6, ['DUPLICATE']],
      ]);
      expect(await sg.models.Unit.countDocuments({})).toBe(unitsBefore + 1);
      expect((await sg.models.Unit.findOne({ code: '03220' }).lean())?.name).toBe('Xã Bình Lư');
      const again = await run(mutation, { csv });
      expect((again.data?.importAdministrativeUnits as any).inserted).toBe(0);
      expect((again.data?.importAdministrativeUnits as any).unchanged).toBe(1);
    });

    it('refuses a wrong header or an oversized file, and non-staff', async () => {
      expect((await run(mutation, { csv: 'a,b\n1,2' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await run(mutation, { csv: 'x'.repeat(200_001) })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await run(mutation, { csv: fixture }, coordinator())).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('association organisation records', () => {
    const create = `mutation($i: AssociationUnitInput!) { createAssociationUnit(input: $i) { adminUnitCode name level type establishment { number date } } }`;
    const term = `mutation($c: ID!, $i: LeadershipTermInput!) { recordLeadershipTerm(adminUnitCode: $c, input: $i) { adminUnitCode terms { startDate endDate } } }`;
    const decision = { number: '15/QĐ-UBND', date: '2026-03-01', issuingBody: 'UBND xã Mới Thử' };

    it('lists units by level and type for a coordinator', async () => {
      const res = await run(
        `{ associationUnits(level: COMMUNE, type: ASSOCIATION, first: 5) { totalCount edges { node { adminUnitCode currentTerm { endDate } } } } }`,
        undefined,
        coordinator(),
      );
      expect(res.errors).toBeUndefined();
      expect((res.data?.associationUnits as any).totalCount).toBe(data.communes.length);
      expect((res.data?.associationUnits as any).edges[0].node.currentTerm).not.toBeNull();
    });

    it('records a unit and a term; refuses duplicates, bad codes, long terms, overlaps; writes nothing then', async () => {
      const ok = await run(create, {
        i: {
          adminUnitCode: '03580',
          name: 'Hội Người cao tuổi xã Mới Thử',
          level: 'COMMUNE',
          type: 'ASSOCIATION',
          establishment: decision,
        },
      });
      expect(ok.errors).toBeUndefined();
      const units = await sg.models.AssociationUnit.countDocuments({});
      for (const [i, code] of [
        [{ adminUnitCode: '03580' }, 'CONFLICT'],
        [{ adminUnitCode: '03222' }, 'BAD_USER_INPUT'], // abolished commune
        [{ adminUnitCode: '12' }, 'BAD_USER_INPUT'], // province code at commune level
        [{ adminUnitCode: '03590', establishment: { ...decision, date: '2026-02-30' } }, 'BAD_USER_INPUT'],
      ] as const) {
        const res = await run(create, { i: { name: 'Hội thử', level: 'COMMUNE', type: 'ASSOCIATION', establishment: decision, ...i } });
        expect(res.errors?.[0].extensions?.code).toBe(code);
      }
      expect(await sg.models.AssociationUnit.countDocuments({})).toBe(units);

      const t = { startDate: '2026-03-15', endDate: '2031-03-15', chairName: 'Lò Văn Pọm', decision: { ...decision, date: '2026-03-20' } };
      expect((await run(term, { c: '03580', i: t })).errors).toBeUndefined();
      const terms = await sg.models.LeadershipTerm.countDocuments({});
      for (const [i, code] of [
        [{ startDate: '2031-03-15', endDate: '2036-03-16' }, 'BAD_USER_INPUT'], // longer than 5 years
        [{ startDate: '2030-01-01', endDate: '2034-01-01' }, 'BAD_USER_INPUT'], // overlaps
        [{ startDate: '2026-03-15', endDate: '2026-03-10' }, 'BAD_USER_INPUT'],
      ] as const) {
        expect((await run(term, { c: '03580', i: { ...t, ...i } })).errors?.[0].extensions?.code).toBe(code);
      }
      expect((await run(term, { c: '03590', i: t })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await sg.models.LeadershipTerm.countDocuments({})).toBe(terms);
      expect((await run(term, { c: '03580', i: t }, coordinator())).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('implementation plans (Q13)', () => {
    it('gives progress by agency and status, and the overdue tasks', async () => {
      const extra = deriveHomeaffairsSeed(data);
      const res = await run(
        `query($p: ID!) { planProgress(planNumber: $p) { totalTasks overdueTotal byAgencyStatus { leadAgency status count } overdueByAgency { leadAgency count } }
          overdueTasks(first: 100) { totalCount edges { node { taskNo leadAgency status overdue } } } }`,
        { p: SEED_PLAN_NUMBER },
        coordinator(),
      );
      expect(res.errors).toBeUndefined();
      const overdue = extra.planTasks.filter((t) => isOverdue(t, today));
      expect((res.data?.planProgress as any).totalTasks).toBe(15);
      expect((res.data?.planProgress as any).overdueTotal).toBe(overdue.length);
      expect((res.data?.overdueTasks as any).totalCount).toBe(overdue.length);
      expect((res.data?.overdueTasks as any).edges.map((e: any) => e.node.taskNo)).toEqual(overdue.map((t) => t.taskNo));
    });

    it('moves a task through its states, refuses invalid transitions naming the allowed ones', async () => {
      const change = `mutation($s: TaskStatus!) { changeTaskStatus(planNumber: "${SEED_PLAN_NUMBER}", taskNo: 8, status: $s) { status allowedTransitions } }`;
      const bad = await run(change, { s: 'DONE' });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0].extensions?.allowed).toEqual(['IN_PROGRESS', 'CANCELLED']);
      expect(bad.errors?.[0].message).toMatch(/allowed: IN_PROGRESS, CANCELLED/);
      expect((await run(change, { s: 'IN_PROGRESS' })).data?.changeTaskStatus).toEqual({
        status: 'IN_PROGRESS',
        allowedTransitions: ['DONE', 'CANCELLED'],
      });
      const report = await run(
        `mutation($i: ProgressReportInput!) { reportTaskProgress(planNumber: "${SEED_PLAN_NUMBER}", taskNo: 8, input: $i) { latestPercent reports { percent } } }`,
        { i: { date: today, text: 'Đã lập 60% hồ sơ', percent: 60 } },
      );
      expect(report.errors).toBeUndefined();
      expect((report.data?.reportTaskProgress as any).latestPercent).toBe(60);
      for (const i of [
        { date: today, text: 'x', percent: 120 },
        { date: '2026-02-30', text: 'x', percent: 10 },
      ]) {
        const res = await run(
          `mutation($i: ProgressReportInput!) { reportTaskProgress(planNumber: "${SEED_PLAN_NUMBER}", taskNo: 8, input: $i) { taskNo } }`,
          { i },
        );
        expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
      expect((await sg.models.PlanTask.findOne({ planNumber: SEED_PLAN_NUMBER, taskNo: 8 }).lean())?.reports).toHaveLength(1);
      expect((await run(change, { s: 'DONE' })).data?.changeTaskStatus).toMatchObject({ status: 'DONE' });
      expect(
        (
          await run(
            `{ changeTaskStatus(planNumber: "${SEED_PLAN_NUMBER}", taskNo: 99, status: DONE) { status } }`.replace(
              '{ changeTaskStatus',
              'mutation { changeTaskStatus',
            ),
          )
        ).errors?.[0].extensions?.code,
      ).toBe('NOT_FOUND');
    });

    it('creates a plan with tasks; a duplicate or a bad task writes nothing', async () => {
      const m = `mutation($i: ImplementationPlanInput!) { createImplementationPlan(input: $i) { planNumber } }`;
      const input = {
        planNumber: '88/KH-SNV',
        title: 'Kế hoạch Tháng hành động vì người cao tuổi',
        date: '2026-09-01',
        issuingBody: 'Sở Nội vụ tỉnh Lai Châu',
        legalBasis: ['Luật Người cao tuổi năm 2009'],
        tasks: [
          { taskNo: 1, title: 'Tổ chức thăm hỏi', leadAgency: 'ASSOCIATION', cooperatingAgencies: ['SOCIAL'], deadline: '2026-10-31' },
          { taskNo: 2, title: 'Bố trí kinh phí', leadAgency: 'OTHER', leadBody: 'Sở Tài chính', deadline: '2026-09-30' },
        ],
      };
      const tasksBefore = await sg.models.PlanTask.countDocuments({});
      const bad = await run(m, {
        i: { ...input, tasks: [...input.tasks, { taskNo: 2, title: 'Trùng', leadAgency: 'HEALTH', deadline: '2026-08-01' }] },
      });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await sg.models.Plan.countDocuments({ planNumber: '88/KH-SNV' })).toBe(0);
      expect((await run(m, { i: input })).errors).toBeUndefined();
      expect(await sg.models.PlanTask.countDocuments({})).toBe(tasksBefore + 2);
      expect((await run(m, { i: input })).errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await sg.models.PlanTask.countDocuments({})).toBe(tasksBefore + 2);
      expect((await run(m, { i: input }, coordinator())).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('writes a plan and its tasks in one transaction: a task failing after the plan and the first task leaves nothing', async () => {
      const planNumber = '77/KH-SNV';
      // a stray task already holds task 2's key: its insert fails after the plan and task 1 were written
      await sg.models.PlanTask.create({
        taskKey: `${planNumber}#0002`,
        planNumber,
        taskNo: 2,
        title: 'Nhiệm vụ lạc',
        leadAgency: 'SOCIAL',
        deadline: '2026-10-01',
        status: 'NOT_STARTED',
        statusChangedOn: '2026-09-01',
      });
      const res = await run(`mutation($i: ImplementationPlanInput!) { createImplementationPlan(input: $i) { planNumber } }`, {
        i: {
          planNumber,
          title: 'Kế hoạch thử giao dịch',
          date: '2026-09-01',
          issuingBody: 'Sở Nội vụ tỉnh Lai Châu',
          legalBasis: ['Luật Người cao tuổi năm 2009'],
          tasks: [
            { taskNo: 1, title: 'Việc một', leadAgency: 'HEALTH', deadline: '2026-10-31' },
            { taskNo: 2, title: 'Việc hai', leadAgency: 'SOCIAL', deadline: '2026-10-31' },
          ],
        },
      });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await sg.models.Plan.countDocuments({ planNumber })).toBe(0);
      expect(await sg.models.PlanTask.find({ planNumber }, { _id: 0, taskNo: 1, title: 1 }).lean()).toEqual([
        { taskNo: 2, title: 'Nhiệm vụ lạc' },
      ]);
    });
  });
});

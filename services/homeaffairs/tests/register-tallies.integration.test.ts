import type { Connection } from 'mongoose';
import { connectDatabase, trusted } from '@nct/db';
import { makeCitizenId, type Sex } from '@nct/citizen-id';
import { generateSeed, type SeedData } from '@nct/seed';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { addDays, ageOn } from '@nct/dates';
import { executeOperation, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, seedDatabase, type Models } from '../src';
import { computeRegisterTallies, REGISTER_TALLY_NAMES } from '../src/dashboards/register.tallies';

/**
 * The register tallies (src/dashboards/register.tallies.ts) against `people`, on the real test
 * server: after the seed's rebuild, after every kind of register write through the Apollo
 * server (including refused and repeated ones) and under concurrent writes. The expected counts
 * are computed here from the `people` rows with `ageOn`, as the Law on the Elderly counts ages.
 */
const TODAY = testToday();
/** Dates the counts are checked on: today, past dates, and around 29 February (a 60th and a 100th birthday on it). */
const DATES = [
  ...new Set([
    TODAY,
    addDays(TODAY, -1),
    addDays(TODAY, -30),
    '2025-07-01',
    '2024-02-28',
    '2024-02-29',
    '2024-03-01',
    '2027-02-28',
    '2027-03-01',
    '2028-02-28',
    '2028-02-29',
    '2028-03-01',
  ]),
].sort();

const FIGURES = `code elderlyCountToday centenarianCountToday legacyRecordCount`;
const DATED = DATES.map((d, i) => `e${i}: elderlyCount(asOf: "${d}") c${i}: centenarianCount(asOf: "${d}")`).join(' ');
const COUNTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { ${FIGURES} ${DATED} } } }`;
const LEGACY = `{ legacyUnitRecords(provinceCode: "12") { legacyCode recordCount suppressed } }`;
const M = {
  register: `mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { citizenId } }`,
  correct: `mutation($id: ID!, $i: CorrectPersonInput!) { correctPerson(citizenId: $id, input: $i) { citizenId birthDate residence { code } legacyUnitCode } }`,
  death: `mutation($id: ID!, $d: Date!) { recordDeath(citizenId: $id, deathDate: $d) { deathDate } }`,
};

interface Row {
  citizenId: string;
  birthDate: string;
  communeCode: string;
  deathDate: string | null;
  legacyUnitCode: string | null;
}

/** A new person's registration input (a citizen ID no seed issues: serials from 990000). */
let serial = 990_000;
function newPerson(birthDate: string, communeCode: string, sex: Sex = 'FEMALE') {
  return {
    citizenId: makeCitizenId('012', sex, Number(birthDate.slice(0, 4)), serial++),
    fullName: 'Lò Thị Kiểm Đếm',
    birthDate,
    sex,
    ethnicity: 'Thái',
    communeCode,
  };
}

describe('register tallies', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  let data: SeedData;
  let communes: string[];
  const run = (query: string, variables?: Record<string, unknown>) => executeOperation(sg.apollo, query, variables, sg.context());
  const write = async (name: keyof typeof M, variables: Record<string, unknown>) => {
    const res = await run(M[name], variables);
    expect(res.errors).toBeUndefined();
    return res.data as any;
  };
  const refused = async (name: keyof typeof M, variables: Record<string, unknown>, code: string) => {
    const res = await run(M[name], variables);
    expect(res.errors?.[0].extensions?.code).toBe(code);
  };

  /** Every register tally document as stored, without zero counts (a `$inc` back to 0 leaves one). */
  async function storedTallies(): Promise<Record<string, Record<string, number>>> {
    const docs = await sg.models.Tallies.model.find({}).lean();
    const out: Record<string, Record<string, number>> = {};
    for (const d of docs) {
      if (!REGISTER_TALLY_NAMES.includes(d.name)) continue;
      const counts = Object.fromEntries(Object.entries(d.counts).filter(([, n]) => n !== 0));
      if (Object.keys(counts).length) out[d._id] = counts;
    }
    return out;
  }

  /** The same, computed from `people` by the rebuild function. */
  async function rebuiltTallies(): Promise<Record<string, Record<string, number>>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [name, byScope] of await computeRegisterTallies(sg.models)) {
      for (const [scope, counts] of byScope) {
        const kept = Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));
        if (Object.keys(kept).length) out[`${name}|${scope}`] = kept;
      }
    }
    return out;
  }

  const rows = async (): Promise<Row[]> =>
    (await sg.models.Person.find({}, { _id: 0, citizenId: 1, birthDate: 1, communeCode: 1, deathDate: 1, legacyUnitCode: 1 }).lean()).map(
      (r: any) => ({
        ...r,
        deathDate: r.deathDate ?? null,
        legacyUnitCode: r.legacyUnitCode ?? null,
      }),
    );
  const livingAged = (people: Row[], age: number, on: string) =>
    people.filter((p) => (p.deathDate === null || p.deathDate > on) && p.birthDate <= on && ageOn(p.birthDate, on) >= age).length;

  /**
   * Through the Apollo server, for every commune and the province: the living 60+ and 100+ today
   * and on every date of DATES, and the records on old codes, equal what the rows give; so does
   * Q12's list per old code. The stored tallies equal a rebuild.
   */
  async function expectCountsAsRows(): Promise<void> {
    const people = await rows();
    const r = [{ __typename: 'AdministrativeUnit', code: '12' }, ...communes.map((code) => ({ __typename: 'AdministrativeUnit', code }))];
    const res = await run(COUNTS, { r });
    expect(res.errors).toBeUndefined();
    const got = (res.data?._entities as any[]).map((u) => ({ ...u }));
    const expected = r.map(({ code }) => {
      const mine = code === '12' ? people.filter((p) => communes.includes(p.communeCode)) : people.filter((p) => p.communeCode === code);
      const unit: Record<string, unknown> = {
        code,
        elderlyCountToday: livingAged(mine, 60, TODAY),
        centenarianCountToday: livingAged(mine, 100, TODAY),
        legacyRecordCount: mine.filter((p) => p.legacyUnitCode !== null).length,
      };
      DATES.forEach((d, i) => {
        unit[`e${i}`] = livingAged(mine, 60, d);
        unit[`c${i}`] = livingAged(mine, 100, d);
      });
      return unit;
    });
    expect(got).toEqual(expected);

    const legacy = await run(LEGACY);
    expect(legacy.errors).toBeUndefined();
    const perCode = new Map<string, number>();
    for (const p of people)
      if (p.legacyUnitCode !== null && communes.includes(p.communeCode))
        perCode.set(p.legacyUnitCode, (perCode.get(p.legacyUnitCode) ?? 0) + 1);
    expect((legacy.data?.legacyUnitRecords as any[]).map((x) => [x.legacyCode, x.recordCount, x.suppressed])).toEqual(
      [...perCode].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([code, n]) => [code, n, false]),
    );

    expect(await storedTallies()).toEqual(await rebuiltTallies());
  }

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('homeaffairs_tallies'));
    sg = await createSubgraph(definition, conn);
    data = generateSeed({ people: 400, asOf: TODAY });
    await seedDatabase(sg.models, data);
    communes = data.communes.map((c) => c.code).sort();
  });
  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  describe('after the seed', () => {
    it('holds what a rebuild from people computes, and answers as the rows', async () => {
      expect(Object.keys(await storedTallies()).length).toBeGreaterThan(0);
      await expectCountsAsRows();
    });

    it('is rebuilt by the seed when missing (a register seeded before the tallies existed)', async () => {
      const before = await storedTallies();
      await sg.models.Tallies.model.deleteMany({});
      await seedDatabase(sg.models, data); // the register is not empty: only the tallies are rebuilt
      expect(await storedTallies()).toEqual(before);
    });
  });

  describe('after each kind of register write', () => {
    const COMMUNE = '03210';
    const OTHER = '03220';
    // a 60th birthday on 29 February 2024 and a 100th on 29 February 2028
    const leap60 = newPerson('1964-02-29', COMMUNE);
    const leap100 = newPerson('1928-02-29', COMMUNE, 'MALE');

    it('registerPerson: both people count from their birthdays, 29 February included', async () => {
      await write('register', { i: leap60 });
      await write('register', { i: leap100 });
      await expectCountsAsRows();
    });

    it('a refused duplicate and a retry of the same registration change no tally', async () => {
      const before = await storedTallies();
      await refused('register', { i: leap60 }, 'CONFLICT');
      await refused('register', { i: { ...leap100, fullName: 'Tên Khác' } }, 'CONFLICT');
      await refused(
        'register',
        { i: { ...newPerson('1950-01-01', '03222'), citizenId: makeCitizenId('012', 'FEMALE', 1950, serial++) } },
        'BAD_USER_INPUT',
      ); // abolished commune
      await refused('register', { i: newPerson('1990-01-01', COMMUNE) }, 'BAD_USER_INPUT'); // younger than 60
      expect(await storedTallies()).toEqual(before);
      await expectCountsAsRows();
    });

    it('correctPerson of the birth date moves the person in the histogram', async () => {
      await write('correct', { id: leap60.citizenId, i: { birthDate: '1964-03-01' } });
      await expectCountsAsRows();
      await write('correct', { id: leap60.citizenId, i: { birthDate: '1964-02-29' } });
      await expectCountsAsRows();
    });

    it('correctPerson moving a record on an old code to another commune moves both tallies', async () => {
      const p = data.people.find((x) => x.deathDate === null && x.legacyUnitCode !== null && x.communeCode !== OTHER)!;
      const res = await write('correct', { id: p.citizenId, i: { communeCode: OTHER } });
      expect(res.correctPerson).toMatchObject({ residence: { code: OTHER }, legacyUnitCode: null });
      await expectCountsAsRows();
      // a dead person on an old code: only the legacy tally moves
      const dead = data.people.find((x) => x.deathDate !== null && x.legacyUnitCode !== null && x.communeCode !== OTHER);
      if (dead) {
        await write('correct', { id: dead.citizenId, i: { communeCode: OTHER } });
        await expectCountsAsRows();
      }
    });

    it('correctPerson clearing the old code and a name-only correction', async () => {
      const q = (await sg.models.Person.findOne({ legacyUnitCode: trusted({ $gt: '' }) }, { _id: 0, citizenId: 1 }).lean())!;
      await write('correct', { id: q.citizenId, i: { clearLegacyUnitCode: true, fullName: 'Quàng Văn Sửa' } });
      await expectCountsAsRows();
      const before = await storedTallies();
      await write('correct', { id: leap100.citizenId, i: { fullName: 'Quàng Văn Tên Mới' } });
      expect(await storedTallies()).toEqual(before);
    });

    it('a refused correction changes no tally', async () => {
      const before = await storedTallies();
      await refused('correct', { id: leap60.citizenId, i: { communeCode: '03222' } }, 'BAD_USER_INPUT');
      await refused('correct', { id: leap60.citizenId, i: { birthDate: '1965-02-28' } }, 'BAD_USER_INPUT'); // contradicts the ID
      await refused('correct', { id: '012140999999', i: { fullName: 'Ai Đó' } }, 'NOT_FOUND');
      expect(await storedTallies()).toEqual(before);
    });

    it('recordDeath removes the person from the living on and after the death only; a retry changes nothing, another date is refused', async () => {
      const deathDate = addDays(TODAY, -20);
      await write('death', { id: leap60.citizenId, d: deathDate });
      await expectCountsAsRows(); // the past dates before the death still count them
      const p = data.people.find((x) => x.deathDate === null && x.communeCode === COMMUNE && ageOn(x.birthDate, TODAY) >= 60)!;
      await write('death', { id: p.citizenId, d: TODAY });
      await expectCountsAsRows();
      const before = await storedTallies();
      // the same death again (a retry): the person as recorded, nothing written
      expect((await write('death', { id: p.citizenId, d: TODAY })).recordDeath).toEqual({ deathDate: TODAY });
      await refused('death', { id: p.citizenId, d: addDays(TODAY, -1) }, 'CONFLICT');
      await refused('death', { id: leap100.citizenId, d: addDays(TODAY, 1) }, 'BAD_USER_INPUT');
      await refused('death', { id: leap100.citizenId, d: '1920-01-01' }, 'BAD_USER_INPUT');
      expect(await storedTallies()).toEqual(before);
    });

    it("recordResidenceChange moves the person between the communes' tallies; a repeat and a refused move change nothing", async () => {
      const p = data.people.find((x) => x.deathDate === null && x.legacyUnitCode !== null && x.communeCode !== OTHER)!;
      const move = `mutation($id: ID!, $c: String!, $f: Date!) { recordResidenceChange(citizenId: $id, communeCode: $c, from: $f) { residence { code } legacyUnitCode } }`;
      const res = await run(move, { id: p.citizenId, c: OTHER, f: addDays(TODAY, -3) });
      expect(res.errors).toBeUndefined();
      expect(res.data?.recordResidenceChange).toEqual({ residence: { code: OTHER }, legacyUnitCode: null });
      await expectCountsAsRows();
      const before = await storedTallies();
      expect((await run(move, { id: p.citizenId, c: OTHER, f: addDays(TODAY, -3) })).errors).toBeUndefined();
      expect((await run(move, { id: p.citizenId, c: COMMUNE, f: addDays(TODAY, 1) })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await storedTallies()).toEqual(before);
    });

    it('correctPerson of a dead person (birth date, commune) keeps them out of the living', async () => {
      await write('correct', { id: leap60.citizenId, i: { birthDate: '1964-01-15', communeCode: OTHER } });
      await expectCountsAsRows();
    });
  });

  describe('concurrent writes', () => {
    const COMMUNE = '03200';
    const count = async () => {
      const res = await run(`{ administrativeUnit(code: "${COMMUNE}") { elderlyCountToday } }`);
      return (res.data?.administrativeUnit as any).elderlyCountToday as number;
    };

    it('20 concurrent registrations in one commune lose no count', async () => {
      const before = await count();
      const people = Array.from({ length: 20 }, (_, i) =>
        newPerson(`19${50 + (i % 10)}-0${1 + (i % 9)}-1${i % 10}`, COMMUNE, i % 2 ? 'MALE' : 'FEMALE'),
      );
      const results = await Promise.all(people.map((i) => run(M.register, { i })));
      for (const res of results) expect(res.errors).toBeUndefined();
      expect(await count()).toBe(before + 20);
      await expectCountsAsRows();
    });

    it('the same registration sent 5 times at once counts once; the same death 5 times at once, once', async () => {
      const before = await count();
      const i = newPerson('1945-05-05', COMMUNE);
      const regs = await Promise.all(Array.from({ length: 5 }, () => run(M.register, { i })));
      expect(regs.filter((r) => !r.errors).length).toBe(1);
      for (const r of regs.filter((x) => x.errors)) expect(r.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await count()).toBe(before + 1);
      // the same death five times: recorded once; the others see it recorded (a no-op) or, when
      // they lost the race on the entry, are refused; one set of outbox events either way
      const deaths = await Promise.all(Array.from({ length: 5 }, () => run(M.death, { id: i.citizenId, d: TODAY })));
      expect(deaths.filter((r) => !r.errors).length).toBeGreaterThanOrEqual(1);
      for (const r of deaths.filter((x) => x.errors)) expect(r.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await sg.models.Outbox.countDocuments({ citizenId: i.citizenId })).toBe(3);
      expect(await count()).toBe(before);
      await expectCountsAsRows();
    });

    it('concurrent corrections of one person (birth date and commune) leave the tallies as a rebuild', async () => {
      const p = newPerson('1952-06-06', COMMUNE);
      await write('register', { i: p });
      const changes = [
        { birthDate: '1952-07-07' },
        { communeCode: '03210' },
        { birthDate: '1952-01-02' },
        { communeCode: '03220' },
        { birthDate: '1952-12-12' },
      ];
      const results = await Promise.all(changes.map((i) => run(M.correct, { id: p.citizenId, i })));
      for (const res of results) expect(res.errors).toBeUndefined();
      await expectCountsAsRows();
    });
  });
});

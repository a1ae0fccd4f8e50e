import type { Connection } from 'mongoose';
import { connectDatabase, QueryCounter } from '@nct/db';
import type { SeedData } from '@nct/seed';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { monthOf, addMonths } from '@nct/dates';
import { executeOperation, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, seedDatabase, type Models } from '../src';
import { caseIdFor } from '../src/cases/cases.rules';
import { FakeRegister } from './register';

// Dates relative to the run's pinned date (testToday()), so that ages and "current" amounts are stable.
const TODAY = testToday();
const MONTH = monthOf(TODAY);
const BORN_79 = `${addMonths(MONTH, 1 - 80 * 12)}-15`; // turns 80 next month: 79 all this month
const BORN_80 = `${addMonths(MONTH, -80 * 12)}-01`; // turned 80 on the 1st of this month

const ID = {
  age79: '012146000001',
  age80: '012146000002',
  mixed: '012140000003',
  stopped: '012140000004',
  none: '012140000005',
  pension: '012148000006',
  suspended: '012141000007',
};

const allowance = (
  citizenId: string,
  decisionNumber: string,
  group: string,
  startMonth: string,
  status = 'ACTIVE',
  stopMonth: string | null = null,
  communeCode = '03199',
) => ({
  citizenId,
  group,
  decisionNumber,
  decisionDate: `${addMonths(startMonth, -1)}-20`,
  startMonth,
  status,
  stopMonth,
  communeCode,
});
const ALLOWANCES = [
  allowance(ID.age79, '101/QĐ-UBND', 'A5A', '2022-01'),
  allowance(ID.age80, '102/QĐ-UBND', 'A5A', '2022-01'),
  allowance(ID.mixed, '103/QĐ-UBND', 'A5A', '2021-08', 'STOPPED', '2023-01'),
  allowance(ID.mixed, '104/QĐ-UBND', 'A5C', '2023-02'),
  allowance(ID.stopped, '105/QĐ-UBND', 'DISABILITY_SEVERE', '2021-07', 'STOPPED', '2022-06'),
  allowance(ID.stopped, '106/QĐ-UBND', 'A5C', '2022-08', 'STOPPED', '2024-07', '03388'),
  allowance(ID.suspended, '107/QĐ-UBND', 'A5D', '2023-05', 'SUSPENDED', null, '03388'),
];
const PENSIONS = [
  {
    citizenId: ID.mixed,
    decisionNumber: '201/QĐ-UBND',
    decisionDate: '2025-06-20',
    startMonth: '2025-07',
    status: 'STOPPED',
    stopMonth: '2025-09',
    communeCode: '03199',
  },
  {
    citizenId: ID.pension,
    decisionNumber: '202/QĐ-UBND',
    decisionDate: '2025-07-20',
    startMonth: '2025-08',
    status: 'ACTIVE',
    stopMonth: null,
    communeCode: '03388',
  },
];

/** A minimal generation: these people (born 1940, alive) in two communes, with the given cases. */
const seedOf = (allowanceCases: object[], socialPensionCases: object[]) =>
  ({
    asOf: TODAY,
    communes: [
      { code: '03199', kind: 'COMMUNE', disadvantaged: false },
      { code: '03388', kind: 'WARD', disadvantaged: false },
    ],
    people: Object.values(ID).map((citizenId) => ({
      citizenId,
      birthDate: '1940-01-01',
      sex: 'MALE',
      communeCode: '03199',
      deathDate: null,
    })),
    social: { allowanceCases, socialPensionCases },
  }) as unknown as SeedData;

const PERSON_FIELDS = `citizenId
  monthlyAllowance { caseId group coefficient baseLevel monthlyAmount asOfMonth status startMonth stopMonth decisionNumber decisionDate communeCode }
  socialPension { caseId monthlyAmount asOfMonth status startMonth stopMonth decisionNumber }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${PERSON_FIELDS} } } }`;
const rep = (citizenId: string, birthDate?: unknown) => ({
  __typename: 'Person',
  citizenId,
  ...(birthDate === undefined ? {} : { birthDate }),
});

describe('social subgraph on the real database', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  const register = new FakeRegister();
  const run = (query: string, variables?: Record<string, unknown>) => executeOperation(sg.apollo, query, variables, sg.context());
  const entities = async (reps: object[]) => {
    const res = await run(ENTITIES, { r: reps });
    expect(res.errors).toBeUndefined();
    return res.data?._entities as any[];
  };

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('social'));
    sg = await createSubgraph(definition, conn, { graph: register.graph });
    // The register knows everyone the mutations below open cases for (born 1943, living in 03199).
    for (const id of ['012143000042', '012143000043', '012143000044', '012143000045', ID.stopped, ID.mixed, ID.suspended])
      register.add(id, '1943-01-01');
    const data = seedOf(ALLOWANCES, PENSIONS);
    expect(await seedDatabase(sg.models, data)).toMatchObject({ seeded: true, counts: { allowanceCases: 7, socialPensionCases: 2 } });
  });

  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  it('seeds once: a second run skips the non-empty collection', async () => {
    const again = await seedDatabase(sg.models, seedOf(ALLOWANCES, []));
    expect(again.seeded).toBe(false);
    expect(await sg.models.BenefitCase.countDocuments({})).toBe(9);
  });

  it('the model refuses an allowance case without a group and a pension case with one', async () => {
    const base = {
      citizenId: ID.none,
      decisionNumber: '900/X',
      decisionDate: '2025-07-01',
      startMonth: '2025-07',
      status: 'ACTIVE' as const,
      communeCode: '03199',
      openSlot: ID.none,
    };
    await expect(sg.models.BenefitCase.create({ ...base, caseId: 'TCXH-X', kind: 'ALLOWANCE', group: null })).rejects.toThrow(/group/);
    await expect(sg.models.BenefitCase.create({ ...base, caseId: 'HTXH-X', kind: 'SOCIAL_PENSION', group: 'A5C' })).rejects.toThrow(
      /group/,
    );
    expect(await sg.models.BenefitCase.countDocuments({ citizenId: ID.none })).toBe(0);
  });

  describe('Person fields through _entities', () => {
    it('applies the A5A coefficient by the age from the register: 79 -> 1.5, 80 -> 2.0 (x 500,000)', async () => {
      const [p79, p80] = await entities([rep(ID.age79, BORN_79), rep(ID.age80, BORN_80)]);
      expect(p79.monthlyAllowance).toMatchObject({
        group: 'A5A',
        coefficient: 1.5,
        baseLevel: 500_000,
        monthlyAmount: 750_000,
        asOfMonth: MONTH,
      });
      expect(p80.monthlyAllowance).toMatchObject({
        group: 'A5A',
        coefficient: 2.0,
        baseLevel: 500_000,
        monthlyAmount: 1_000_000,
        asOfMonth: MONTH,
      });
      expect(p80.monthlyAllowance.caseId).toBe(caseIdFor('ALLOWANCE', '102/QĐ-UBND'));
    });

    it('leaves an age-dependent amount null without a (valid) birth date, without failing', async () => {
      const [a, b] = await entities([rep(ID.age80), rep(ID.age79, '1946-02-30')]);
      expect(a.monthlyAllowance).toMatchObject({ coefficient: null, monthlyAmount: null, baseLevel: 500_000 });
      expect(b.monthlyAllowance).toMatchObject({ coefficient: null, monthlyAmount: null });
    });

    it('selects the current case: the open one over an earlier stopped one', async () => {
      const [p] = await entities([rep(ID.mixed, '1940-01-01')]);
      expect(p.monthlyAllowance).toMatchObject({
        decisionNumber: '104/QĐ-UBND',
        group: 'A5C',
        status: 'ACTIVE',
        coefficient: 1,
        monthlyAmount: 500_000,
      });
      // a stopped social pension: amount as of its last paid month
      expect(p.socialPension).toMatchObject({
        decisionNumber: '201/QĐ-UBND',
        status: 'STOPPED',
        stopMonth: '2025-09',
        asOfMonth: '2025-08',
        monthlyAmount: 500_000,
      });
    });

    it('else the most recently stopped case, with amounts as of its last paid month (2024-06: 360,000 base)', async () => {
      const [p] = await entities([rep(ID.stopped, '1940-01-01')]);
      expect(p.monthlyAllowance).toMatchObject({
        decisionNumber: '106/QĐ-UBND',
        status: 'STOPPED',
        stopMonth: '2024-07',
        asOfMonth: '2024-06',
        coefficient: 1,
        baseLevel: 360_000,
        monthlyAmount: 360_000,
        communeCode: '03388',
      });
      expect(p.socialPension).toBeNull();
    });

    it('returns suspended cases, social pensions and nulls for people without cases', async () => {
      const [s, pension, none] = await entities([
        rep(ID.suspended, '1950-01-01'),
        rep(ID.pension, '1948-03-03'),
        rep(ID.none, '1950-01-01'),
      ]);
      expect(s.monthlyAllowance).toMatchObject({ group: 'A5D', status: 'SUSPENDED', coefficient: 3, monthlyAmount: 1_500_000 });
      expect(pension.monthlyAllowance).toBeNull();
      expect(pension.socialPension).toMatchObject({ status: 'ACTIVE', monthlyAmount: 500_000, asOfMonth: MONTH, startMonth: '2025-08' });
      expect(none).toEqual({ citizenId: ID.none, monthlyAllowance: null, socialPension: null });
    });

    it('batches: 100 representations with both fields cost exactly 1 query (the benefit_cases find), as 1 does', async () => {
      const ids = [...Object.values(ID), ...Array.from({ length: 93 }, (_, i) => `0121500${String(i).padStart(5, '0')}`)];
      expect(ids).toHaveLength(100);
      const counter = new QueryCounter([conn]);
      const many = await entities(ids.map((id) => rep(id, BORN_80)));
      const forMany = counter.total();
      counter.reset();
      await entities([rep(ID.age79, BORN_79)]);
      const forOne = counter.total();
      counter.detach();
      expect(many).toHaveLength(100);
      expect(many.filter((p) => p.monthlyAllowance).length).toBe(5);
      expect(forMany).toBe(1);
      expect(forOne).toBe(1);
    });
  });

  describe('lists', () => {
    const LIST = `query($f: AllowanceCaseFilter, $first: Int, $after: String) {
      allowanceCases(filter: $f, first: $first, after: $after) { totalCount edges { cursor node { caseId citizenId group status coefficient monthlyAmount person { citizenId } } } pageInfo { hasNextPage endCursor } } }`;

    it('filters by commune, group and status, and counts', async () => {
      const res = await run(`{
        commune: allowanceCases(filter: { communeCode: "03388" }) { totalCount edges { node { decisionNumber } } }
        a5a: allowanceCases(filter: { group: A5A }) { totalCount }
        stopped: allowanceCases(filter: { status: STOPPED, communeCode: "03199" }) { totalCount edges { node { decisionNumber } } }
        pensions: socialPensionCases(filter: { status: ACTIVE }) { totalCount edges { node { citizenId monthlyAmount person { citizenId } } } }
        allPensions: socialPensionCases { totalCount }
      }`);
      expect(res.errors).toBeUndefined();
      const d = res.data as any;
      expect(d.commune.edges.map((e: any) => e.node.decisionNumber).sort()).toEqual(['106/QĐ-UBND', '107/QĐ-UBND']);
      expect(d.commune.totalCount).toBe(2);
      expect(d.a5a.totalCount).toBe(3);
      expect(d.stopped.totalCount).toBe(2);
      expect(d.stopped.edges.map((e: any) => e.node.decisionNumber).sort()).toEqual(['103/QĐ-UBND', '105/QĐ-UBND']);
      expect(d.pensions).toEqual({
        totalCount: 1,
        edges: [{ node: { citizenId: ID.pension, monthlyAmount: 500_000, person: { citizenId: ID.pension } } }],
      });
      expect(d.allPensions.totalCount).toBe(2);
    });

    it('shows age-independent amounts in lists, and null for 5a (no birth date here)', async () => {
      const res = await run(LIST, { f: { status: 'ACTIVE' }, first: 100 });
      expect(res.errors).toBeUndefined();
      const byCitizen = new Map((res.data?.allowanceCases as any).edges.map((e: any) => [e.node.citizenId, e.node]));
      expect(byCitizen.get(ID.mixed)).toMatchObject({ group: 'A5C', coefficient: 1, monthlyAmount: 500_000 });
      expect(byCitizen.get(ID.age80)).toMatchObject({ group: 'A5A', coefficient: null, monthlyAmount: null });
    });

    it('pages with cursors in caseId order and enforces the maximum page size', async () => {
      const p1 = (await run(LIST, { first: 3 })).data?.allowanceCases as any;
      expect(p1.edges).toHaveLength(3);
      expect(p1.pageInfo.hasNextPage).toBe(true);
      expect(p1.totalCount).toBe(7);
      const p2 = (await run(LIST, { first: 10, after: p1.pageInfo.endCursor })).data?.allowanceCases as any;
      expect(p2.edges).toHaveLength(4);
      expect(p2.pageInfo.hasNextPage).toBe(false);
      const ids = [...p1.edges, ...p2.edges].map((e: any) => e.node.caseId);
      expect(ids).toEqual([...ids].sort());
      expect(new Set(ids).size).toBe(7);

      expect((await run(LIST, { first: 100 })).errors).toBeUndefined();
      for (const variables of [
        { first: 101 },
        { first: 0 },
        { after: 'not-a-cursor!' },
        { f: { communeCode: '031' } },
        { f: { communeCode: '{"$gt":""}' } },
      ]) {
        const res = await run(LIST, variables);
        expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
    });
  });

  describe('openAllowanceCase', () => {
    const MUTATION = `mutation($input: OpenAllowanceCaseInput!) {
      openAllowanceCase(input: $input) { caseId citizenId group status coefficient baseLevel monthlyAmount startMonth decisionNumber decisionDate communeCode } }`;
    const lastMonth = addMonths(MONTH, -1);
    const input = {
      citizenId: '012143000042',
      group: 'A5C',
      decisionNumber: ' 301/QĐ-UBND ',
      decisionDate: `${lastMonth}-05`,
      startMonth: lastMonth,
      communeCode: '03199',
      identity: { birthDate: '1943-01-01' },
    };
    const count = () => sg.models.BenefitCase.countDocuments({});

    it('opens an ACTIVE case, normalised, with its amount', async () => {
      const res = await run(MUTATION, { input });
      expect(res.errors).toBeUndefined();
      expect(res.data?.openAllowanceCase).toEqual({
        caseId: caseIdFor('ALLOWANCE', '301/QĐ-UBND'),
        citizenId: '012143000042',
        group: 'A5C',
        status: 'ACTIVE',
        coefficient: 1,
        baseLevel: 500_000,
        monthlyAmount: 500_000,
        startMonth: lastMonth,
        decisionNumber: '301/QĐ-UBND',
        decisionDate: `${lastMonth}-05`,
        communeCode: '03199',
      });
      const [p] = await entities([rep('012143000042', '1943-01-01')]);
      expect(p.monthlyAllowance.decisionNumber).toBe('301/QĐ-UBND');
    });

    it('opens a case for someone whose earlier cases are all stopped', async () => {
      const res = await run(MUTATION, { input: { ...input, citizenId: ID.stopped, decisionNumber: '302/QĐ-UBND', group: 'A5C' } });
      expect(res.errors).toBeUndefined();
      expect(res.data?.openAllowanceCase).toMatchObject({ status: 'ACTIVE', coefficient: 1, monthlyAmount: 500_000 });
    });

    it('refuses a decision number already used (unique index) with CONFLICT, writing nothing', async () => {
      const before = await count();
      const res = await run(MUTATION, { input: { ...input, citizenId: '012143000043', decisionNumber: '301/QĐ-UBND' } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'decisionNumber' });
      expect(await count()).toBe(before);
    });

    it.each([
      ['an ACTIVE', ID.mixed],
      ['a SUSPENDED', ID.suspended],
    ])('refuses a second open case for someone with %s case with CONFLICT, writing nothing', async (_what, citizenId) => {
      const before = await count();
      const res = await run(MUTATION, { input: { ...input, citizenId, decisionNumber: `399/${citizenId}` } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'citizenId' });
      expect(res.errors?.[0].message).toMatch(/only the highest entitlement is paid; stop the current case first/);
      expect(await count()).toBe(before);
    });

    it.each([
      [{ citizenId: '12345' }, null],
      [{ citizenId: '999140000001' }, null],
      [{ citizenId: '{"$gt":""}' }, null],
      [{ decisionNumber: '   ' }, 'decisionNumber'],
      [{ decisionNumber: 'x'.repeat(51) }, 'decisionNumber'],
      [{ decisionNumber: '{"$gt":""}' }, 'decisionNumber'],
      [{ decisionDate: '2099-01-01' }, 'decisionDate'],
      [{ decisionDate: '2025-02-30' }, null], // the Date scalar refuses it
      [{ startMonth: '2025-13' }, null], // the Month scalar refuses it
      [{ startMonth: '2021-06', decisionDate: '2021-06-01' }, 'startMonth'], // before the first base-level row
      [{ startMonth: addMonths(lastMonth, 13) }, 'startMonth'], // > decision month + 12
      [{ communeCode: 'abcde' }, 'communeCode'],
      [{ group: 'A5E' }, null], // not an enum value
    ])('refuses %j with BAD_USER_INPUT and writes nothing', async (change, field) => {
      const before = await count();
      const res = await run(MUTATION, { input: { ...input, citizenId: '012143000044', decisionNumber: '303/QĐ-UBND', ...change } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      if (field) expect((res.errors?.[0].extensions?.problems as any[]).map((p) => p.field)).toContain(field);
      expect(await count()).toBe(before);
    });

    it('accepts a start 12 months after the decision month', async () => {
      const res = await run(MUTATION, {
        input: { ...input, citizenId: '012143000045', decisionNumber: '304/QĐ-UBND', startMonth: addMonths(lastMonth, 12) },
      });
      expect(res.errors).toBeUndefined();
    });
  });
});

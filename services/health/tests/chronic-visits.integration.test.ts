import type { Connection } from 'mongoose';
import { connectDatabase } from '@nct/db';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { executeOperation, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, type Models } from '../src';
import { addDays, quarterOf } from '@nct/dates';

const TODAY = testToday();
const AN = '012140000001';
const BINH = '012145000002';
const STATION = 'Trạm Y tế xã Tam Đường';

describe('chronic conditions, home visits and entitlement on the real database', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  const run = (query: string, variables?: Record<string, unknown>, identity?: Parameters<SubgraphInstance<Models>['context']>[0]) =>
    executeOperation(sg.apollo, query, variables, sg.context(identity));
  const counts = async () => ({
    conditions: await sg.models.ChronicCondition.countDocuments({}),
    visits: await sg.models.HomeVisit.countDocuments({}),
    managed: await sg.models.ChronicCondition.countDocuments({ underManagement: true }),
  });

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('health_cv'));
    sg = await createSubgraph(definition, conn);
  });
  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  describe('recordChronicCondition', () => {
    const mutation = `mutation($input: RecordChronicConditionInput!) { recordChronicCondition(input: $input) { citizenId code condition conditionName diagnosedOn underManagement facility } }`;
    const input = { citizenId: AN, code: 'I10', diagnosedOn: addDays(TODAY, -400), underManagement: true, facility: ` ${STATION} ` };

    it('records a tracked condition, read back by health staff', async () => {
      const res = await run(mutation, { input });
      expect(res.errors).toBeUndefined();
      expect(res.data?.recordChronicCondition).toEqual({
        ...input,
        facility: STATION,
        condition: 'HYPERTENSION',
        conditionName: 'Tăng huyết áp',
      });
      expect(await sg.models.ChronicCondition.find({ citizenId: AN }, { _id: 0, code: 1, underManagement: 1 }).lean()).toEqual([
        { code: 'I10', underManagement: true },
      ]);
    });

    it('refuses the same person and code again with CONFLICT and changes nothing', async () => {
      const before = await counts();
      const res = await run(mutation, { input: { ...input, underManagement: false } });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await counts()).toEqual(before);
    });

    it.each(['B20', 'B24.9', 'b21', 'Z21', 'R75'])(
      'refuses the HIV code %s with a clear error, stores nothing and echoes nothing',
      async (code) => {
        const before = await counts();
        const res = await run(mutation, { input: { ...input, citizenId: BINH, code } });
        expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect((res.errors?.[0].extensions?.problems as any[]).map((p) => p.problem)).toEqual(['HIV_NOT_STORED']);
        expect(res.errors?.[0].message).toMatch(/never stored/);
        expect(JSON.stringify(res.errors)).not.toContain(BINH);
        expect(await counts()).toEqual(before);
      },
    );

    it.each([
      [{ code: 'I16' }, 'code'],
      [{ code: 'i10' }, 'code'],
      [{ code: 'I10.12345' }, 'code'],
      [{ code: 'x'.repeat(500) }, 'code'],
      [{ diagnosedOn: addDays(TODAY, 1) }, 'diagnosedOn'],
      [{ facility: '' }, 'facility'],
      [{ facility: 'x'.repeat(201) }, 'facility'],
      [{ citizenId: '99914000000' }, 'citizenId'],
      [{ citizenId: '{"$gt":""}' }, 'citizenId'],
    ])('refuses %j and changes nothing', async (change, field) => {
      const before = await counts();
      const res = await run(mutation, { input: { ...input, citizenId: BINH, code: 'E11.9', ...change } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((res.errors?.[0].extensions?.problems as any[]).map((p) => p.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('refuses an impossible date at the scalar', async () => {
      const before = await counts();
      const res = await run(mutation, { input: { ...input, citizenId: BINH, diagnosedOn: '2026-02-30' } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await counts()).toEqual(before);
    });
  });

  describe('setChronicConditionManagement', () => {
    const mutation = `mutation($input: SetChronicManagementInput!) { setChronicConditionManagement(input: $input) { code underManagement } }`;

    it('sets the flag, idempotently', async () => {
      for (let i = 0; i < 2; i++) {
        const res = await run(mutation, { input: { citizenId: AN, code: 'I10', underManagement: false } });
        expect(res.errors).toBeUndefined();
        expect(res.data?.setChronicConditionManagement).toEqual({ code: 'I10', underManagement: false });
      }
      expect(await sg.models.ChronicCondition.findOne({ citizenId: AN, code: 'I10' }, { _id: 0, underManagement: 1 }).lean()).toEqual({
        underManagement: false,
      });
    });

    it.each([
      [{ code: 'E11' }, 'NOT_FOUND'],
      [{ citizenId: BINH }, 'NOT_FOUND'],
      [{ code: 'B20' }, 'BAD_USER_INPUT'],
      [{ code: 'i10' }, 'BAD_USER_INPUT'],
      [{ citizenId: '123' }, 'BAD_USER_INPUT'],
    ])('refuses %j with %s and changes nothing', async (change, code) => {
      const before = await counts();
      const res = await run(mutation, { input: { citizenId: AN, code: 'I10', underManagement: true, ...change } });
      expect(res.errors?.[0].extensions?.code).toBe(code);
      expect(await counts()).toEqual(before);
    });
  });

  describe('Person.chronicConditions', () => {
    it('is for health staff only', async () => {
      const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { chronicConditions { code underManagement } } } }`;
      const ok = await run(q, { r: [{ __typename: 'Person', citizenId: AN }] });
      expect((ok.data?._entities as any[])[0].chronicConditions).toEqual([{ code: 'I10', underManagement: false }]);
      for (const role of ['social', 'commune-officer', 'association', 'coordinator'] as const) {
        const res = await run(
          q,
          { r: [{ __typename: 'Person', citizenId: AN }] },
          { role, commune: role === 'commune-officer' ? '03199' : null },
        );
        expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
    });
  });

  describe('home visits', () => {
    const mutation = `mutation($input: RecordHomeVisitInput!) { recordHomeVisit(input: $input) { citizenId date visitor kind notes } }`;
    const input = { citizenId: BINH, date: TODAY, visitor: ' Y sĩ Lò Thị Mai ', kind: 'SUPPORT_VISIT', notes: 'Thăm hỏi, đo huyết áp' };

    it('records a visit, which answers homeVisitedInQuarter', async () => {
      const res = await run(mutation, { input });
      expect(res.errors).toBeUndefined();
      expect(res.data?.recordHomeVisit).toEqual({ ...input, visitor: 'Y sĩ Lò Thị Mai' });
      const older = await run(mutation, { input: { ...input, date: addDays(TODAY, -200), visitor: 'Tình nguyện viên', notes: null } });
      expect(older.errors).toBeUndefined();
      const quarter = quarterOf(TODAY);
      const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { homeVisitedInQuarter(quarter: "${quarter}") } } }`;
      const facts = await run(q, { r: [BINH, AN].map((citizenId) => ({ __typename: 'Person', citizenId })) }, { role: 'social' });
      expect(facts.data?._entities).toEqual([{ homeVisitedInQuarter: true }, { homeVisitedInQuarter: false }]);
    });

    it('pages through visits, newest first, for health staff only', async () => {
      const q = `query($id: ID!, $after: String) { homeVisits(citizenId: $id, first: 1, after: $after) { edges { node { date visitor notes } } pageInfo { hasNextPage endCursor } } }`;
      const p1 = (await run(q, { id: BINH })).data?.homeVisits as any;
      expect(p1.edges.map((e: any) => e.node.date)).toEqual([TODAY]);
      expect(p1.pageInfo.hasNextPage).toBe(true);
      const p2 = (await run(q, { id: BINH, after: p1.pageInfo.endCursor })).data?.homeVisits as any;
      expect(p2.edges.map((e: any) => e.node)).toEqual([{ date: addDays(TODAY, -200), visitor: 'Tình nguyện viên', notes: '' }]);
      expect(p2.pageInfo.hasNextPage).toBe(false);
      const refused = await run(q, { id: BINH }, { role: 'social' });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const bad = await run(q, { id: '12345' });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('refuses the same person, date and visitor with CONFLICT and changes nothing', async () => {
      const before = await counts();
      const res = await run(mutation, { input: { ...input, kind: 'HOME_CARE' } });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await counts()).toEqual(before);
    });

    it.each([
      [{ date: addDays(TODAY, 1) }, 'date'],
      [{ visitor: '' }, 'visitor'],
      [{ visitor: 'x'.repeat(101) }, 'visitor'],
      [{ notes: 'x'.repeat(2001) }, 'notes'],
      [{ citizenId: 'abc' }, 'citizenId'],
    ])('refuses %j and changes nothing', async (change, field) => {
      const before = await counts();
      const res = await run(mutation, { input: { ...input, date: addDays(TODAY, -3), ...change } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((res.errors?.[0].extensions?.problems as any[]).map((p) => p.field)).toEqual([field]);
      expect(await counts()).toEqual(before);
    });

    it.each([[{ kind: 'PARTY' }], [{ date: '2026-13-01' }]])('refuses %j at the schema and changes nothing', async (change) => {
      const before = await counts();
      const res = await run(mutation, { input: { ...input, date: addDays(TODAY, -3), ...change } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await counts()).toEqual(before);
    });
  });

  describe('reference queries', () => {
    it('lists the tracked conditions and the state-paid card bases in force', async () => {
      const res = await run(
        `{ trackedChronicConditions { key from to } old: trackedChronicConditions(asOf: "2019-01-01") { key } stateFundedCardBases(asOf: "2025-06-30") { basis } }`,
        undefined,
        { role: 'coordinator' },
      );
      expect(res.errors).toBeUndefined();
      expect((res.data?.trackedChronicConditions as any[]).find((r) => r.key === 'HYPERTENSION')).toEqual({
        key: 'HYPERTENSION',
        from: 'I10',
        to: 'I15',
      });
      expect(res.data?.old).toEqual([]);
      expect((res.data?.stateFundedCardBases as any[]).map((r) => r.basis)).not.toContain('SOCIAL_PENSION');
    });

    it('answers the entitlement for given facts, and refuses a bad age', async () => {
      const q = `query($f: StateFundedCardFactsInput!) { stateFundedCardEntitlement(facts: $f, asOf: "2026-01-01") { fullyStatePaid basis { basis cardGroup statePaysPercent } allBases { basis } } }`;
      const facts = { age: 81, socialAllowance: false, socialPension: false, household: 'NEAR_POOR', minorityInDisadvantagedArea: false };
      const near = await run(q, { f: facts });
      expect(near.data?.stateFundedCardEntitlement).toEqual({
        fullyStatePaid: false,
        basis: { basis: 'NEAR_POOR_HOUSEHOLD', cardGroup: 'CN', statePaysPercent: 70 },
        allBases: [{ basis: 'NEAR_POOR_HOUSEHOLD' }],
      });
      const allowance = await run(q, { f: { ...facts, socialAllowance: true } });
      expect(allowance.data?.stateFundedCardEntitlement).toMatchObject({
        fullyStatePaid: true,
        basis: { basis: 'SOCIAL_ALLOWANCE', cardGroup: 'BT' },
      });
      for (const age of [59, 131]) {
        const bad = await run(q, { f: { ...facts, age } });
        expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
    });
  });
});

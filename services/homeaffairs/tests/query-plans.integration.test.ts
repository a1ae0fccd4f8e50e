import type { Connection } from 'mongoose';
import { connectDatabase } from '@nct/db';
import { generateSeed, type SeedData } from '@nct/seed';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { executeOperation, expectIndexedQueries, readsPerCollection, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, seedDatabase, SEED_PLAN_NUMBER, type Models } from '../src';

/**
 * Every hot query of the register goes through the real Apollo server and must start from an
 * index of its collection (no COLLSCAN in any winning plan): identity batches, commune pages,
 * rosters and counts behind the cross-agency questions (docs/cross-agency.md: Q1, Q2, Q5, Q8,
 * Q9, Q12, Q13, Q15), and the register's writes.
 */
describe('homeaffairs query plans', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  let data: SeedData;
  const today = testToday();
  const year = Number(today.slice(0, 4));
  const coordinator = () => sg.context({ role: 'coordinator' }, 'STATISTICS');
  const officer = (commune: string) => sg.context({ role: 'commune-officer', commune });

  /** Runs an operation, fails on GraphQL errors, and returns the plans of what it sent. */
  const indexed = (query: string, variables?: Record<string, unknown>, ctx = sg.context()) =>
    expectIndexedQueries(conn, async () => {
      const res = await executeOperation(sg.apollo, query, variables, ctx);
      expect(res.errors).toBeUndefined();
      return res;
    });
  const biggestCommune = () => {
    const counts = new Map<string, number>();
    for (const p of data.people) counts.set(p.communeCode, (counts.get(p.communeCode) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0][0];
  };

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('homeaffairs_plans'));
    sg = await createSubgraph(definition, conn);
    data = generateSeed({ people: 400, asOf: today });
    await seedDatabase(sg.models, data);
  });
  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  describe('identity (the hottest query of the system)', () => {
    const everyField = `citizenId fullName birthDate sex ethnicity age residence { code name kind } deathDate legacyUnitCode`;

    it('resolves a batch of 100 people with every field in one query per collection', async () => {
      const reps = data.people.slice(0, 100).map((p) => ({ __typename: 'Person', citizenId: p.citizenId }));
      const plans = await indexed(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${everyField} } } }`, {
        r: reps,
      });
      expect(readsPerCollection(plans)).toEqual({ people: 1, administrative_units: 1 });
    });

    it('reads one person by citizen ID', async () => {
      const plans = await indexed(`{ person(citizenId: "${data.people[7].citizenId}") { ${everyField} } }`);
      expect(readsPerCollection(plans)).toEqual({ people: 1, administrative_units: 1 });
    });
  });

  describe('batch identity and residence history (the payroll run of social, @requires)', () => {
    const payroll = `query($ids: [ID!]!) { registerPeople(citizenIds: $ids) { citizenId birthDate deathDate residenceHistory { communeCode from to disadvantaged { from to level legalAct } } } }`;

    it('reads a payroll batch of 400 people with their residence histories in one query per collection', async () => {
      const ids = data.people.map((p) => p.citizenId);
      const plans = await indexed(payroll, { ids });
      expect(readsPerCollection(plans)).toEqual({ people: 1, disadvantaged_areas: 1 });
    });

    it('resolves what social @requires (residence { code disadvantaged }) and the history for 100 entities, batched', async () => {
      const r = data.people.slice(0, 100).map((p) => ({ __typename: 'Person', citizenId: p.citizenId }));
      const plans = await indexed(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { birthDate deathDate residence { code disadvantaged } residenceHistory { communeCode villageCode from to commune { code } disadvantaged { from level } } } } }`,
        { r },
      );
      expect(readsPerCollection(plans)).toEqual({ people: 1, administrative_units: 1, disadvantaged_areas: 1 });
    });

    it('lists the dated list and the villages from indexes', async () => {
      await indexed(
        `{ now: disadvantagedAreas { id commune { name } village { name } } past: disadvantagedAreas(asOf: "2024-01-01") { id } one: disadvantagedAreas(unitCode: "03310") { id } villages(communeCode: "03310") { villageCode } }`,
      );
    });
  });

  describe('people pages', () => {
    it('pages through a commune in citizen-ID order, with the total', async () => {
      const c = biggestCommune();
      const page = `query($c: String, $after: String) { people(filter: { communeCode: $c }, first: 20, after: $after) { totalCount edges { node { citizenId } } pageInfo { endCursor hasNextPage } } }`;
      const first = await executeOperation(sg.apollo, page, { c }, sg.context());
      await indexed(page, { c });
      await indexed(page, { c, after: (first.data?.people as any).pageInfo.endCursor });
      await indexed(page, { c }, officer(c));
    });

    it.each([
      ['a name in a commune', `{ communeCode: "COMMUNE", nameContains: "thi" }`],
      ['a name anywhere', `{ nameContains: "nguyen van" }`],
      ['ages, sex and alive in a commune', `{ communeCode: "COMMUNE", minAge: 70, maxAge: 79, sex: FEMALE, alive: true }`],
      ['ages only', `{ minAge: 90 }`],
      ['no filter', `{}`],
    ])('filters by %s from an index', async (_label, filter) => {
      await indexed(
        `{ people(filter: ${filter.replace('COMMUNE', biggestCommune())}, first: 50) { totalCount edges { node { citizenId fullName } } } }`,
      );
    });
  });

  describe('rosters (Q1, Q2, Q8, Q9, Q12, Q15)', () => {
    const roster = `query($c: String!, $f: RosterFilter) { elderlyRoster(communeCode: $c, filter: $f) { citizenId fullName birthDate age deathDate legacyUnitCode residence { code } } }`;
    it.each([
      ['Q1 living 80+', { minAge: 80, alive: true }],
      ['Q2 living 70-74', { minAge: 70, maxAge: 74, alive: true }],
      [
        "Q8 the year's celebration ages",
        { calendarYear: year, calendarAges: [70, 75, 80, 85, 90, 95], calendarAgeAtLeast: 100, alive: true },
      ],
      ['Q9 the deceased', { alive: false }],
      ['Q12 records on an old code', { legacyCode: true }],
      ['Q15 centenarians, deceased included', { minAge: 100 }],
      ['given citizen IDs', { citizenIdIn: ['012140000001', '012145000002'] }],
      ['a past date', { minAge: 60, alive: true, asOf: '2025-07-01' }],
      ['the whole commune', null],
    ])('%s', async (_label, f) => {
      const c = biggestCommune();
      await indexed(roster, { c, f });
      await indexed(roster, { c, f }, officer(c));
    });
  });

  describe('per-commune figures (Q5, Q12, Q15 denominators)', () => {
    const figures = `code elderlyCountToday centenarianCountToday elderlyCount(asOf: "2025-07-01") centenarianCount legacyRecordCount disclosureNote`;

    it('counts every commune of the province with one aggregation per figure', async () => {
      for (const ctx of [sg.context(), coordinator()]) {
        const plans = await indexed(`{ communesOf(provinceCode: "12") { ${figures} } }`, undefined, ctx);
        // units: the province's districts and communes; people: one aggregation per figure and date
        expect(readsPerCollection(plans).people).toBeLessThanOrEqual(6);
      }
    });

    it('counts what other subgraphs @require, for communes and the province', async () => {
      const r = [
        { __typename: 'AdministrativeUnit', code: '12' },
        ...data.communes.map((c) => ({ __typename: 'AdministrativeUnit', code: c.code })),
      ];
      await indexed(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { ${figures} communes { code mountainous } } } }`,
        { r },
        coordinator(),
      );
    });

    it('counts the records on an old unit code', async () => {
      await indexed(`{ administrativeUnit(code: "03222") { legacyRecordCount } }`, undefined, coordinator());
    });

    it('lists the records on old codes and where they go today (Q12)', async () => {
      await indexed(
        `{ legacyUnitRecords(provinceCode: "12") { legacyCode recordCount suppressed legacyUnit { name } currentUnits { code name } } }`,
        undefined,
        coordinator(),
      );
      await indexed(`{ legacyUnitRecords(provinceCode: "12") { legacyCode recordCount } }`, undefined, officer('03200'));
    });

    it('gives the register statistics of a commune and of the register', async () => {
      await indexed(`{ registerStatistics(communeCode: "03200") { total cells { sex ageBand count } } }`, undefined, coordinator());
      await indexed(`{ registerStatistics(communeCode: null) { total cells { sex ageBand count } } }`, undefined, coordinator());
    });
  });

  describe('units and plans (Q13)', () => {
    it('resolves old codes and lists communes on a date', async () => {
      await indexed(
        `{ resolveUnitCode(code: "106") { code } communes(provinceCode: "12", asOf: "2025-06-30") { code } communesOf(provinceCode: "12") { code predecessors { fromCode } successors { toCode } } }`,
      );
    });

    it('gives plan progress and the overdue tasks', async () => {
      await indexed(
        `query($p: ID!) { planProgress(planNumber: $p) { totalTasks overdueTotal byAgencyStatus { leadAgency status count } overdueByAgency { leadAgency count } }
          overdueTasks(first: 50) { totalCount edges { node { taskNo title leadAgency deadline status latestPercent overdue } } }
          health: overdueTasks(first: 5, agency: HEALTH) { totalCount edges { node { taskNo } } }
          planTasks(planNumber: $p, status: IN_PROGRESS, first: 10) { totalCount edges { node { taskNo allowedTransitions } } } }`,
        { p: SEED_PLAN_NUMBER },
        coordinator(),
      );
    });
  });

  describe('register writes', () => {
    it('registers, corrects and records a death through indexes', async () => {
      const p = data.people.find((x) => x.deathDate === null)!;
      await indexed(
        `mutation { registerPerson(input: { citizenId: "012055000888", fullName: "Lò Văn Chỉ Mục", birthDate: "1955-04-04", sex: MALE, ethnicity: "Thái", communeCode: "03210" }) { citizenId } }`,
      );
      await indexed(`mutation($id: ID!) { correctPerson(citizenId: $id, input: { fullName: "Đèo Văn Sửa" }) { fullName } }`, {
        id: p.citizenId,
      });
      await indexed(`mutation($id: ID!, $d: Date!) { recordDeath(citizenId: $id, deathDate: $d) { deathDate } }`, {
        id: p.citizenId,
        d: today,
      });
    });

    it('moves a person, keyed, and lists and delivers the register events through indexes', async () => {
      const p = data.people.find((x) => x.deathDate === null && x.communeCode !== '03220')!;
      await indexed(
        `mutation($id: ID!) { recordResidenceChange(citizenId: $id, communeCode: "03220", villageCode: "03220-001", from: "${today}", idempotencyKey: "plan-move-0001") { residence { code } } }`,
        { id: p.citizenId },
      );
      await indexed(
        `mutation { registerPerson(input: { citizenId: "012055000889", fullName: "Lò Văn Khóa", birthDate: "1955-04-04", sex: MALE, ethnicity: "Thái", communeCode: "03210" }, idempotencyKey: "plan-register-0001") { citizenId } }`,
      );
      await indexed(
        `mutation { addDisadvantagedArea(input: { level: VILLAGE, unitCode: "03220", villageCode: "03220-002", from: "${today}", legalAct: "Quyết định thử" }, idempotencyKey: "plan-listing-0001") { id } }`,
      );
      await indexed(
        `{ a: registerEventDeliveries(first: 5) { edges { node { eventId } } } b: registerEventDeliveries(state: PENDING, first: 5) { edges { cursor } } }`,
      );
      // no graph in this test: every delivery fails and is scheduled again (claims and settles are indexed)
      await indexed(`mutation { deliverRegisterEvents { attempted failed } }`);
      const listing = (await sg.models.DisadvantagedArea.findOne({ villageCode: '03220-002' }).lean())!;
      await indexed(`mutation { closeDisadvantagedArea(id: "${listing.listingId}", to: "${today}") { to } }`);
    });
  });
});

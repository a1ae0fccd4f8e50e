import type { Connection } from 'mongoose';
import { connectDatabase } from '@nct/db';
import { generateSeed, type SeedData } from '@nct/seed';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { executeOperation, expectIndexedQueries, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, deriveHealthSeed, seedDatabase, type Models } from '../src';
import { quarterOf } from '@nct/dates';

/**
 * Every hot query of the health subgraph, run through its Apollo server on a seeded database,
 * must be served by an index (no COLLSCAN in any winning plan): the `_entities` batch of 100
 * people with every Person field health adds (Q3, Q4, Q10 and the person view), the coverage
 * of every commune (Q5, read from the coverage tallies by _id), a person's check and visit histories, a card by code, and the writes.
 * No collection of this service is allowed a scan: there is no reference collection here.
 */
const TODAY = testToday();
const YEAR = Number(TODAY.slice(0, 4));
const QUARTER = quarterOf(TODAY);
const PERSON_FIELDS = `citizenId
  healthRecord { citizenId openedOn facility communeCode source }
  lastHealthCheck { date facility resultClass }
  insuranceCard { code beneficiaryGroup benefitLevel provinceCode validFrom validTo validToday primaryCareFacility }
  chronicConditions { code condition conditionName diagnosedOn underManagement facility }
  healthCheckDue(year: ${YEAR})
  insuranceCardValid(asOf: "${TODAY}")
  homeVisitedInQuarter(quarter: "${QUARTER}")`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${PERSON_FIELDS} } } }`;
const COVERAGE = `query($r: [_Any!]!, $year: Int!) { _entities(representations: $r) { ... on AdministrativeUnit { code healthCoverage(year: $year) {
  communeCode elderlyCount allTargetsMet healthRecord { count met } annualCheck { count met } insuranceCard { count met } chronicManagement { count met } } } } }`;

describe('query plans of the health subgraph (no collection scan)', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  let data: SeedData;
  const run = async (query: string, variables?: Record<string, unknown>, identity?: Parameters<SubgraphInstance<Models>['context']>[0]) => {
    const res = await executeOperation(sg.apollo, query, variables, sg.context(identity));
    expect(res.errors).toBeUndefined();
    return res.data as Record<string, any>;
  };

  /** Read commands per collection while `fn` runs, as seen on the wire. */
  async function readsDuring(fn: () => Promise<unknown>): Promise<Record<string, number>> {
    const seen: Record<string, number> = {};
    const listener = (e: { commandName: string; command: Record<string, unknown> }) => {
      if (['find', 'aggregate', 'count', 'distinct'].includes(e.commandName)) {
        const coll = String(e.command[e.commandName]);
        seen[coll] = (seen[coll] ?? 0) + 1;
      }
    };
    conn.getClient().on('commandStarted', listener);
    try {
      await fn();
    } finally {
      conn.getClient().off('commandStarted', listener);
    }
    return seen;
  }

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('health_plans'));
    sg = await createSubgraph(definition, conn);
    data = generateSeed({ people: 300, seed: 5, asOf: TODAY });
    await seedDatabase(sg.models, data);
  });

  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  it('an _entities batch of 100 people with every health field: indexed, one query per collection', async () => {
    const r = data.people.slice(0, 100).map((p) => ({ __typename: 'Person', citizenId: p.citizenId }));
    let entities: unknown[] = [];
    const reads = await readsDuring(() =>
      expectIndexedQueries(conn, async () => {
        entities = (await run(ENTITIES, { r }))._entities;
      }),
    );
    expect(entities).toHaveLength(100);
    expect(reads).toEqual({ health_records: 1, health_checks: 1, insurance_cards: 1, chronic_conditions: 1, home_visits: 1 });
  });

  it('the care follow-up facts alone (Q3, Q4, Q10, as other agencies ask them): indexed, one query per collection', async () => {
    const r = data.people.slice(100, 250).map((p) => ({ __typename: 'Person', citizenId: p.citizenId }));
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { healthCheckDue(year: ${YEAR}) insuranceCardValid homeVisitedInQuarter(quarter: "${QUARTER}") } } }`;
    const reads = await readsDuring(() => expectIndexedQueries(conn, () => run(q, { r }, { role: 'social' })));
    expect(reads).toEqual({ health_checks: 1, insurance_cards: 1, home_visits: 1 });
  });

  it('healthCoverage of every commune (Q5): one find by _id on the coverage tally, no health_records scan', async () => {
    const codes = [...new Set(data.people.map((p) => p.communeCode))].sort();
    const r = codes.map((code) => ({ __typename: 'AdministrativeUnit', code, elderlyCountToday: 10 }));
    let units: any[] = [];
    const plans = await expectIndexedQueries(conn, async () => {
      units = (await run(COVERAGE, { r, year: YEAR }, { role: 'coordinator' }))._entities;
    });
    expect(units.map((u) => u.healthCoverage.communeCode)).toEqual(codes);
    // the one `coverage` tally, read once for all communes (each commune's document and its day document of the month)
    expect(plans.map((p) => [p.collection, p.command])).toEqual([['tallies', 'find']]);
    for (const p of plans) {
      expect(Object.keys(p.sent.filter as Record<string, unknown>)).toEqual(['_id']);
      expect(p.stages).toContain('IXSCAN');
      expect(p.stages).not.toContain('COLLSCAN');
    }
  });

  it('a person’s check and visit histories, page after page, for a commune station: indexed', async () => {
    const record = data.health.records.find((x) => data.health.checks.filter((c) => c.citizenId === x.citizenId).length >= 2)!;
    const checks = `query($id: ID!, $after: String) { healthChecks(citizenId: $id, first: 1, after: $after) { edges { node { date } } pageInfo { endCursor } } }`;
    const visits = `query($id: ID!, $after: String) { homeVisits(citizenId: $id, first: 1, after: $after) { edges { node { date } } pageInfo { endCursor } } }`;
    const station = { role: 'health' as const, commune: record.communeCode };
    await expectIndexedQueries(conn, async () => {
      const first = await run(checks, { id: record.citizenId }, station);
      await run(checks, { id: record.citizenId, after: first.healthChecks.pageInfo.endCursor }, station);
      const v = await run(visits, { id: record.citizenId }, station);
      await run(visits, { id: record.citizenId, after: v.homeVisits.pageInfo.endCursor ?? null }, station);
    });
  });

  it('a card by code: indexed', async () => {
    const card = data.health.insuranceCards[0];
    await expectIndexedQueries(conn, async () => {
      expect((await run(`{ insuranceCard(code: "${card.code}") { citizenId } }`)).insuranceCard).toEqual({ citizenId: card.citizenId });
    });
  });

  it('the writes, the card issue transaction included: indexed', async () => {
    const person = data.people.find((p) => !data.health.insuranceCards.some((c) => c.citizenId === p.citizenId))!.citizenId;
    const condition = deriveHealthSeed(data).chronicConditions[0];
    const station = 'Trạm Y tế xã Thử Nghiệm';
    await expectIndexedQueries(conn, async () => {
      await run(`mutation($i: IssueInsuranceCardInput!) { issueInsuranceCard(input: $i) { code } }`, {
        i: { code: 'GD4129990000077', citizenId: person, validFrom: TODAY, validTo: `${YEAR + 1}-12-31`, primaryCareFacility: station },
      });
      await run(`mutation($i: RecordHealthCheckInput!) { recordHealthCheck(input: $i) { date } }`, {
        i: { citizenId: person, date: TODAY, facility: station, resultClass: 'II' },
      });
      await run(`mutation($i: RecordHomeVisitInput!) { recordHomeVisit(input: $i) { date } }`, {
        i: { citizenId: person, date: TODAY, visitor: 'Y sĩ A', kind: 'SUPPORT_VISIT' },
      });
      await run(`mutation($i: SetChronicManagementInput!) { setChronicConditionManagement(input: $i) { code } }`, {
        i: { citizenId: condition.citizenId, code: condition.code, underManagement: !condition.underManagement },
      });
    });
  });
});

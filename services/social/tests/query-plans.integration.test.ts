import type { Connection } from 'mongoose';
import { connectDatabase } from '@nct/db';
import { generateSeed, type SeedData } from '@nct/seed';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { monthOf, addMonths } from '@nct/dates';
import { executeOperation, expectIndexedQueries, readsPerCollection, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, deriveSocialSeed, seedDatabase, type Models } from '../src';
import { FakeRegister } from './register';

// Every hot read of the subgraph, through the real Apollo server, must start from an index:
// no COLLSCAN in any winning plan (the collections are small here; the plans are what count).
const TODAY = testToday();
const YEAR = Number(TODAY.slice(0, 4));

const PERSON_FIELDS = `citizenId
  monthlyAllowance { caseId group coefficient baseLevel monthlyAmount asOfMonth status startMonth stopMonth decisionNumber communeCode }
  socialPension { caseId monthlyAmount asOfMonth status startMonth stopMonth }
  allowanceEligibility(asOf: "${TODAY}") { eligible chosen monthlyAmount startMonth reasons { en } considered { kind eligible } }
  socialCoverage(asOf: "${TODAY}") { asOf receivesPension insuranceStatus onAllowance allowanceGroup allowanceStatus onSocialPension socialPensionStatus povertyStatus pastYear: povertyStatus(year: ${YEAR - 1}) }
  paymentsAfterDeath { month amount caseId kind status communeCode }
  paymentsAfterRecordedStop { month amount }
  paymentHistory { month status }
  socialRecord { communeCode disability noSupporter careFacilityEligible otherMonthlyAllowance poverty { year status } insurance { from status } pensions { kind monthlyAmount from to } }
  funeralSupport { amount deathDate }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${PERSON_FIELDS} } } }`;

describe('query plans: every hot query of social is index-backed', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  let data: SeedData;
  const register = new FakeRegister();
  let commune: string;
  let supportYear: number;
  const run = async (query: string, variables?: Record<string, unknown>) => {
    const res = await executeOperation(sg.apollo, query, variables, sg.context());
    expect(res.errors).toBeUndefined();
    return res.data as any;
  };
  const representation = (p: SeedData['people'][number]) => ({
    __typename: 'Person',
    citizenId: p.citizenId,
    birthDate: p.birthDate,
    deathDate: p.deathDate,
    residenceHistory: [{ communeCode: p.communeCode, villageCode: null, from: '1990-01-01', to: null, disadvantaged: [] }],
  });

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('social_plans'));
    sg = await createSubgraph(definition, conn, { graph: register.graph });
    data = generateSeed({ people: 600, seed: 7, asOf: TODAY });
    for (const p of data.people) register.add(p.citizenId, p.birthDate, { deathDate: p.deathDate, communeCode: p.communeCode });
    expect((await seedDatabase(sg.models, data)).seeded).toBe(true);
    const extra = deriveSocialSeed(data);
    // the commune with the most open allowance cases, and the latest Action Month seeded
    const open = new Map<string, number>();
    for (const c of extra.cases)
      if (c.kind === 'ALLOWANCE' && c.status === 'ACTIVE') open.set(c.communeCode, (open.get(c.communeCode) ?? 0) + 1);
    commune = [...open].sort((a, b) => b[1] - a[1])[0][0];
    supportYear = Math.max(...extra.supports.map((s) => s.year));
  });

  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  it('the entity batch of 100 people, every Person field: one query per collection, each on an index', async () => {
    const withCases = new Set((await sg.models.BenefitCase.find({}).select({ citizenId: 1 }).lean()).map((c) => c.citizenId));
    const people = [
      ...data.people.filter((p) => withCases.has(p.citizenId)),
      ...data.people.filter((p) => !withCases.has(p.citizenId)),
    ].slice(0, 100);
    let d: any;
    const plans = await expectIndexedQueries(conn, async () => {
      d = await run(ENTITIES, { r: people.map(representation) });
    });
    expect(d._entities).toHaveLength(100);
    expect(d._entities.filter((p: any) => p.monthlyAllowance || p.socialPension).length).toBeGreaterThan(0);
    expect(readsPerCollection(plans)).toEqual({ benefit_cases: 1, monthly_payments: 1, social_records: 1, funeral_support_items: 1 });
  });

  it('case lists: Q4 / Q10 commune pages (first and next), province pages, counts', async () => {
    const LIST = `query($f: AllowanceCaseFilter, $after: String) { allowanceCases(filter: $f, first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { caseId citizenId group status } } } }`;
    const filters = [
      { communeCode: commune, status: 'ACTIVE' }, // Q4
      { communeCode: commune, groups: ['A5A', 'A5D'], status: 'ACTIVE' }, // Q10
      { communeCode: commune, group: 'A5C' },
      { communeCode: commune },
      { status: 'SUSPENDED' },
      { groups: ['A5A', 'A5D'], status: 'ACTIVE' },
      null,
    ];
    await expectIndexedQueries(conn, async () => {
      for (const f of filters) {
        const first = (await run(LIST, { f })).allowanceCases;
        if (first.pageInfo.hasNextPage) {
          const next = (await run(LIST, { f, after: first.pageInfo.endCursor })).allowanceCases;
          expect(next.edges[0].node.caseId > first.edges[4].node.caseId).toBe(true);
        }
      }
      await run(`{ a: socialPensionCases(filter: { communeCode: "${commune}", status: ACTIVE }, first: 100) { totalCount edges { node { caseId } } }
                   b: socialPensionCases(first: 3) { totalCount pageInfo { endCursor } } }`);
    });
  });

  it('payroll, poverty rosters (Q2 second driver) and the Action Month (Q14)', async () => {
    const month = addMonths(monthOf(TODAY), -1);
    await expectIndexedQueries(conn, async () => {
      const d = await run(`{
        payroll(communeCode: "${commune}", month: "${month}") { lines { citizenId amount } totals { people amount collected uncollected pending allowanceAmount socialPensionAmount } }
        poor: povertyRoster(year: ${YEAR}, statuses: [POOR, NEAR_POOR], communeCode: "${commune}") { citizenId }
        province: povertyRoster(year: ${YEAR}, statuses: [POOR]) { citizenId }
        reach: actionMonthReach(year: ${supportYear}) { communes { communeCode peopleSupported onProtectionLists notOnLists totalAmount } total { peopleSupported onProtectionLists totalAmount } }
        reachCommune: actionMonthReach(year: ${supportYear}, communeCode: "${commune}") { total { peopleSupported onProtectionLists } }
        supports: actionMonthSupports(year: ${supportYear}, first: 10) { pageInfo { endCursor } edges { node { supportId citizenId onProtectionList } } }
        onList: actionMonthSupports(year: ${supportYear}, communeCode: "${commune}", onProtectionList: true, first: 10) { edges { node { onProtectionList } } }
        offList: actionMonthSupports(year: ${supportYear}, onProtectionList: false, first: 10) { edges { node { onProtectionList } } }
      }`);
      expect(d.payroll.totals.people).toBe(d.payroll.lines.length);
      expect(d.poor.every((p: any) => typeof p.citizenId === 'string')).toBe(true);
      expect(d.onList.edges.every((e: any) => e.node.onProtectionList)).toBe(true);
      expect(d.offList.edges.every((e: any) => !e.node.onProtectionList)).toBe(true);
      const next = await run(
        `query($a: String) { actionMonthSupports(year: ${supportYear}, first: 10, after: $a) { edges { node { supportId } } } }`,
        { a: d.supports.pageInfo.endCursor },
      );
      if (next.actionMonthSupports.edges.length)
        expect(next.actionMonthSupports.edges[0].node.supportId > d.supports.edges[9].node.supportId).toBe(true);
    });
  });

  it('writes find what they change by index: a payment run (with the deaths it learns), a collection record, a death, funeral lists', async () => {
    const month = monthOf(TODAY);
    // Someone paid in the commune died last month (per the register): the run applies the death.
    const paid = await sg.models.BenefitCase.findOne({ communeCode: commune, status: 'ACTIVE' }).lean();
    register.die(paid!.citizenId, `${addMonths(month, -1)}-05`);
    await expectIndexedQueries(conn, async () => {
      const r = await run(
        `mutation { runMonthlyPayments(communeCode: "${commune}", month: "${month}") { created alreadyPresent stoppedForDeath } }`,
      );
      expect(r.runMonthlyPayments.created).toBeGreaterThan(0);
      expect(r.runMonthlyPayments.stoppedForDeath).toContain(paid!.caseId);
      const again = await run(`mutation { runMonthlyPayments(communeCode: "${commune}", month: "${month}") { created alreadyPresent } }`);
      expect(again.runMonthlyPayments).toEqual({ created: 0, alreadyPresent: r.runMonthlyPayments.created });
      const one = await sg.models.MonthlyPayment.findOne({ communeCode: commune, month }).lean();
      await run(`mutation($id: ID!, $m: Month!) { recordPaymentCollection(citizenId: $id, month: $m, collected: true) { status } }`, {
        id: one!.citizenId,
        m: month,
      });
      // The register's death event for someone else paid this month (cases, payments, funeral item by index).
      register.die(one!.citizenId, `${addMonths(month, -2)}-20`);
      const receipt = await executeOperation(
        sg.apollo,
        `mutation($e: ID!, $c: ID!) { socialApplyDeath(eventId: $e, citizenId: $c) { outcome stoppedCases funeralSupport { amount } } }`,
        { e: 'evt-plans-1', c: one!.citizenId },
        sg.context({ role: 'homeaffairs', subject: 'svc-homeaffairs' }, 'REGISTER_MAINTENANCE'),
      );
      expect(receipt.errors).toBeUndefined();
      expect((receipt.data as any).socialApplyDeath.outcome).toBe('APPLIED');
      const lists = await run(`{
        commune: funeralSupportItems(communeCode: "${commune}", first: 5) { pageInfo { endCursor } edges { node { citizenId amount } } }
        province: funeralSupportItems(status: PREPARED, first: 1) { pageInfo { endCursor hasNextPage } edges { node { citizenId } } }
      }`);
      expect(lists.commune.edges.map((e: any) => e.node.citizenId)).toEqual(expect.arrayContaining([paid!.citizenId]));
      if (lists.province.pageInfo.hasNextPage)
        await run(`query($a: String) { funeralSupportItems(first: 5, after: $a) { edges { node { citizenId } } } }`, {
          a: lists.province.pageInfo.endCursor,
        });
    });
  });
});

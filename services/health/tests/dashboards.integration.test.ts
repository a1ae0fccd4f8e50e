import type { Connection } from 'mongoose';
import { connectDatabase } from '@nct/db';
import { generateSeed, type SeedData } from '@nct/seed';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { executeOperation, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, deriveHealthSeed, seedDatabase, type HealthSeedExtra, type Models } from '../src';
import { addDays, quarterOf } from '@nct/dates';

const TODAY = testToday();
const YEAR = Number(TODAY.slice(0, 4));
const QUARTER = quarterOf(TODAY);
const reps = (ids: string[]) => ids.map((citizenId) => ({ __typename: 'Person', citizenId }));
const FOLLOW_UP = `query($r: [_Any!]!, $year: Int!, $q: String!, $asOf: Date) { _entities(representations: $r) { ... on Person {
  citizenId healthCheckDue(year: $year) insuranceCardValid(asOf: $asOf) homeVisitedInQuarter(quarter: $q) } } }`;
const COVERAGE = `query($r: [_Any!]!, $year: Int!) { _entities(representations: $r) { ... on AdministrativeUnit { code healthCoverage(year: $year) {
  communeCode year referenceDate elderlyCount allTargetsMet
  healthRecord { count denominator share targetPercent met suppressed }
  annualCheck { count denominator share targetPercent met suppressed }
  insuranceCard { count denominator share targetPercent met suppressed }
  chronicManagement { count denominator share targetPercent met suppressed } } } } }`;

/** Read commands by collection while `fn` runs. */
async function readsDuring(conn: Connection, fn: () => Promise<void>): Promise<Record<string, number>> {
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

/** Expected answers computed from the seed itself, independently of the service. */
function expectedFacts(data: SeedData, extra: HealthSeedExtra, id: string) {
  return {
    citizenId: id,
    healthCheckDue: !data.health.checks.some((c) => c.citizenId === id && c.date.startsWith(`${YEAR}-`)),
    insuranceCardValid: data.health.insuranceCards.some((c) => c.citizenId === id && c.validFrom <= TODAY && TODAY <= c.validTo),
    homeVisitedInQuarter: extra.homeVisits.some((v) => v.citizenId === id && quarterOf(v.date) === QUARTER),
  };
}

describe('health dashboards on a seeded database', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  let data: SeedData;
  let extra: HealthSeedExtra;
  const run = (query: string, variables?: Record<string, unknown>, identity?: Parameters<SubgraphInstance<Models>['context']>[0]) =>
    executeOperation(sg.apollo, query, variables, sg.context(identity));

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('health_dash'));
    sg = await createSubgraph(definition, conn);
    data = generateSeed({ people: 400, seed: 11, asOf: TODAY });
    extra = deriveHealthSeed(data);
    const result = await seedDatabase(sg.models, data);
    expect(result.seeded).toBe(true);
    expect(result.counts).toMatchObject({ chronicConditions: extra.chronicConditions.length, homeVisits: extra.homeVisits.length });
  });

  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  describe('derived seed', () => {
    it('is deterministic and never contains an HIV code', () => {
      expect(deriveHealthSeed(data)).toEqual(extra);
      expect(extra.chronicConditions.some((c) => /^(B2[0-4]|Z21|R75)/.test(c.code))).toBe(false);
    });

    it('has positive and negative cases for every follow-up question', () => {
      const facts = data.people.map((p) => expectedFacts(data, extra, p.citizenId));
      for (const key of ['healthCheckDue', 'insuranceCardValid', 'homeVisitedInQuarter'] as const) {
        expect(facts.some((f) => f[key])).toBe(true);
        expect(facts.some((f) => !f[key])).toBe(true);
      }
      const lonely = new Set(data.social.allowanceCases.filter((c) => c.group === 'A5A' || c.group === 'A5D').map((c) => c.citizenId));
      const lonelyFacts = facts.filter((f) => lonely.has(f.citizenId));
      expect(lonelyFacts.some((f) => f.homeVisitedInQuarter)).toBe(true);
      expect(lonelyFacts.some((f) => !f.homeVisitedInQuarter)).toBe(true);
      expect(extra.chronicConditions.some((c) => c.underManagement)).toBe(true);
      expect(extra.chronicConditions.some((c) => !c.underManagement)).toBe(true);
    });
  });

  describe('care follow-up facts (Q3, Q4, Q10)', () => {
    it('answer the same for one big batch as for small ones, and as the seed says', async () => {
      const ids = data.people.map((p) => p.citizenId);
      const vars = { year: YEAR, q: QUARTER, asOf: TODAY };
      const big = await run(FOLLOW_UP, { r: reps(ids), ...vars });
      expect(big.errors).toBeUndefined();
      const small: unknown[] = [];
      for (let i = 0; i < ids.length; i += 19) {
        const res = await run(FOLLOW_UP, { r: reps(ids.slice(i, i + 19)), ...vars });
        expect(res.errors).toBeUndefined();
        small.push(...(res.data?._entities as unknown[]));
      }
      expect(big.data?._entities).toEqual(small);
      expect(big.data?._entities).toEqual(ids.map((id) => expectedFacts(data, extra, id)));
    });

    it('reads one find per collection, for 100 people as for 5', async () => {
      const ids = data.people.slice(0, 100).map((p) => p.citizenId);
      const vars = { year: YEAR, q: QUARTER, asOf: TODAY };
      expect(await readsDuring(conn, async () => void (await run(FOLLOW_UP, { r: reps(ids), ...vars })))).toEqual({
        health_checks: 1,
        insurance_cards: 1,
        home_visits: 1,
      });
      expect(await readsDuring(conn, async () => void (await run(FOLLOW_UP, { r: reps(ids.slice(0, 5)), ...vars })))).toEqual({
        health_checks: 1,
        insurance_cards: 1,
        home_visits: 1,
      });
    });

    it('asks about a past year and another date', async () => {
      const ids = data.people.slice(0, 30).map((p) => p.citizenId);
      const res = await run(FOLLOW_UP, { r: reps(ids), year: YEAR - 1, q: `${YEAR - 1}-Q1`, asOf: `${YEAR - 1}-06-30` });
      expect(res.errors).toBeUndefined();
      expect(res.data?._entities).toEqual(
        ids.map((id) => ({
          citizenId: id,
          healthCheckDue: !data.health.checks.some((c) => c.citizenId === id && c.date.startsWith(`${YEAR - 1}-`)),
          insuranceCardValid: data.health.insuranceCards.some(
            (c) => c.citizenId === id && c.validFrom <= `${YEAR - 1}-06-30` && `${YEAR - 1}-06-30` <= c.validTo,
          ),
          homeVisitedInQuarter: extra.homeVisits.some((v) => v.citizenId === id && quarterOf(v.date) === `${YEAR - 1}-Q1`),
        })),
      );
    });

    it.each([[{ year: 2014 }], [{ year: YEAR + 2 }], [{ q: '2026-Q5' }], [{ q: '2026Q4' }], [{ q: "{'$gt':''}" }]])(
      'refuses %j with BAD_USER_INPUT at the field',
      async (change) => {
        const res = await run(FOLLOW_UP, { r: reps([data.people[0].citizenId]), year: YEAR, q: QUARTER, asOf: TODAY, ...change });
        expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      },
    );

    it('refuses an impossible date at the scalar', async () => {
      const res = await run(FOLLOW_UP, { r: reps([data.people[0].citizenId]), year: YEAR, q: QUARTER, asOf: '2026-02-30' });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('lets a commune officer and the association read the facts, but not chronic conditions', async () => {
      const id = data.health.records[0].citizenId;
      const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { healthCheckDue(year: ${YEAR}) chronicConditions { code } } } }`;
      for (const identity of [
        { role: 'commune-officer' as const, commune: data.health.records[0].communeCode },
        { role: 'association' as const },
      ]) {
        const res = await run(q, { r: reps([id]) }, identity);
        const person = (res.data?._entities as any[])[0];
        expect(typeof person.healthCheckDue).toBe('boolean');
        expect(person.chronicConditions).toBeNull();
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      }
    });
  });

  describe('AdministrativeUnit.healthCoverage (Q5)', () => {
    const communes = () => [...new Set(data.health.records.map((r) => r.communeCode))].sort();
    const living = (code: string) => data.people.filter((p) => p.communeCode === code && p.deathDate === null).length;

    it('counts by the commune of the record against the register’s denominator, with one tally read per tally for all communes', async () => {
      const codes = communes();
      const r = codes.map((code) => ({ __typename: 'AdministrativeUnit', code, elderlyCountToday: living(code) }));
      let res: Awaited<ReturnType<typeof run>> | undefined;
      const reads = await readsDuring(conn, async () => {
        res = await run(COVERAGE, { r, year: YEAR });
      });
      expect(reads).toEqual({ tallies: 1 }); // the `coverage` tally, two documents per commune; no health_records scan
      expect(res?.errors).toBeUndefined();
      const units = res?.data?._entities as any[];
      for (const [i, code] of codes.entries()) {
        const cov = units[i].healthCoverage;
        const recordIds = new Set(data.health.records.filter((x) => x.communeCode === code && x.openedOn <= TODAY).map((x) => x.citizenId));
        const inCommune = new Set(data.health.records.filter((x) => x.communeCode === code).map((x) => x.citizenId));
        const checked = [...inCommune].filter((id) =>
          data.health.checks.some((c) => c.citizenId === id && c.date.startsWith(`${YEAR}-`)),
        ).length;
        const carded = [...inCommune].filter((id) =>
          data.health.insuranceCards.some((c) => c.citizenId === id && c.validFrom <= TODAY && TODAY <= c.validTo),
        ).length;
        const denominator = living(code);
        expect(cov).toMatchObject({ communeCode: code, year: YEAR, referenceDate: TODAY, elderlyCount: denominator });
        for (const [indicator, count, target] of [
          ['healthRecord', recordIds.size, 95],
          ['annualCheck', checked, 70],
          ['insuranceCard', carded, 95],
        ] as const) {
          const v = cov[indicator];
          expect(v.targetPercent).toBe(target);
          expect(v.met).toBe(count * 100 >= target * denominator);
          const without = denominator - count;
          const small = (count > 0 && count < 5) || (without > 0 && without < 5);
          expect(v.suppressed).toBe(small);
          expect(v.count).toBe(small ? null : count);
          if (!small) expect(v.share).toBeCloseTo(count / denominator, 4);
        }
      }
    });

    it('gives null counts, shares and verdicts when the register withholds the denominator', async () => {
      const code = communes()[0];
      const res = await run(COVERAGE, { r: [{ __typename: 'AdministrativeUnit', code, elderlyCountToday: null }], year: YEAR });
      expect(res.errors).toBeUndefined();
      const cov = (res.data?._entities as any[])[0].healthCoverage;
      expect(cov.elderlyCount).toBeNull();
      expect(cov.allTargetsMet).toBeNull();
      for (const k of ['healthRecord', 'annualCheck', 'insuranceCard'])
        expect(cov[k]).toMatchObject({ count: null, share: null, met: null });
    });

    it.each([
      [{ year: 2014 }, 'BAD_USER_INPUT'],
      [{ year: YEAR + 1 }, 'BAD_USER_INPUT'],
      [{ code: '12' }, 'BAD_USER_INPUT'],
    ])('refuses %j', async (change, code) => {
      const { year, ...unit } = { year: YEAR, code: communes()[0], ...change };
      const res = await run(COVERAGE, { r: [{ __typename: 'AdministrativeUnit', elderlyCountToday: 50, ...unit }], year });
      expect(res.errors?.[0].extensions?.code).toBe(code);
    });

    it('limits a commune officer to their own commune', async () => {
      const [mine, other] = communes();
      const r = [mine, other].map((code) => ({ __typename: 'AdministrativeUnit', code, elderlyCountToday: 50 }));
      const res = await run(COVERAGE, { r, year: YEAR }, { role: 'commune-officer', commune: mine });
      const units = res.data?._entities as any[];
      expect(units[0].healthCoverage).not.toBeNull();
      expect(units[1].healthCoverage).toBeNull();
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    });
  });

  describe('writes are seen by the next read (the tallies change in the write’s transaction)', () => {
    it('follow-up facts and coverage reflect each write at once', async () => {
      const withCard = data.health.insuranceCards.find((c) => !data.health.records.some((r) => r.citizenId === c.citizenId))!;
      const person = withCard.citizenId;
      const station = 'Trạm Y tế xã Thử Nghiệm';
      const ok = async (query: string, input: Record<string, unknown>) => {
        const res = await run(query, { input });
        expect(res.errors).toBeUndefined();
      };
      const facts = async (id: string) => {
        const res = await run(FOLLOW_UP, {
          r: reps([id, ...data.people.slice(0, 25).map((p) => p.citizenId)]),
          year: YEAR,
          q: QUARTER,
          asOf: TODAY,
        });
        expect(res.errors).toBeUndefined();
        return (res.data?._entities as any[])[0];
      };
      const coverageOf = async (code: string) => {
        const res = await run(COVERAGE, { r: [{ __typename: 'AdministrativeUnit', code, elderlyCountToday: 100 }], year: YEAR });
        expect(res.errors).toBeUndefined();
        return (res.data?._entities as any[])[0].healthCoverage;
      };
      const before = await facts(person);

      await ok(`mutation($input: RecordHomeVisitInput!) { recordHomeVisit(input: $input) { date } }`, {
        citizenId: person,
        date: TODAY,
        visitor: 'Y sĩ A',
        kind: 'SUPPORT_VISIT',
      });
      await ok(`mutation($input: RecordHealthCheckInput!) { recordHealthCheck(input: $input) { date } }`, {
        citizenId: person,
        date: TODAY,
        facility: station,
        resultClass: 'II',
      });
      await ok(`mutation($input: RecordChronicConditionInput!) { recordChronicCondition(input: $input) { code } }`, {
        citizenId: person,
        code: 'N18.3', // not one the derived seed uses: no conflict
        diagnosedOn: TODAY,
        underManagement: false,
        facility: station,
      });
      expect(await facts(person)).toEqual({ ...before, healthCheckDue: false, homeVisitedInQuarter: true });
      expect((await coverageOf('09999')).healthRecord.denominator).toBe(100);
      expect((await coverageOf('09999')).chronicManagement.denominator).toBe(0); // no record there yet

      await ok(`mutation($input: OpenHealthRecordInput!) { openHealthRecord(input: $input) { citizenId } }`, {
        citizenId: person,
        openedOn: TODAY,
        facility: station,
        communeCode: '09999',
      });
      // one person in the commune: a small cell, withheld, but on which side of the target is still said
      const derived = extra.chronicConditions.filter((c) => c.citizenId === person);
      const cov = await coverageOf('09999');
      expect(cov.healthRecord).toMatchObject({ count: null, denominator: 100, suppressed: true, met: false });
      expect(cov.chronicManagement).toMatchObject({ denominator: 1, met: false });

      // management changes are counted; repeating one changes nothing
      const manage = `mutation($input: SetChronicManagementInput!) { setChronicConditionManagement(input: $input) { underManagement } }`;
      await ok(manage, { citizenId: person, code: 'N18.3', underManagement: true });
      await ok(manage, { citizenId: person, code: 'N18.3', underManagement: true });
      expect((await coverageOf('09999')).chronicManagement).toMatchObject({ denominator: 1, met: derived.every((c) => c.underManagement) });

      // someone new: a card valid today answers insuranceCardValid at once
      const fresh = '012170000009';
      const card = `mutation($input: IssueInsuranceCardInput!) { issueInsuranceCard(input: $input) { code } }`;
      await ok(card, {
        code: 'GD4129990000001',
        citizenId: fresh,
        validFrom: addDays(TODAY, -500),
        validTo: addDays(TODAY, -136),
        primaryCareFacility: station,
      });
      expect((await facts(fresh)).insuranceCardValid).toBe(false);
      await ok(card, {
        code: 'GD4019990000002',
        citizenId: fresh,
        validFrom: addDays(TODAY, -135),
        validTo: addDays(TODAY, 229),
        primaryCareFacility: station,
      });
      expect((await facts(fresh)).insuranceCardValid).toBe(true);
    });

    it('reseeding skips a seeded database', async () => {
      const again = await seedDatabase(sg.models, data);
      expect(again).toEqual({ seeded: false, counts: {} });
    });
  });
});

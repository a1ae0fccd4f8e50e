import type { Connection } from 'mongoose';
import { connectDatabase, QueryCounter } from '@nct/db';
import { generateSeed } from '@nct/seed';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { executeOperation, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, deriveHealthSeed, seedDatabase, type Models } from '../src';
import { addDays, quarterOf } from '@nct/dates';

const TODAY = testToday();
const AN = '012140000001'; // record, three checks, a valid card and an older expired one
const MAI = '012145000002'; // only an expired card, one check
const HOA = '012150000003'; // only a card that starts next month: no current card
const NOBODY = '012160000004'; // nothing in the health database
const STATION = 'Trạm Y tế xã Tam Đường';

const RECORDS = [{ citizenId: AN, openedOn: '2019-05-02', facility: STATION, communeCode: '03199' }];
const CHECKS = [
  { citizenId: AN, date: addDays(TODAY, -800), facility: STATION, resultClass: 'II' },
  { citizenId: AN, date: addDays(TODAY, -30), facility: 'Bệnh viện Đa khoa tỉnh Lai Châu', resultClass: 'III' },
  { citizenId: AN, date: addDays(TODAY, -30), facility: STATION, resultClass: 'IV' },
  { citizenId: AN, date: addDays(TODAY, -400), facility: STATION, resultClass: 'II' },
  { citizenId: MAI, date: addDays(TODAY, -10), facility: STATION, resultClass: 'V' },
];
const CARDS = [
  { code: 'BT2120000000001', citizenId: AN, validFrom: addDays(TODAY, -100), validTo: addDays(TODAY, 265), primaryCareFacility: STATION },
  { code: 'BT2120000000002', citizenId: AN, validFrom: addDays(TODAY, -465), validTo: addDays(TODAY, -101), primaryCareFacility: STATION },
  { code: 'HT3120000000003', citizenId: MAI, validFrom: addDays(TODAY, -400), validTo: addDays(TODAY, -36), primaryCareFacility: STATION },
  { code: 'GD4120000000004', citizenId: HOA, validFrom: addDays(TODAY, 30), validTo: addDays(TODAY, 394), primaryCareFacility: STATION },
];

const PERSON_FIELDS = `citizenId
  healthRecord { citizenId openedOn facility communeCode }
  chronicConditions { code }
  healthCheckDue(year: ${TODAY.slice(0, 4)})
  insuranceCardValid
  homeVisitedInQuarter(quarter: "${quarterOf(TODAY)}")
  lastHealthCheck { date facility resultClass }
  insuranceCard { code beneficiaryGroup benefitLevel provinceCode validFrom validTo validToday primaryCareFacility }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${PERSON_FIELDS} } } }`;
const reps = (ids: string[]) => ids.map((citizenId) => ({ __typename: 'Person', citizenId }));

describe('health subgraph on the real database', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  const run = (query: string, variables?: Record<string, unknown>) => executeOperation(sg.apollo, query, variables, sg.context());
  const counts = async () => ({
    records: await sg.models.HealthRecord.countDocuments({}),
    checks: await sg.models.HealthCheck.countDocuments({}),
    cards: await sg.models.InsuranceCard.countDocuments({}),
  });

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('health'));
    sg = await createSubgraph(definition, conn);
    await sg.models.HealthRecord.insertMany(RECORDS);
    await sg.models.HealthCheck.insertMany(CHECKS);
    await sg.models.InsuranceCard.insertMany(CARDS);
  });

  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  describe('Person fields', () => {
    it('resolves record, most recent check and the card valid today', async () => {
      const res = await run(ENTITIES, { r: reps([AN]) });
      expect(res.errors).toBeUndefined();
      expect((res.data?._entities as any[])[0]).toEqual({
        citizenId: AN,
        healthRecord: RECORDS[0],
        // Two checks on the same latest day: the order is (date desc, facility asc).
        lastHealthCheck: { date: addDays(TODAY, -30), facility: 'Bệnh viện Đa khoa tỉnh Lai Châu', resultClass: 'III' },
        insuranceCard: {
          code: 'BT2120000000001',
          beneficiaryGroup: 'BT',
          benefitLevel: 2,
          provinceCode: '12',
          validFrom: CARDS[0].validFrom,
          validTo: CARDS[0].validTo,
          validToday: true,
          primaryCareFacility: STATION,
        },
        chronicConditions: [],
        // the check 30 days ago may fall in last year in January
        healthCheckDue: addDays(TODAY, -30).slice(0, 4) !== TODAY.slice(0, 4),
        insuranceCardValid: true,
        homeVisitedInQuarter: false,
      });
    });

    it('falls back to the most recently expired card, ignores cards not yet valid, and answers null for nothing', async () => {
      const res = await run(ENTITIES, { r: reps([MAI, HOA, NOBODY]) });
      expect(res.errors).toBeUndefined();
      const [mai, hoa, nobody] = res.data?._entities as any[];
      expect(mai.insuranceCard).toMatchObject({ code: 'HT3120000000003', validToday: false, benefitLevel: 3 });
      expect(mai.healthRecord).toBeNull();
      expect(mai.lastHealthCheck).toEqual({ date: addDays(TODAY, -10), facility: STATION, resultClass: 'V' });
      expect(hoa.insuranceCard).toBeNull();
      expect(nobody).toEqual({
        citizenId: NOBODY,
        healthRecord: null,
        lastHealthCheck: null,
        insuranceCard: null,
        chronicConditions: [],
        healthCheckDue: true,
        insuranceCardValid: false,
        homeVisitedInQuarter: false,
      });
    });
  });

  describe('batching', () => {
    /** Read commands by collection, as seen on the wire. */
    async function measure(ids: string[]): Promise<Record<string, number>> {
      const seen: Record<string, number> = {};
      const listener = (e: { commandName: string; command: Record<string, unknown> }) => {
        if (['find', 'aggregate', 'count', 'getMore'].includes(e.commandName)) {
          const coll = String(e.command[e.commandName]);
          seen[coll] = (seen[coll] ?? 0) + 1;
        }
      };
      const counter = new QueryCounter([conn]);
      conn.getClient().on('commandStarted', listener);
      const res = await run(ENTITIES, { r: reps(ids) });
      conn.getClient().off('commandStarted', listener);
      expect(res.errors).toBeUndefined();
      expect(res.data?._entities as any[]).toHaveLength(ids.length);
      seen.total = counter.total();
      counter.detach();
      return seen;
    }

    it('reads each collection once for 100 representations, as for 1', async () => {
      const hundred = Array.from({ length: 100 }, (_, i) => [AN, MAI, HOA][i % 3].slice(0, 6) + String(i).padStart(6, '0'));
      hundred[0] = AN;
      hundred[1] = MAI;
      // the fields that read the same collection share its loader: last check and checkDue read
      // health_checks once, the current card and cardValid insurance_cards once
      const once = { health_records: 1, health_checks: 1, insurance_cards: 1, chronic_conditions: 1, home_visits: 1, total: 5 };
      expect(await measure(hundred)).toEqual(once);
      expect(await measure([AN])).toEqual(once);
    });
  });

  describe('healthChecks', () => {
    const query = `query($id: ID!, $first: Int, $after: String) { healthChecks(citizenId: $id, first: $first, after: $after) {
      edges { cursor node { date facility resultClass } } pageInfo { hasNextPage endCursor } } }`;

    it('pages through the history, most recent first', async () => {
      const p1 = (await run(query, { id: AN, first: 2 })).data?.healthChecks as any;
      expect(p1.edges.map((e: any) => e.node.resultClass)).toEqual(['III', 'IV']);
      expect(p1.pageInfo.hasNextPage).toBe(true);
      const p2 = (await run(query, { id: AN, first: 2, after: p1.pageInfo.endCursor })).data?.healthChecks as any;
      expect(p2.edges.map((e: any) => e.node.date)).toEqual([addDays(TODAY, -400), addDays(TODAY, -800)]);
      expect(p2.pageInfo.hasNextPage).toBe(false);
      const none = (await run(query, { id: NOBODY })).data?.healthChecks as any;
      expect(none).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    });

    it.each([
      [{ id: AN, first: 101 }],
      [{ id: AN, first: 0 }],
      [{ id: AN, after: 'not-a-cursor!' }],
      [{ id: AN, after: Buffer.from('k1:garbage').toString('base64url') }],
      [{ id: '12345' }],
      [{ id: '{"$gt":""}' }],
    ])('refuses %j', async (variables) => {
      const res = await run(query, variables);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('insuranceCard(code)', () => {
    const query = `query($code: String!) { insuranceCard(code: $code) { code citizenId validToday } }`;

    it('finds a card by code and answers null for an unknown well-formed code', async () => {
      expect((await run(query, { code: 'BT2120000000001' })).data?.insuranceCard).toEqual({
        code: 'BT2120000000001',
        citizenId: AN,
        validToday: true,
      });
      const unknown = await run(query, { code: 'BT2129999999999' });
      expect(unknown.errors).toBeUndefined();
      expect(unknown.data?.insuranceCard).toBeNull();
    });

    it.each([
      ['bt2120000000001', ['LOWER_CASE']],
      ['BT212000000000', ['WRONG_LENGTH']],
      ['ZZ7000000000001', ['UNKNOWN_GROUP', 'BENEFIT_LEVEL_OUT_OF_RANGE', 'BAD_PROVINCE']],
      ['BT212000000000X', ['BAD_SOCIAL_INSURANCE_NUMBER']],
    ])('refuses %s listing %j', async (code, expected) => {
      const res = await run(query, { code });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((res.errors?.[0].extensions?.problems as any[]).map((p) => p.problem)).toEqual(expected);
    });
  });

  describe('openHealthRecord', () => {
    const mutation = `mutation($input: OpenHealthRecordInput!) { openHealthRecord(input: $input) { citizenId openedOn facility communeCode } }`;
    const input = { citizenId: MAI, openedOn: TODAY, facility: '  Trạm Y tế phường Tân Phong ', communeCode: '03388' };

    it('opens a record, text normalised', async () => {
      const res = await run(mutation, { input });
      expect(res.errors).toBeUndefined();
      expect(res.data?.openHealthRecord).toEqual({ ...input, facility: 'Trạm Y tế phường Tân Phong' });
    });

    it('refuses a second record for the same person with CONFLICT and changes nothing', async () => {
      const before = await counts();
      const res = await run(mutation, { input: { ...input, facility: 'Khác', openedOn: '2020-01-01' } });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await counts()).toEqual(before);
      expect(await sg.models.HealthRecord.findOne({ citizenId: MAI }, { _id: 0, facility: 1, openedOn: 1 }).lean()).toEqual({
        facility: 'Trạm Y tế phường Tân Phong',
        openedOn: TODAY,
      });
    });

    it.each([
      [{ openedOn: addDays(TODAY, 1) }, 'openedOn'],
      [{ facility: ' ' }, 'facility'],
      [{ facility: 'x'.repeat(201) }, 'facility'],
      [{ communeCode: '0338' }, 'communeCode'],
      [{ citizenId: '999150000003' }, 'citizenId'],
    ])('refuses %j and changes nothing', async (change, field) => {
      const before = await counts();
      const res = await run(mutation, { input: { ...input, citizenId: HOA, ...change } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((res.errors?.[0].extensions?.problems as any[]).map((p) => p.field)).toEqual([field]);
      expect(await counts()).toEqual(before);
    });

    it('records where the record is kept: the VNeID health book, or the station by default', async () => {
      const res = await run(`mutation($input: OpenHealthRecordInput!) { openHealthRecord(input: $input) { citizenId source } }`, {
        input: { ...input, citizenId: '012170000005', source: 'VNEID_HEALTH_BOOK' },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data?.openHealthRecord).toEqual({ citizenId: '012170000005', source: 'VNEID_HEALTH_BOOK' });
      const read = await run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { healthRecord { source } } } }`, {
        r: reps(['012170000005', AN, MAI]),
      });
      expect((read.data?._entities as any[]).map((p) => p.healthRecord.source)).toEqual([
        'VNEID_HEALTH_BOOK',
        'COMMUNE_STATION',
        'COMMUNE_STATION',
      ]);
      const bad = await run(mutation, { input: { ...input, citizenId: HOA, source: 'PAPER' } });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('refuses an impossible date at the scalar and changes nothing', async () => {
      const before = await counts();
      const res = await run(mutation, { input: { ...input, citizenId: HOA, openedOn: '2025-02-29' } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await counts()).toEqual(before);
    });
  });

  describe('recordHealthCheck', () => {
    const mutation = `mutation($input: RecordHealthCheckInput!) { recordHealthCheck(input: $input) { citizenId date facility resultClass } }`;
    const input = { citizenId: HOA, date: TODAY, facility: STATION, resultClass: 'I' };

    it('records a check, which becomes the last one', async () => {
      const res = await run(mutation, { input });
      expect(res.errors).toBeUndefined();
      expect(res.data?.recordHealthCheck).toEqual(input);
      const person = await run(ENTITIES, { r: reps([HOA]) });
      expect((person.data?._entities as any[])[0].lastHealthCheck).toEqual({ date: TODAY, facility: STATION, resultClass: 'I' });
    });

    it('refuses the same person, date and facility again with CONFLICT and changes nothing', async () => {
      const before = await counts();
      const res = await run(mutation, { input: { ...input, resultClass: 'V' } });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await counts()).toEqual(before);
      expect((await sg.models.HealthCheck.findOne({ citizenId: HOA, date: TODAY }).lean())?.resultClass).toBe('I');
    });

    it('accepts the same day at another facility', async () => {
      const res = await run(mutation, { input: { ...input, facility: 'Trung tâm Y tế khu vực Tam Đường' } });
      expect(res.errors).toBeUndefined();
    });

    it.each([
      [{ date: addDays(TODAY, 1) }],
      [{ date: '2026-13-01' }],
      [{ facility: '' }],
      [{ facility: 'x'.repeat(201) }],
      [{ resultClass: 'VI' }],
      [{ resultClass: 'ii' }],
      [{ citizenId: '01215000000' }],
    ])('refuses %j and changes nothing', async (change) => {
      const before = await counts();
      const res = await run(mutation, { input: { ...input, date: addDays(TODAY, -5), ...change } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await counts()).toEqual(before);
    });
  });

  describe('issueInsuranceCard', () => {
    const mutation = `mutation($input: IssueInsuranceCardInput!) { issueInsuranceCard(input: $input) { code beneficiaryGroup benefitLevel provinceCode validToday } }`;
    // MAI's last card expired 36 days ago: a new one from 35 days ago touches no other period.
    const input = {
      code: 'BT2120000000005',
      citizenId: MAI,
      validFrom: addDays(TODAY, -35),
      validTo: addDays(TODAY, 329),
      primaryCareFacility: STATION,
    };

    it('issues a card that starts the day after the previous one ended', async () => {
      const res = await run(mutation, { input });
      expect(res.errors).toBeUndefined();
      expect(res.data?.issueInsuranceCard).toEqual({
        code: 'BT2120000000005',
        beneficiaryGroup: 'BT',
        benefitLevel: 2,
        provinceCode: '12',
        validToday: true,
      });
    });

    it('refuses a duplicate code with CONFLICT and changes nothing', async () => {
      const before = await counts();
      const res = await run(mutation, { input: { ...input, citizenId: NOBODY } });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0].extensions?.field).toBe('code');
      expect(await counts()).toEqual(before);
    });

    it('refuses a second card overlapping another card of the person: one active card at a time', async () => {
      const before = await counts();
      const res = await run(mutation, {
        input: { ...input, code: 'HN2120000000006', validFrom: addDays(TODAY, 329), validTo: addDays(TODAY, 600) },
      });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0].message).toMatch(/one active card at a time/i);
      expect(res.errors?.[0].extensions?.conflictingCode).toBe('BT2120000000005');
      expect(await counts()).toEqual(before);
    });

    it.each([
      [{ code: 'bt2120000000007' }, 'code'],
      [{ code: 'XX2120000000007' }, 'code'],
      [{ code: 'BT9120000000007' }, 'code'],
      [{ validTo: addDays(TODAY, -35) }, 'validTo'],
      [{ validTo: addDays(TODAY, -36) }, 'validTo'],
      [{ primaryCareFacility: '' }, 'primaryCareFacility'],
      [{ citizenId: 'abc' }, 'citizenId'],
    ])('refuses %j and changes nothing', async (change, field) => {
      const before = await counts();
      const res = await run(mutation, { input: { ...input, code: 'BT2120000000007', citizenId: NOBODY, ...change } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((res.errors?.[0].extensions?.problems as any[]).map((p) => p.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });
  });
});

describe('seedDatabase', () => {
  it('writes the health slice once, and skips a database that already has records', async () => {
    const conn = await connectDatabase(testMongoUri(), uniqueDbName('health_seed'));
    try {
      const sg = await createSubgraph(definition, conn);
      const data = generateSeed({ people: 300, seed: 7, asOf: TODAY });
      const first = await seedDatabase(sg.models, data);
      const extra = deriveHealthSeed(data);
      expect(first).toEqual({
        seeded: true,
        counts: {
          records: data.health.records.length,
          checks: data.health.checks.length,
          insuranceCards: data.health.insuranceCards.length,
          chronicConditions: extra.chronicConditions.length,
          homeVisits: extra.homeVisits.length,
        },
      });
      expect(await sg.models.InsuranceCard.countDocuments({})).toBe(data.health.insuranceCards.length);
      expect(await sg.models.HealthCheck.countDocuments({})).toBe(data.health.checks.length);
      expect((await seedDatabase(sg.models, data)).seeded).toBe(false);
      expect(await sg.models.HealthRecord.countDocuments({})).toBe(data.health.records.length);
      await sg.apollo.stop();
    } finally {
      await conn.dropDatabase();
      await conn.close();
    }
  });
});

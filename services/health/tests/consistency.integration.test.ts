import type { Connection } from 'mongoose';
import { connectDatabase } from '@nct/db';
import { createSubgraph, graphStub, graphUnavailable, SubgraphInstance, type GraphOperation } from '@nct/subgraph-kit';
import {
  deathReceiverContract,
  executeOperation,
  expectIndexedQueries,
  readsPerCollection,
  testCallers,
  testMongoUri,
  testToday,
  uniqueDbName,
} from '@nct/testing';
import { addDays } from '@nct/dates';
import { definition, type Models } from '../src';
import { computeCoverageTallies } from '../src/coverage/coverage.tallies';

// docs/consistency.md in health: the death receiver (section 2), retry-safe creates (section 4),
// and Q11, the chronic-disease management split by club membership (docs/cross-agency.md), on
// the real database, with the register behind an in-memory graph (`graphStub`).

const TODAY = testToday();
const STATION = 'Trạm Y tế xã Bản Hon';
const A = '012146000101'; // dies
const B = '012146000102'; // alive
const C = '012146000103'; // dead in the register, not applied (the receiver's contract)
const DEATH = addDays(TODAY, -20);

/** The register as the stub answers it: citizen ID -> date of death (null: alive; absent: unknown). */
const deaths = new Map<string, string | null>([
  [A, null],
  [B, null],
  [C, DEATH],
]);
const calls: GraphOperation[] = [];
let unreachable = false;
const graph = graphStub((op) => {
  calls.push(op);
  if (unreachable) throw graphUnavailable(op.what);
  const id = String(op.variables?.citizenId);
  return { person: deaths.has(id) ? { deathDate: deaths.get(id) } : null };
});

/** Q11 fixture: the citizen IDs of a commune's people, `012146<commune's last 3 digits><nnn>`. */
const idOf = (commune: string, i: number) => `012146${commune.slice(2)}${String(i).padStart(3, '0')}`;

describe('health: deaths from the register, retry-safe creates, Q11', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  const { asStaff, asRegister } = testCallers(() => sg);
  const stateOf = async (citizenId: string) => ({
    record: await sg.models.HealthRecord.findOne({ citizenId }, { _id: 0, updatedAt: 0 }).lean(),
    conditions: await sg.models.ChronicCondition.find({ citizenId }, { _id: 0, updatedAt: 0 }).sort({ code: 1 }).lean(),
    checks: await sg.models.HealthCheck.countDocuments({ citizenId }),
    guard: await sg.models.CoverageGuard.findById(citizenId).lean(),
    applied: await sg.models.AppliedDeath.findById(citizenId).lean(),
  });
  const storedTallies = async () => sg.models.Tallies.model.find({}, { _id: 1, counts: 1 }).sort({ _id: 1 }).lean();

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('health_consistency'));
    sg = await createSubgraph(definition, conn, { graph });
  });
  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  describe('creates with an idempotency key', () => {
    // [mutation, document, input, other input under the same key, what it writes]
    const cases: Array<[string, string, Record<string, unknown>, Record<string, unknown>, () => Promise<number>]> = [
      [
        'openHealthRecord',
        'mutation($i: OpenHealthRecordInput!, $k: String) { openHealthRecord(input: $i, idempotencyKey: $k) { citizenId openedOn } }',
        { citizenId: A, openedOn: addDays(TODAY, -900), facility: STATION, communeCode: '03199' },
        { facility: 'Trạm khác' },
        () => sg.models.HealthRecord.countDocuments({}),
      ],
      [
        'recordHealthCheck',
        'mutation($i: RecordHealthCheckInput!, $k: String) { recordHealthCheck(input: $i, idempotencyKey: $k) { date resultClass } }',
        { citizenId: A, date: addDays(TODAY, -100), facility: STATION, resultClass: 'II' },
        { resultClass: 'III' },
        () => sg.models.HealthCheck.countDocuments({}),
      ],
      [
        'issueInsuranceCard',
        'mutation($i: IssueInsuranceCardInput!, $k: String) { issueInsuranceCard(input: $i, idempotencyKey: $k) { code } }',
        {
          code: 'HT3120000000101',
          citizenId: A,
          validFrom: addDays(TODAY, -300),
          validTo: addDays(TODAY, 60),
          primaryCareFacility: STATION,
        },
        { primaryCareFacility: 'Bệnh viện khác' },
        () => sg.models.InsuranceCard.countDocuments({}),
      ],
      [
        'recordChronicCondition',
        'mutation($i: RecordChronicConditionInput!, $k: String) { recordChronicCondition(input: $i, idempotencyKey: $k) { code underManagement } }',
        { citizenId: A, code: 'I10', diagnosedOn: addDays(TODAY, -800), underManagement: true, facility: STATION },
        { underManagement: false },
        () => sg.models.ChronicCondition.countDocuments({}),
      ],
      [
        'recordHomeVisit',
        'mutation($i: RecordHomeVisitInput!, $k: String) { recordHomeVisit(input: $i, idempotencyKey: $k) { date kind } }',
        { citizenId: A, date: addDays(TODAY, -50), visitor: 'Y sĩ Lò Văn Tâm', kind: 'HOME_CARE', notes: '' },
        { notes: 'Khác' },
        () => sg.models.HomeVisit.countDocuments({}),
      ],
    ];

    it.each(cases)(
      '%s: a retry with the same key returns the first result, writes nothing, moves no tally',
      async (name, m, input, _o, count) => {
        const key = `retry-${name}-1`;
        const first = await asStaff(m, { i: input, k: key });
        expect(first.errors).toBeUndefined();
        const [n, t] = [await count(), await storedTallies()];
        const again = await asStaff(m, { i: input, k: key });
        expect(again.errors).toBeUndefined();
        expect(again.data).toEqual(first.data);
        expect([await count(), await storedTallies()]).toEqual([n, t]);
      },
    );

    it.each(cases)(
      '%s: the same key with other input is CONFLICT IDEMPOTENCY_KEY_REUSED, and writes nothing',
      async (name, m, input, other, count) => {
        const [n, t] = [await count(), await storedTallies()];
        const res = await asStaff(m, { i: { ...input, ...other }, k: `retry-${name}-1` });
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
        expect([await count(), await storedTallies()]).toEqual([n, t]);
      },
    );

    it('without a key a repeat is still refused as before (CONFLICT, not a second row)', async () => {
      const [name, m, input, , count] = cases[1];
      const n = await count();
      const res = await asStaff(m, { i: input });
      expect([name, res.errors?.[0].extensions?.code]).toEqual([name, 'CONFLICT']);
      expect(await count()).toBe(n);
    });

    it('the tallies equal their rebuild from the collections after the retries', async () => {
      const rebuilt = await computeCoverageTallies(sg.models);
      const stored = await storedTallies();
      for (const [name, scopes] of rebuilt) {
        for (const [scope, counts] of scopes) {
          expect([name, scope, stored.find((d) => d._id === `${name}|${scope}`)?.counts]).toEqual([name, scope, counts]);
        }
      }
    });
  });

  describe('healthApplyDeath', () => {
    const apply = (citizenId: string, eventId = `death-${citizenId}`) =>
      asRegister(
        `mutation($e: ID!, $c: ID!) { healthApplyDeath(eventId: $e, citizenId: $c) { eventId citizenId outcome deathDate recordClosed conditionsClosed } }`,
        { e: eventId, c: citizenId },
      );

    beforeAll(async () => {
      await sg.models.ChronicCondition.insertMany([
        { citizenId: A, code: 'E11.9', diagnosedOn: addDays(TODAY, -700), underManagement: false, facility: STATION },
      ]);
    });

    it('is NOT_DECEASED, and writes nothing, while the register has no death', async () => {
      const before = await stateOf(A);
      const res = await apply(A);
      expect(res.errors).toBeUndefined();
      expect(res.data?.healthApplyDeath).toMatchObject({
        outcome: 'NOT_DECEASED',
        deathDate: null,
        recordClosed: false,
        conditionsClosed: 0,
      });
      expect(await stateOf(A)).toEqual(before);
      expect(calls.at(-1)).toMatchObject({ purpose: 'HEALTH_CARE', variables: { citizenId: A } });
      // someone the register does not know: nothing to apply either
      expect((await apply('012199000999')).data?.healthApplyDeath).toMatchObject({ outcome: 'NOT_DECEASED' });
    });

    it('closes the record and the management still open, once, keeping the history and the tallies', async () => {
      deaths.set(A, DEATH);
      const before = await stateOf(A);
      const tallyBefore = await storedTallies();
      const res = await apply(A);
      expect(res.errors).toBeUndefined();
      expect(res.data?.healthApplyDeath).toEqual({
        eventId: `death-${A}`,
        citizenId: A,
        outcome: 'APPLIED',
        deathDate: DEATH,
        recordClosed: true,
        conditionsClosed: 1,
      });
      const after = await stateOf(A);
      expect(after.record).toMatchObject({ ...before.record, closedOn: DEATH, closedReason: 'DECEASED' });
      expect(after.conditions.map((c) => [c.code, c.underManagement, c.managementEndedOn ?? null])).toEqual([
        ['E11.9', false, null], // was not under management: nothing to close
        ['I10', true, DEATH], // the flag is history; management ended on the date of death
      ]);
      expect(after.checks).toBe(before.checks);
      expect(await storedTallies()).toEqual(tallyBefore);
      const view = await asStaff(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { healthRecord { closedOn closedReason } chronicConditions { code managementEndedOn } } } }`,
        { r: [{ __typename: 'Person', citizenId: A }] },
      );
      expect((view.data?._entities as any[])[0]).toEqual({
        healthRecord: { closedOn: DEATH, closedReason: 'DECEASED' },
        chronicConditions: [
          { code: 'E11.9', managementEndedOn: null },
          { code: 'I10', managementEndedOn: DEATH },
        ],
      });
    });

    it('is ALREADY_APPLIED afterwards, from any event, and writes nothing at all', async () => {
      const before = await stateOf(A);
      for (const eventId of [`death-${A}`, 'another-event']) {
        expect((await apply(A, eventId)).data?.healthApplyDeath).toMatchObject({
          outcome: 'ALREADY_APPLIED',
          deathDate: DEATH,
          conditionsClosed: 0,
        });
      }
      expect(await stateOf(A)).toEqual(before);
    });

    it('reads and writes the person by their indexes', async () => {
      deaths.set(B, DEATH);
      await expectIndexedQueries(conn, async () => expect((await apply(B)).data?.healthApplyDeath).toMatchObject({ outcome: 'APPLIED' }));
      deaths.set(B, null);
    });

    deathReceiverContract(() => sg, {
      mutation: 'healthApplyDeath',
      deceased: C,
      otherPurpose: 'HEALTH_CARE',
      stateOf,
      unreachable: (on) => void (unreachable = on),
    });
  });

  describe('Q11: chronicDiseaseManagement on the ClubMemberCohort the association sends', () => {
    // Commune 03210: 15 members with a condition (10 all managed), 20 non-members (12), 5 without
    // a condition; one more member died before asOf, one non-member's only condition is diagnosed
    // after asOf. Commune 03220: 3 members (2 managed) and 10 non-members: small cells.
    const ASOF = addDays(TODAY, -10);
    const BIG = '03210';
    const SMALL = '03220';
    const people: Array<{ id: string; commune: string; member: boolean; managed: boolean[]; closedOn?: string; diagnosedOn?: string }> = [];
    const add = (commune: string, from: number, n: number, member: boolean, managed: boolean[], extra = {}) => {
      for (let i = from; i < from + n; i++) people.push({ id: idOf(commune, i), commune, member, managed, ...extra });
    };
    add(BIG, 0, 10, true, [true, true]);
    add(BIG, 10, 5, true, [true, false]);
    add(BIG, 15, 12, false, [true]);
    add(BIG, 27, 8, false, [false]);
    add(BIG, 35, 5, false, []);
    add(BIG, 40, 1, true, [true], { closedOn: addDays(ASOF, -1) });
    add(BIG, 41, 1, false, [false], { diagnosedOn: addDays(ASOF, 1) });
    add(SMALL, 0, 2, true, [true]);
    add(SMALL, 2, 1, true, [false]);
    add(SMALL, 3, 10, false, [true]);
    const membersOf = (commune: string | null) =>
      people
        .filter((p) => p.member && (commune === null || p.commune === commune))
        .map((p) => p.id)
        .concat(['012085000999']); // a young member with no record

    const Q = `query($r: [_Any!]!, $asOf: Date) { _entities(representations: $r) { ... on ClubMemberCohort {
      chronicDiseaseManagement(asOf: $asOf) { scope asOf members { withCondition underManagement rate suppressed }
        nonMembers { withCondition underManagement rate suppressed } } } } }`;
    const cohort = (scope: string, memberCitizenIds: string[]) => ({ __typename: 'ClubMemberCohort', scope, memberCitizenIds });
    const asCoordinator = (variables: Record<string, unknown>, purpose: 'STATISTICS' | null = 'STATISTICS') => {
      const ctx = sg.context({ role: 'coordinator' }, purpose);
      return { ctx, res: executeOperation(sg.apollo, Q, variables, ctx) };
    };

    beforeAll(async () => {
      await sg.models.HealthRecord.insertMany(
        people.map((p) => ({
          citizenId: p.id,
          openedOn: '2020-01-01',
          facility: STATION,
          communeCode: p.commune,
          closedOn: p.closedOn ?? null,
        })),
      );
      await sg.models.ChronicCondition.insertMany(
        people.flatMap((p) =>
          p.managed.map((underManagement, i) => ({
            citizenId: p.id,
            code: ['I10', 'E11.9'][i],
            diagnosedOn: p.diagnosedOn ?? '2021-01-01',
            underManagement,
            facility: STATION,
          })),
        ),
      );
    });

    it('gives the members’ and non-members’ rates of a commune, computed from its own records', async () => {
      const { ctx, res } = asCoordinator({ r: [cohort(BIG, membersOf(BIG))], asOf: ASOF });
      const out = await res;
      expect(out.errors).toBeUndefined();
      expect((out.data?._entities as any[])[0].chronicDiseaseManagement).toEqual({
        scope: BIG,
        asOf: ASOF,
        members: { withCondition: 15, underManagement: 10, rate: 0.6667, suppressed: false },
        nonMembers: { withCondition: 20, underManagement: 12, rate: 0.6, suppressed: false },
      });
      // every person whose conditions were counted is in the access log, as processed for the aggregate
      expect(ctx.access.reads.size).toBe(35);
      expect(ctx.access.reads.get(idOf(BIG, 0))).toEqual(new Set(['health:ClubMemberCohort.chronicDiseaseManagement']));
      expect(ctx.access.reads.has(idOf(BIG, 35))).toBe(false); // no condition: not counted
    });

    it('withholds both rows when a cell holds 1-4 people, and counts the province as every record', async () => {
      const out = await asCoordinator({ r: [cohort(SMALL, membersOf(SMALL)), cohort('12', membersOf(null))], asOf: ASOF }).res;
      expect(out.errors).toBeUndefined();
      const [small, province] = (out.data?._entities as any[]).map((e) => e.chronicDiseaseManagement);
      expect(small).toMatchObject({
        members: { withCondition: 3, underManagement: null, rate: null, suppressed: true },
        nonMembers: { withCondition: 10, underManagement: null, rate: null, suppressed: true },
      });
      // the province: both communes' members (A, a non-member with a record at 03199, died before asOf)
      expect(province.members).toEqual({ withCondition: 18, underManagement: 12, rate: 0.6667, suppressed: false });
      expect(province.nonMembers).toMatchObject({ withCondition: 30, underManagement: 22 });
    });

    it('is an aggregate for statistics: no purpose, no figure; a commune officer gets their commune only', async () => {
      const noPurpose = await asCoordinator({ r: [cohort(BIG, membersOf(BIG))] }, null).res;
      expect(noPurpose.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const officer = await executeOperation(
        sg.apollo,
        Q,
        { r: [cohort(BIG, membersOf(BIG))] },
        sg.context({ role: 'commune-officer', commune: SMALL }, 'STATISTICS'),
      );
      expect(officer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const future = await asCoordinator({ r: [cohort(BIG, membersOf(BIG))], asOf: addDays(TODAY, 1) }).res;
      expect(future.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('reads a commune through indexes: its records, then their conditions', async () => {
      const plans = await expectIndexedQueries(
        conn,
        () => asCoordinator({ r: [cohort(BIG, membersOf(BIG)), cohort('12', membersOf(null))] }).res,
      );
      expect(readsPerCollection(plans)).toEqual({ health_records: 2, chronic_conditions: 2 });
    });
  });
});

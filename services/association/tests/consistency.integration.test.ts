import type { Connection } from 'mongoose';
import { connectDatabase } from '@nct/db';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { deathReceiverContract, executeOperation, testCallers, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, type Models } from '../src';
import { registerStub } from './register-stub';

// docs/consistency.md in the association: the death receiver (section 2) and retry-safe creates
// (section 4), on the real database, with the register behind an in-memory graph.

const TODAY = testToday();
const YEAR = Number(TODAY.slice(0, 4));
const LAST = YEAR - 1;

const A = '012146000101'; // member, chair of one club, member of another; dies
const B = '012146000102'; // alive
const C = '012147000103'; // dead in the register, not applied (the receiver's contract)
const DEATH = `${LAST}-08-20`;

const register = registerStub({
  [A]: { birthDate: '1946-03-10', sex: 'MALE' },
  [B]: { birthDate: '1946-05-05', sex: 'MALE' },
  [C]: { birthDate: '1947-01-01', deathDate: `${LAST}-01-01`, sex: 'FEMALE' },
  // for the creates below: a man who turned 80 (calendar age) last year
  [`0121${String((LAST - 80) % 100).padStart(2, '0')}000201`]: { birthDate: `${LAST - 80}-04-04`, sex: 'MALE' },
  '012140000202': { birthDate: '1940-02-02', sex: 'MALE' },
});

const club = (n: number) => ({
  clubId: `CLB-03199-0${n}`,
  name: `CLB ${n}`,
  communeCode: '03199',
  foundedOn: '2021-01-01',
  decisionNumber: `${n}/QĐ-UBND`,
});
const member = (clubId: string, citizenId: string, role: 'CHAIR' | 'MEMBER') => ({
  clubId,
  citizenId,
  fullName: 'Lò Văn A',
  birthDate: '1946-03-10',
  sex: 'MALE',
  role,
  elderly: true,
  woman: false,
  young: false,
  priority: true,
  joinedOn: '2021-02-01',
  roleSlot: role === 'CHAIR' ? 'CHAIR' : citizenId,
});

describe('association: deaths from the register, retry-safe creates', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  const { asStaff, asRegister } = testCallers(() => sg);

  /** Everything the association keeps about a person, to compare before and after. */
  const stateOf = async (citizenId: string) => ({
    membership: await sg.models.Membership.findOne({ citizenId }, { _id: 0 }).lean(),
    clubs: await sg.models.ClubMember.find({ citizenId }, { _id: 0 }).sort({ clubId: 1 }).lean(),
    celebrations: await sg.models.Celebration.find({ citizenId }, { _id: 0 }).sort({ year: 1 }).lean(),
    applied: await sg.models.AppliedDeath.findById(citizenId).lean(),
  });

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('association_consistency'));
    sg = await createSubgraph(definition, conn, { graph: register.graph });
    await sg.models.Club.insertMany([club(1), club(2)]);
    await sg.models.Branch.insertMany([
      { branchId: 'CH-03199-001', communeCode: '03199', name: 'Chi hội Bản Hon', village: 'Bản Hon', groups: [] },
    ]);
    await sg.models.Membership.insertMany(
      [A, B, C].map((citizenId, i) => ({
        citizenId,
        branchName: 'Chi hội Bản Hon',
        branchId: 'CH-03199-001',
        communeCode: '03199',
        joinedOn: '2010-01-01',
        cardNumber: `HNCT-03199-00010${i}`,
        status: 'ACTIVE',
      })),
    );
    await sg.models.ClubMember.insertMany([
      member('CLB-03199-01', A, 'CHAIR'),
      member('CLB-03199-02', A, 'MEMBER'),
      member('CLB-03199-01', B, 'MEMBER'),
      member('CLB-03199-01', C, 'MEMBER'),
    ]);
    await sg.models.Celebration.insertMany([
      { citizenId: A, year: LAST - 5, communeCode: '03199', age: 75, status: 'DELIVERED', deliveredOn: `${LAST - 5}-09-01`, reason: null },
      { citizenId: A, year: LAST - 1, communeCode: '03199', age: 79, status: 'NOT_DELIVERED', deliveredOn: null, reason: 'Đi vắng' },
      { citizenId: A, year: LAST, communeCode: '03199', age: 80, status: 'PLANNED', deliveredOn: null, reason: null },
      { citizenId: B, year: LAST, communeCode: '03199', age: 80, status: 'PLANNED', deliveredOn: null, reason: null },
    ]);
  });
  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  describe('associationApplyDeath', () => {
    const apply = (citizenId: string, eventId = `death-${citizenId}`) =>
      asRegister(
        `mutation($e: ID!, $c: ID!) { associationApplyDeath(eventId: $e, citizenId: $c) {
          eventId citizenId outcome deathDate membershipEnded clubMembershipsEnded celebrationsCancelled } }`,
        { e: eventId, c: citizenId },
      );

    it('is NOT_DECEASED, and writes nothing, while the register has no death (whatever the event says)', async () => {
      const before = await stateOf(A);
      const res = await apply(A);
      expect(res.errors).toBeUndefined();
      expect(res.data?.associationApplyDeath).toMatchObject({ outcome: 'NOT_DECEASED', deathDate: null, membershipEnded: false });
      expect(await stateOf(A)).toEqual(before);
      // the register was asked, for the Association's activities
      expect(register.calls.at(-1)).toMatchObject({ purpose: 'ASSOCIATION_ACTIVITIES', variables: { citizenId: A } });
    });

    it('applies the register’s death once: membership DECEASED, clubs ended, celebrations not delivered cancelled', async () => {
      register.set(A, { birthDate: '1946-03-10', deathDate: DEATH, sex: 'MALE' });
      const res = await apply(A);
      expect(res.errors).toBeUndefined();
      expect(res.data?.associationApplyDeath).toEqual({
        eventId: `death-${A}`,
        citizenId: A,
        outcome: 'APPLIED',
        deathDate: DEATH,
        membershipEnded: true,
        clubMembershipsEnded: 2,
        celebrationsCancelled: 2,
      });
      const after = await stateOf(A);
      expect(after.membership).toMatchObject({ status: 'DECEASED', endedOn: DEATH, cardNumber: 'HNCT-03199-000100' });
      expect(after.clubs.map((c) => [c.clubId, c.role, c.endedOn, c.endReason, c.roleSlot])).toEqual([
        ['CLB-03199-01', 'CHAIR', DEATH, 'DECEASED', A], // the role is history; the chair's slot is free
        ['CLB-03199-02', 'MEMBER', DEATH, 'DECEASED', A],
      ]);
      expect(after.celebrations.map((c) => [c.year, c.status, c.cancelledFrom ?? null, c.reason])).toEqual([
        [LAST - 5, 'DELIVERED', null, null], // delivered: stays
        [LAST - 1, 'CANCELLED_DECEASED', 'NOT_DELIVERED', 'Đi vắng'],
        [LAST, 'CANCELLED_DECEASED', 'PLANNED', null],
      ]);
      // B is untouched
      expect((await stateOf(B)).membership).toMatchObject({ status: 'ACTIVE' });
    });

    it('shows it at once: member counts, lists and the person', async () => {
      const res = await asStaff(
        `query($r: [_Any!]!) { club(clubId: "CLB-03199-01") { memberCount board { citizenId } members(first: 10) { edges { node { citizenId } } } }
          clubPriorityMembers(communeCode: "03199") { citizenId }
          _entities(representations: $r) { ... on Person { membership { status endedOn } clubs { endedOn club { clubId } } longevityCelebration(year: ${LAST}) { status } } } }`,
        { r: [{ __typename: 'Person', citizenId: A, birthDate: '1946-03-10', deathDate: DEATH }] },
      );
      expect(res.errors).toBeUndefined();
      const data = res.data as any;
      expect(data.club).toEqual({
        memberCount: 2,
        board: [],
        members: { edges: [{ node: { citizenId: B } }, { node: { citizenId: C } }] },
      });
      expect(data.clubPriorityMembers).toEqual([{ citizenId: B }, { citizenId: C }]);
      expect(data._entities[0]).toEqual({
        membership: { status: 'DECEASED', endedOn: DEATH },
        clubs: [
          { endedOn: DEATH, club: { clubId: 'CLB-03199-01' } },
          { endedOn: DEATH, club: { clubId: 'CLB-03199-02' } },
        ],
        longevityCelebration: null,
      });
      // the club can have a new chair
      const chair = await asStaff(`mutation($i: AddClubMemberInput!) { addClubMember(input: $i) { role } }`, {
        i: {
          clubId: 'CLB-03199-01',
          citizenId: '012085000111',
          fullName: 'Lò Văn Mới',
          birthDate: '1985-01-01',
          sex: 'MALE',
          role: 'CHAIR',
          elderly: false,
          woman: false,
          young: true,
          joinedOn: '2024-01-01',
        },
      });
      expect(chair.errors).toBeUndefined();
    });

    it('is ALREADY_APPLIED the second time, from another event too, and changes nothing', async () => {
      const before = await stateOf(A);
      for (const eventId of [`death-${A}`, 'another-event-1']) {
        const res = await apply(A, eventId);
        expect(res.data?.associationApplyDeath).toMatchObject({ outcome: 'ALREADY_APPLIED', deathDate: DEATH, clubMembershipsEnded: 0 });
      }
      expect(await stateOf(A)).toEqual(before);
    });

    deathReceiverContract(() => sg, {
      mutation: 'associationApplyDeath',
      deceased: C,
      otherPurpose: 'CARE_COORDINATION',
      stateOf,
      unreachable: (on) => void (register.unreachable = on),
    });
  });

  describe('creates with an idempotency key', () => {
    const OLD80 = `0121${String((LAST - 80) % 100).padStart(2, '0')}000201`;
    // [mutation, variables of the first call, a different input under the same key, the collection written]
    const cases: Array<[string, string, Record<string, unknown>, Record<string, unknown>, () => Promise<number>]> = [
      [
        'createClub',
        'mutation($i: CreateClubInput!, $k: String) { createClub(input: $i, idempotencyKey: $k) { clubId } }',
        { clubId: 'CLB-03199-05', name: 'CLB Năm', communeCode: '03199', foundedOn: '2024-01-01', decisionNumber: '55/QĐ-UBND' },
        { name: 'CLB Khác' },
        () => sg.models.Club.countDocuments({}),
      ],
      [
        'createBranch',
        'mutation($i: CreateBranchInput!, $k: String) { createBranch(input: $i, idempotencyKey: $k) { branchId } }',
        { branchId: 'CH-03199-005', name: 'Chi hội Năm', village: 'Bản Năm', groups: [] },
        { village: 'Bản Khác' },
        () => sg.models.Branch.countDocuments({}),
      ],
      [
        'joinAssociation',
        'mutation($i: JoinAssociationInput!, $k: String) { joinAssociation(input: $i, idempotencyKey: $k) { citizenId status } }',
        { citizenId: '012140000202', branchId: 'CH-03199-001', joinedOn: '2020-01-01', cardNumber: 'HNCT-03199-000202' },
        { cardNumber: 'HNCT-03199-000203' },
        () => sg.models.Membership.countDocuments({}),
      ],
      [
        'addClubMember',
        'mutation($i: AddClubMemberInput!, $k: String) { addClubMember(input: $i, idempotencyKey: $k) { citizenId } }',
        {
          clubId: 'CLB-03199-02',
          citizenId: '012090000204',
          fullName: 'Lò Văn Bốn',
          birthDate: '1990-04-04',
          sex: 'MALE',
          elderly: false,
          woman: false,
          young: true,
          joinedOn: '2024-01-01',
        },
        { priority: true },
        () => sg.models.ClubMember.countDocuments({}),
      ],
      [
        'recordClubLoan',
        'mutation($i: RecordClubLoanInput!, $k: String) { recordClubLoan(input: $i, idempotencyKey: $k) { reference } }',
        { clubId: 'CLB-03199-01', citizenId: B, reference: 'L-IDEM-1', amount: 5_000_000, date: '2024-03-03' },
        { amount: 6_000_000 },
        () => sg.models.ClubLoan.countDocuments({}),
      ],
      [
        'recordClubActivity',
        'mutation($i: RecordClubActivityInput!, $k: String) { recordClubActivity(input: $i, idempotencyKey: $k) { reference } }',
        { clubId: 'CLB-03199-01', reference: 'A-IDEM-1', date: '2024-03-03', area: 'HEALTH_CARE', title: 'Đo huyết áp', participants: 30 },
        { participants: 31 },
        () => sg.models.ClubActivity.countDocuments({}),
      ],
      [
        'recordExemplaryRecognition',
        'mutation($i: RecordRecognitionInput!, $k: String) { recordExemplaryRecognition(input: $i, idempotencyKey: $k) { citizenId } }',
        { citizenId: B, year: 2024, level: 'COMMUNE', decisionNumber: '9/QĐ-UBND', decisionDate: '2024-05-05', communeCode: '03199' },
        { decisionNumber: '10/QĐ-UBND' },
        () => sg.models.Recognition.countDocuments({}),
      ],
      [
        'recordCelebrationDelivery',
        'mutation($i: RecordCelebrationInput!, $k: String) { recordCelebrationDelivery(input: $i, idempotencyKey: $k) { status age } }',
        { citizenId: OLD80, year: LAST, communeCode: '03199', status: 'DELIVERED', deliveredOn: `${LAST}-10-01` },
        { deliveredOn: `${LAST}-10-02` },
        () => sg.models.Celebration.countDocuments({}),
      ],
    ];

    it.each(cases)('%s: a retry with the same key returns the first result and writes nothing', async (name, m, input, _other, count) => {
      const key = `retry-${name}-1`;
      const first = await asStaff(m, { i: input, k: key });
      expect(first.errors).toBeUndefined();
      const n = await count();
      const again = await asStaff(m, { i: input, k: key });
      expect(again.errors).toBeUndefined();
      expect(again.data).toEqual(first.data);
      expect(await count()).toBe(n);
    });

    it.each(cases)(
      '%s: the same key with other input is CONFLICT IDEMPOTENCY_KEY_REUSED, and writes nothing',
      async (name, m, input, other, count) => {
        const n = await count();
        const res = await asStaff(m, { i: { ...input, ...other }, k: `retry-${name}-1` });
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
        expect(await count()).toBe(n);
      },
    );

    it('refuses a malformed key', async () => {
      const [, m, input] = cases[0];
      const res = await asStaff(m, { i: input, k: 'short' });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('the club-member cohort (Q11)', () => {
    const q = `query($s: String!) { clubMemberCohort(scope: $s) { scope clubCount memberCount memberCitizenIds } }`;

    it('gives a coordinator the figures, and the member list only for the counting, written to the access log', async () => {
      const ctx = sg.context({ role: 'coordinator' }, 'STATISTICS');
      const res = await executeOperation(sg.apollo, q, { s: '03199' }, ctx);
      expect(res.errors).toBeUndefined();
      const cohort = res.data?.clubMemberCohort as any;
      // current members only: A died (its memberships ended), each person once
      expect(cohort.memberCitizenIds).not.toContain(A);
      expect(cohort.memberCitizenIds).toEqual([...cohort.memberCitizenIds].sort());
      expect(cohort).toMatchObject({ scope: '03199', memberCount: cohort.memberCitizenIds.length });
      expect(cohort.clubCount).toBeGreaterThanOrEqual(2);
      expect([...ctx.access.reads.keys()].sort()).toEqual(cohort.memberCitizenIds);
      expect(ctx.access.reads.get(B)).toEqual(new Set(['association:ClubMemberCohort.memberCitizenIds']));
    });

    it('counts the province as every club', async () => {
      const res = await executeOperation(sg.apollo, q, { s: '12' }, sg.context({ role: 'coordinator' }, 'STATISTICS'));
      expect(res.errors).toBeUndefined();
      expect((res.data?.clubMemberCohort as any).scope).toBe('12');
    });

    it('hands the list over only for statistics; figures need no purpose', async () => {
      const list = await executeOperation(sg.apollo, q, { s: '03199' }, sg.context({ role: 'coordinator' }, null));
      expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const figures = await executeOperation(
        sg.apollo,
        `{ clubMemberCohort(scope: "03199") { memberCount } }`,
        undefined,
        sg.context({ role: 'coordinator' }, null),
      );
      expect(figures.errors).toBeUndefined();
    });

    it.each([
      ['another province', '13', { role: 'coordinator' }, 'BAD_USER_INPUT'],
      ['a district-length code', '031', { role: 'coordinator' }, 'BAD_USER_INPUT'],
      ['another commune, for a commune officer', '03388', { role: 'commune-officer', commune: '03199' }, 'FORBIDDEN'],
      ['the province, for a commune officer', '12', { role: 'commune-officer', commune: '03199' }, 'FORBIDDEN'],
      ['an auditor', '03199', { role: 'auditor' }, 'FORBIDDEN'],
    ])('refuses %s', async (_what, scope, identity, code) => {
      const res = await executeOperation(sg.apollo, q, { s: scope }, sg.context(identity as never, 'STATISTICS'));
      expect(res.errors?.[0].extensions?.code).toBe(code);
    });
  });

  describe('recordFundEntry under retries: the ledger and the balance move together, once', () => {
    const m = `mutation($i: RecordFundEntryInput!, $k: String) { recordFundEntry(input: $i, idempotencyKey: $k) { seq balanceAfter amount } }`;
    const entry = (reference: string, type: 'CONTRIBUTION' | 'DISBURSEMENT', amount: number) => ({
      ledger: { fund: 'CARE', unitCode: '03199' },
      reference,
      type,
      amount,
      date: '2024-06-01',
      description: 'Quỹ chăm sóc',
    });
    const book = async () => {
      const head = await sg.models.FundBook.findOne({ ledgerId: 'CARE/03199' }).lean();
      const entries = await sg.models.LedgerEntry.find({ ownerCode: '03199', fund: 'CARE' }).lean();
      return {
        balance: head?.balance ?? 0,
        entries: entries.length,
        sum: entries.reduce((s, e) => s + (e.type === 'CONTRIBUTION' ? e.amount : -e.amount), 0),
      };
    };

    it('adds nothing on a retry with the same key, and refuses the key with another amount', async () => {
      const first = await asStaff(m, { i: entry('F-1', 'CONTRIBUTION', 1_000_000), k: 'fund-key-0001' });
      expect(first.errors).toBeUndefined();
      const after = await book();
      expect(after).toEqual({ balance: 1_000_000, entries: 1, sum: 1_000_000 });
      const again = await asStaff(m, { i: entry('F-1', 'CONTRIBUTION', 1_000_000), k: 'fund-key-0001' });
      expect(again.data).toEqual(first.data);
      expect(await book()).toEqual(after);
      const reused = await asStaff(m, { i: entry('F-1', 'CONTRIBUTION', 2_000_000), k: 'fund-key-0001' });
      expect(reused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
      expect(await book()).toEqual(after);
    });

    it('five concurrent calls with one key write one entry; the balance equals the sum of the entries', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, () => asStaff(m, { i: entry('F-2', 'DISBURSEMENT', 300_000), k: 'fund-key-0002' })),
      );
      for (const r of results) expect(r.errors).toBeUndefined();
      expect(new Set(results.map((r) => JSON.stringify(r.data))).size).toBe(1);
      expect(await book()).toEqual({ balance: 700_000, entries: 2, sum: 700_000 });
    });

    it('a refused disbursement stores no key: the same key is refused the same way, and nothing moves', async () => {
      const before = await book();
      for (let i = 0; i < 2; i++) {
        const res = await asStaff(m, { i: entry('F-3', 'DISBURSEMENT', 9_000_000), k: 'fund-key-0003' });
        expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
        expect(res.errors?.[0].extensions?.reason).toBeUndefined();
      }
      expect(await book()).toEqual(before);
    });
  });
});

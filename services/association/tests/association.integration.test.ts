import type { Connection } from 'mongoose';
import { connectDatabase, QueryCounter } from '@nct/db';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { executeOperation, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { generateSeed } from '@nct/seed';
import { definition, deriveAssociationSeed, seedDatabase, type Models } from '../src';
import { roleSlotOf } from '../src/clubs/club-member.model';
import { registerStub } from './register-stub';

// A small hand-written association, so that expected answers are obvious.
const CLUBS = [
  { clubId: 'CLB-03199-01', name: 'CLB Liên thế hệ Bản Hon', communeCode: '03199', foundedOn: '2021-03-01', decisionNumber: '12/QĐ-UBND' },
  { clubId: 'CLB-03199-02', name: 'CLB Liên thế hệ Nà Tăm', communeCode: '03199', foundedOn: '2022-06-01', decisionNumber: '40/QĐ-UBND' },
  { clubId: 'CLB-03388-01', name: 'CLB Liên thế hệ Tân Phong', communeCode: '03388', foundedOn: '2020-10-01', decisionNumber: '7/QĐ-UBND' },
];
const MEMBERSHIPS = [
  {
    citizenId: '012140000001',
    branchName: 'Chi hội Bản Hon',
    communeCode: '03199',
    joinedOn: '2005-03-01',
    cardNumber: 'HNCT-03199-000001',
  },
  {
    citizenId: '012145000002',
    branchName: 'Chi hội Bản Hon',
    communeCode: '03199',
    joinedOn: '2006-01-01',
    cardNumber: 'HNCT-03199-000002',
  },
].map((m) => ({ ...m, status: 'ACTIVE' }));
const elderly = { elderly: true, young: false };
const younger = { elderly: false, young: true };
const MEMBERS = [
  {
    clubId: 'CLB-03199-01',
    citizenId: '012140000001',
    fullName: 'Nguyễn Văn An',
    birthDate: '1940-03-01',
    sex: 'MALE',
    role: 'CHAIR',
    ...elderly,
    woman: false,
    priority: false,
    joinedOn: '2021-03-01',
  },
  {
    clubId: 'CLB-03199-01',
    citizenId: '012145000002',
    fullName: 'Lò Thị Mai',
    birthDate: '1945-12-31',
    sex: 'FEMALE',
    role: 'MEMBER',
    ...elderly,
    woman: true,
    priority: true,
    joinedOn: '2021-03-01',
  },
  {
    clubId: 'CLB-03199-01',
    citizenId: '012390000009',
    fullName: 'Lò Thị Hương',
    birthDate: '1990-05-05',
    sex: 'FEMALE',
    role: 'VICE_CHAIR',
    ...younger,
    woman: true,
    priority: false,
    joinedOn: '2021-04-01',
  },
  {
    clubId: 'CLB-03199-02',
    citizenId: '012145000002',
    fullName: 'Lò Thị Mai',
    birthDate: '1945-12-31',
    sex: 'FEMALE',
    role: 'MEMBER',
    ...elderly,
    woman: true,
    priority: false,
    joinedOn: '2022-06-01',
  },
].map((m) => ({ ...m, roleSlot: roleSlotOf(m as { role: 'CHAIR' | 'MEMBER'; citizenId: string }) }));

/** 100 more people, each a member with one club membership: the batching fixture. */
const BULK_IDS = Array.from({ length: 100 }, (_, i) => `012150${String(i).padStart(6, '0')}`);

/** The register as these tests need it (the association reads birth and death dates through the graph). */
const register = registerStub({
  '012148000077': { birthDate: '1948-04-04', sex: 'MALE' },
  '012148000078': { birthDate: '1948-05-05', sex: 'MALE' },
  '012148000079': { birthDate: '1948-06-06', sex: 'MALE' },
  '012170000079': { birthDate: '1970-03-03', sex: 'MALE' },
  '012160000079': { birthDate: '1960-12-01', sex: 'MALE' },
  '012160000080': { birthDate: '1960-09-30', sex: 'MALE' },
  '012148000082': { birthDate: '1948-07-07', deathDate: '2020-09-30', sex: 'MALE' },
  '012142000456': { birthDate: '1942-02-02', sex: 'FEMALE' },
  '012141000457': { birthDate: '1941-01-01', deathDate: '2024-01-01', sex: 'FEMALE' },
});

describe('association subgraph on the real database', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  const run = (query: string, variables?: Record<string, unknown>) => executeOperation(sg.apollo, query, variables, sg.context());

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('association'));
    sg = await createSubgraph(definition, conn, { graph: register.graph });
    await sg.models.Club.insertMany(CLUBS);
    await sg.models.Branch.insertMany([
      { branchId: 'CH-03199-001', communeCode: '03199', name: 'Chi hội Bản Hon', village: 'Bản Hon', groups: ['Tổ 1', 'Tổ 2'] },
    ]);
    await sg.models.Membership.insertMany([
      ...MEMBERSHIPS,
      ...BULK_IDS.map((citizenId, i) => ({
        citizenId,
        branchName: 'Chi hội Nà Tăm',
        communeCode: '03199',
        joinedOn: '2015-01-01',
        cardNumber: `HNCT-03199-1${String(i).padStart(5, '0')}`,
        status: 'ACTIVE',
      })),
    ]);
    await sg.models.ClubMember.insertMany([
      ...MEMBERS,
      ...BULK_IDS.map((citizenId) => ({
        clubId: 'CLB-03388-01',
        citizenId,
        fullName: 'Trần Văn Bình',
        birthDate: '1950-01-01',
        sex: 'MALE',
        role: 'MEMBER',
        ...elderly,
        woman: false,
        priority: false,
        joinedOn: '2021-01-01',
        roleSlot: citizenId,
      })),
    ]);
  });

  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  const PERSON_FIELDS = `... on Person { citizenId membership { branchName communeCode joinedOn cardNumber status } clubs { role elderly woman young priority joinedOn club { clubId name } } }`;
  const entities = (ids: string[]) =>
    run(`query($r: [_Any!]!) { _entities(representations: $r) { ${PERSON_FIELDS} } }`, {
      r: ids.map((citizenId) => ({ __typename: 'Person', citizenId })),
    });

  describe('Person fields', () => {
    it('adds membership and clubs to a person, and nothing to a stranger', async () => {
      const res = await entities(['012145000002', '012199999999']);
      expect(res.errors).toBeUndefined();
      const [mai, stranger] = res.data?._entities as any[];
      expect(mai.membership).toEqual({
        branchName: 'Chi hội Bản Hon',
        communeCode: '03199',
        joinedOn: '2006-01-01',
        cardNumber: 'HNCT-03199-000002',
        status: 'ACTIVE',
      });
      expect(mai.clubs).toEqual([
        {
          role: 'MEMBER',
          elderly: true,
          woman: true,
          young: false,
          priority: true,
          joinedOn: '2021-03-01',
          club: { clubId: 'CLB-03199-01', name: 'CLB Liên thế hệ Bản Hon' },
        },
        {
          role: 'MEMBER',
          elderly: true,
          woman: true,
          young: false,
          priority: false,
          joinedOn: '2022-06-01',
          club: { clubId: 'CLB-03199-02', name: 'CLB Liên thế hệ Nà Tăm' },
        },
      ]);
      expect(stranger).toEqual({ citizenId: '012199999999', membership: null, clubs: [] });
    });

    it('reads each collection once per _entities batch, whatever the number of people (3 queries)', async () => {
      const counter = new QueryCounter([conn]);
      const one = await entities(BULK_IDS.slice(0, 1));
      const forOne = counter.total();
      counter.reset();
      const hundred = await entities(BULK_IDS);
      const forHundred = counter.total();
      counter.detach();
      expect(one.errors).toBeUndefined();
      expect(hundred.errors).toBeUndefined();
      const people = hundred.data?._entities as any[];
      expect(people).toHaveLength(100);
      expect(people.every((p) => p.membership && p.clubs.length === 1 && p.clubs[0].club.clubId === 'CLB-03388-01')).toBe(true);
      // memberships, club_members (by person), clubs: one find each.
      expect(forOne).toBe(3);
      expect(forHundred).toBe(3);
    });
  });

  describe('Club entity and queries', () => {
    it('returns a club with its commune reference, member count and members', async () => {
      const res = await run(`{ club(clubId: "CLB-03199-01") { clubId name commune { code } foundedOn decisionNumber memberCount
        members(first: 10) { edges { node { citizenId fullName role elderly young woman person { citizenId } club { clubId } } } pageInfo { hasNextPage } } } }`);
      expect(res.errors).toBeUndefined();
      const club = res.data?.club as any;
      expect(club).toMatchObject({
        name: 'CLB Liên thế hệ Bản Hon',
        commune: { code: '03199' },
        foundedOn: '2021-03-01',
        decisionNumber: '12/QĐ-UBND',
        memberCount: 3,
      });
      expect(club.members.pageInfo.hasNextPage).toBe(false);
      expect(club.members.edges.map((e: any) => [e.node.citizenId, e.node.role, e.node.person?.citizenId ?? null])).toEqual([
        ['012140000001', 'CHAIR', '012140000001'],
        ['012145000002', 'MEMBER', '012145000002'],
        ['012390000009', 'VICE_CHAIR', null], // younger member: not in the elderly register
      ]);
      expect(club.members.edges.every((e: any) => e.node.club.clubId === 'CLB-03199-01')).toBe(true);
    });

    it('pages club members with cursors', async () => {
      const q = `query($after: String) { club(clubId: "CLB-03388-01") { members(first: 60, after: $after) { edges { cursor node { citizenId } } pageInfo { hasNextPage endCursor } } } }`;
      const p1 = ((await run(q)).data?.club as any).members;
      const p2 = ((await run(q, { after: p1.pageInfo.endCursor })).data?.club as any).members;
      expect([p1.edges.length, p1.pageInfo.hasNextPage, p2.edges.length, p2.pageInfo.hasNextPage]).toEqual([60, true, 40, false]);
      expect(new Set([...p1.edges, ...p2.edges].map((e: any) => e.node.citizenId)).size).toBe(100);
    });

    it('returns null for an unknown club and refuses a malformed ID', async () => {
      const res = await run(`{ club(clubId: "CLB-99999-01") { name } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data?.club).toBeNull();
      for (const id of ['CLB-1-1', '{"$gt":""}', 'x'.repeat(500)]) {
        const bad = await run(`query($id: ID!) { club(clubId: $id) { name } }`, { id });
        expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      }
    });

    it('lists clubs by commune with a total, in pages', async () => {
      const res = await run(`{ a: clubs(filter: { communeCode: "03199" }) { totalCount edges { node { clubId memberCount } } }
                                b: clubs(first: 2) { totalCount edges { node { clubId } } pageInfo { hasNextPage endCursor } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data?.a).toEqual({
        totalCount: 2,
        edges: [{ node: { clubId: 'CLB-03199-01', memberCount: 3 } }, { node: { clubId: 'CLB-03199-02', memberCount: 1 } }],
      });
      const b = res.data?.b as any;
      expect([b.totalCount, b.edges.length, b.pageInfo.hasNextPage]).toEqual([3, 2, true]);
      const next = await run(
        `query($after: String) { clubs(first: 2, after: $after) { edges { node { clubId } } pageInfo { hasNextPage } } }`,
        { after: b.pageInfo.endCursor },
      );
      expect(next.data?.clubs).toEqual({ edges: [{ node: { clubId: 'CLB-03388-01' } }], pageInfo: { hasNextPage: false } });
    });

    it.each([
      `filter: { communeCode: "031" }`,
      `filter: { communeCode: "{\\"$gt\\":\\"\\"}" }`,
      `first: 101`,
      `first: 0`,
      `after: "nope!"`,
    ])('refuses clubs(%s)', async (args) => {
      const res = await run(`{ clubs(${args}) { totalCount } }`);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('resolves Club representations in one query', async () => {
      const counter = new QueryCounter([conn]);
      const res = await run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Club { clubId name } } }`, {
        r: [
          ...CLUBS.map((c) => ({ __typename: 'Club', clubId: c.clubId })),
          { __typename: 'Club', clubId: 'CLB-00000-00' },
          { __typename: 'Club', clubId: 'junk' },
        ],
      });
      counter.detach();
      expect(res.errors).toBeUndefined();
      expect((res.data?._entities as any[]).map((c) => c?.clubId ?? null)).toEqual([...CLUBS.map((c) => c.clubId), null, null]);
      expect(counter.total()).toBe(1);
    });
  });

  describe('joinAssociation', () => {
    const mutation = `mutation($input: JoinAssociationInput!) { joinAssociation(input: $input) { citizenId branchId branchName groupName communeCode joinedOn cardNumber status } }`;
    const input = {
      citizenId: '012148000077',
      branchId: 'CH-03199-001',
      groupName: ' Tổ 1 ',
      joinedOn: '2020-10-01',
      cardNumber: 'hnct-03199-000077',
    };
    const count = () => sg.models.Membership.countDocuments({});

    it('admits a member into a branch and group, normalised, and shows it on the person at once', async () => {
      const res = await run(mutation, { input });
      expect(res.errors).toBeUndefined();
      expect(res.data?.joinAssociation).toEqual({
        citizenId: '012148000077',
        branchId: 'CH-03199-001',
        branchName: 'Chi hội Bản Hon',
        groupName: 'Tổ 1',
        communeCode: '03199',
        joinedOn: '2020-10-01',
        cardNumber: 'HNCT-03199-000077',
        status: 'ACTIVE',
      });
      const person = ((await entities(['012148000077'])).data?._entities as any[])[0];
      expect(person).toEqual({
        citizenId: '012148000077',
        membership: {
          branchName: 'Chi hội Bản Hon',
          communeCode: '03199',
          joinedOn: '2020-10-01',
          cardNumber: 'HNCT-03199-000077',
          status: 'ACTIVE',
        },
        clubs: [],
      });
    });

    it.each([
      ['the same person', { cardNumber: 'HNCT-03199-000078' }, 'citizenId'],
      ['an issued card', { citizenId: '012148000078', cardNumber: 'HNCT-03199-000001' }, 'cardNumber'],
    ])('refuses %s with CONFLICT and writes nothing', async (_what, change, field) => {
      const before = await count();
      const res = await run(mutation, { input: { ...input, ...change } });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0].extensions?.field).toBe(field);
      expect(await count()).toBe(before);
    });

    it.each([
      ['a future joining date', { joinedOn: '2999-01-01' }, 'joinedOn'],
      ['a malformed branch ID', { branchId: 'CH-3199-1' }, 'branchId'],
      ['an operator as branch ID', { branchId: '{"$gt":""}' }, 'branchId'],
      ['a 5000-character card number', { cardNumber: 'y'.repeat(5000) }, 'cardNumber'],
      ['a 5-digit citizen ID', { citizenId: '12345' }, 'citizenId'],
      ['someone born in 1970 (under 60 in 2020, per the register)', { citizenId: '012170000079' }, 'joinedOn'],
      ['the 60th year, birthday still ahead (the register)', { citizenId: '012160000079' }, 'joinedOn'],
      [
        'the 60th year, birthday still ahead, declared as the register has it',
        { citizenId: '012160000079', birthDate: '1960-12-01' },
        'joinedOn',
      ],
      [
        'a birth date that differs from the register (IDENTITY_MISMATCH)',
        { citizenId: '012160000079', birthDate: '1959-01-01' },
        'birthDate',
      ],
      ['someone the register records as dead before joining', { citizenId: '012148000082' }, 'joinedOn'],
      ['a group the branch does not have', { groupName: 'Tổ 9' }, 'groupName'],
    ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_what, change, field) => {
      const before = await count();
      const res = await run(mutation, { input: { ...input, citizenId: '012148000079', cardNumber: 'HNCT-03199-000079', ...change } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((res.errors?.[0].extensions?.problems as any[]).map((p) => p.field)).toEqual([field]);
      expect(await count()).toBe(before);
    });

    it('admits someone in the year of their 60th birthday once it has passed, and keeps the declared date', async () => {
      const res = await run(mutation, {
        input: { ...input, citizenId: '012160000080', cardNumber: 'HNCT-03199-000080', birthDate: '1960-09-30' },
      });
      expect(res.errors).toBeUndefined();
      expect((await sg.models.Membership.findOne({ citizenId: '012160000080' }).lean())?.declaredBirthDate).toBe('1960-09-30');
    });

    it('names both birth dates when the one given differs from the register (IDENTITY_MISMATCH), in both languages', async () => {
      const res = await run(mutation, {
        input: { ...input, citizenId: '012160000079', cardNumber: 'HNCT-03199-000079', birthDate: '1959-01-01' },
      });
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'IDENTITY_MISMATCH',
        mismatches: [{ field: 'birthDate', given: '1959-01-01', register: '1960-12-01' }],
        problems: [{ field: 'birthDate', problem: 'IDENTITY_MISMATCH' }],
      });
      expect(res.errors?.[0].extensions?.messageVi).toContain('1960-12-01');
      expect(res.errors?.[0].extensions?.messageEn).toContain('1959-01-01');
    });

    it('asks the register through the graph for the Association (purpose ASSOCIATION_ACTIVITIES)', async () => {
      const before = register.calls.length;
      await run(mutation, { input: { ...input, citizenId: '012170000079', cardNumber: 'HNCT-03199-000083' } });
      expect(register.calls.slice(before)).toEqual([
        expect.objectContaining({ purpose: 'ASSOCIATION_ACTIVITIES', variables: { citizenId: '012170000079' } }),
      ]);
    });

    it('refuses someone the register does not know with NOT_FOUND, and writes nothing', async () => {
      const res = await run(mutation, { input: { ...input, citizenId: '012148000099', cardNumber: 'HNCT-03199-000099' } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_IN_REGISTER' });
      expect(await sg.models.Membership.exists({ citizenId: '012148000099' })).toBeNull();
    });

    it('refuses with DEPENDENCY_UNAVAILABLE and writes nothing when the register cannot be reached', async () => {
      register.unreachable = true;
      try {
        const res = await run(mutation, { input: { ...input, citizenId: '012148000078', cardNumber: 'HNCT-03199-000078' } });
        expect(res.errors?.[0].extensions?.code).toBe('DEPENDENCY_UNAVAILABLE');
        expect(await sg.models.Membership.exists({ citizenId: '012148000078' })).toBeNull();
      } finally {
        register.unreachable = false;
      }
    });

    it('refuses an unknown branch with NOT_FOUND', async () => {
      const res = await run(mutation, { input: { ...input, citizenId: '012148000081', cardNumber: 'X-1', branchId: 'CH-03199-999' } });
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await sg.models.Membership.exists({ citizenId: '012148000081' })).toBeNull();
    });

    it('refuses a malformed date at the scalar', async () => {
      const res = await run(mutation, { input: { ...input, citizenId: '012148000079', joinedOn: '2020-02-30' } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await sg.models.Membership.exists({ citizenId: '012148000079' })).toBeNull();
    });

    it('checks the age rule against the register afterwards (membershipEligibility @requires birthDate)', async () => {
      const res = await run(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { citizenId membershipEligibility { ageAtJoining eligible declaredBirthDate declaredMatchesRegister } } } }`,
        {
          r: [
            { __typename: 'Person', citizenId: '012160000080', birthDate: '1960-09-30' },
            { __typename: 'Person', citizenId: '012148000077', birthDate: '1961-01-01' }, // the register disagrees with the ID: flagged
            { __typename: 'Person', citizenId: '012199999999', birthDate: '1940-01-01' },
          ],
        },
      );
      expect(res.errors).toBeUndefined();
      expect((res.data?._entities as any[]).map((p) => p.membershipEligibility)).toEqual([
        { ageAtJoining: 60, eligible: true, declaredBirthDate: '1960-09-30', declaredMatchesRegister: true },
        { ageAtJoining: 59, eligible: false, declaredBirthDate: null, declaredMatchesRegister: null },
        null,
      ]);
    });
  });

  describe('addClubMember', () => {
    const mutation = `mutation($input: AddClubMemberInput!) { addClubMember(input: $input) { citizenId fullName role elderly woman young priority joinedOn person { citizenId } club { clubId } } }`;
    // A younger man (digit 4 = 0: male, 1900s; 85: born 1985), and an elderly woman.
    const young = {
      clubId: 'CLB-03199-02',
      citizenId: '012085000123',
      fullName: ' Lường Văn Tâm ',
      birthDate: '1985-07-07',
      sex: 'MALE',
      elderly: false,
      woman: false,
      young: true,
      joinedOn: '2023-01-01',
    };
    const old = {
      clubId: 'CLB-03199-02',
      citizenId: '012142000456',
      fullName: 'Vì Thị Lan',
      birthDate: '1942-02-02',
      sex: 'FEMALE',
      elderly: true,
      woman: true,
      young: false,
      joinedOn: '2023-01-01',
    };
    const count = () => sg.models.ClubMember.countDocuments({});

    it('adds a younger member (no Person link) and an elderly chair', async () => {
      const a = await run(mutation, { input: young });
      expect(a.errors).toBeUndefined();
      expect(a.data?.addClubMember).toEqual({
        citizenId: '012085000123',
        fullName: 'Lường Văn Tâm',
        role: 'MEMBER',
        elderly: false,
        woman: false,
        young: true,
        priority: false,
        joinedOn: '2023-01-01',
        person: null,
        club: { clubId: 'CLB-03199-02' },
      });
      const b = await run(mutation, { input: { ...old, role: 'CHAIR', priority: true } });
      expect(b.errors).toBeUndefined();
      expect(b.data?.addClubMember).toMatchObject({ role: 'CHAIR', priority: true, person: { citizenId: '012142000456' } });
      const c = await run(`{ club(clubId: "CLB-03199-02") { memberCount } }`);
      expect(c.data?.club).toEqual({ memberCount: 3 });
    });

    it.each([
      ['the same person in the same club', { ...young, fullName: 'Người Khác' }, 'citizenId'],
      ['a second chair', { ...young, citizenId: '012090000999', birthDate: '1990-01-01', role: 'CHAIR' }, 'role'],
      ['a second chair in a club that has one from the fixture', { ...young, clubId: 'CLB-03199-01', role: 'CHAIR' }, 'role'],
    ])('refuses %s with CONFLICT and writes nothing', async (_what, input, field) => {
      const before = await count();
      const res = await run(mutation, { input });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0].extensions?.field).toBe(field);
      expect(await count()).toBe(before);
    });

    it.each([
      ['a birth date the register does not have', { birthDate: '1942-02-03' }, 'BAD_USER_INPUT', 'IDENTITY_MISMATCH'],
      ['someone the register records as dead', { citizenId: '012141000457', birthDate: '1941-01-01' }, 'BAD_USER_INPUT', undefined],
      ['an elderly person the register does not know', { citizenId: '012142000458' }, 'NOT_FOUND', 'NOT_IN_REGISTER'],
    ])('refuses %s, from the register, and writes nothing', async (_what, change, code, reason) => {
      const before = await count();
      const res = await run(mutation, { input: { ...old, clubId: 'CLB-03199-01', ...change } });
      expect(res.errors?.[0].extensions?.code).toBe(code);
      expect(res.errors?.[0].extensions?.reason).toBe(reason);
      expect(await count()).toBe(before);
    });

    it('allows the same person in another club and more vice chairs', async () => {
      const res = await run(mutation, { input: { ...young, clubId: 'CLB-03199-01', role: 'VICE_CHAIR' } });
      expect(res.errors).toBeUndefined();
    });

    it('refuses an unknown club with NOT_FOUND and writes nothing', async () => {
      const before = await count();
      const res = await run(mutation, { input: { ...young, clubId: 'CLB-99999-01' } });
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await count()).toBe(before);
    });

    it.each([
      ['a man flagged as woman', { woman: true }, 'woman'],
      ['a 41-year-old flagged elderly', { elderly: true, young: false }, 'elderly'],
      ['a 41-year-old not flagged young', { young: false }, 'young'],
      ['an ID whose digit 4 says female', { citizenId: '012185000123' }, 'citizenId'],
      ['joining before the club was founded', { joinedOn: '2022-05-31' }, 'joinedOn'],
      ['joining in the future', { joinedOn: '2999-01-01' }, 'joinedOn'],
      ['a 5000-character name', { fullName: 'z'.repeat(5000) }, 'fullName'],
      ['a malformed club ID', { clubId: 'CLB-3199-2' }, 'clubId'],
    ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_what, change, field) => {
      const before = await count();
      const res = await run(mutation, { input: { ...young, citizenId: '012085000124', ...change } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((res.errors?.[0].extensions?.problems as any[]).map((p) => p.field)).toContain(field);
      expect(await count()).toBe(before);
    });
  });
});

describe('seedDatabase', () => {
  it('writes the slice, the derived records and the fund book heads once, and keeps no digest', async () => {
    const conn = await connectDatabase(testMongoUri(), uniqueDbName('association_seed'));
    try {
      const sg = await createSubgraph(definition, conn);
      const data = generateSeed({ people: 400, seed: 3, asOf: testToday() });
      const extra = deriveAssociationSeed(data);
      const first = await seedDatabase(sg.models, data);
      expect(first.seeded).toBe(true);
      expect(first.counts).toMatchObject({
        memberships: data.association.memberships.length,
        clubs: data.association.clubs.length,
        clubMembers: data.association.clubMemberships.length,
        celebrations: extra.celebrations.length,
        loans: extra.loans.length,
        fundEntries: extra.fundEntries.length,
        branches: extra.branches.length,
      });
      expect(await seedDatabase(sg.models, data)).toEqual({ seeded: false, counts: {} });
      expect(await sg.models.Membership.countDocuments({ status: 'ACTIVE' })).toBe(data.association.memberships.length);
      expect(await sg.models.Membership.countDocuments({ branchId: null })).toBe(0);
      // One book head per seeded book, equal to its last entry.
      const ledgers = new Set(extra.fundEntries.map((e) => e.ledgerId));
      expect(first.counts.fundBooks).toBe(ledgers.size);
      for (const book of await sg.models.FundBook.find({}).lean()) {
        const last = extra.fundEntries.filter((e) => e.ledgerId === book.ledgerId).sort((a, b) => b.seq - a.seq)[0];
        expect([book.seq, book.balance]).toEqual([last.seq, last.balanceAfter]);
      }
      const collections = (await conn.db!.listCollections().toArray()).map((c) => c.name);
      expect(collections.filter((c) => c.startsWith('digest'))).toEqual([]);
      await sg.apollo.stop();
    } finally {
      await conn.dropDatabase();
      await conn.close();
    }
  });
});

import type { Connection } from 'mongoose';
import { connectDatabase } from '@nct/db';
import { generateSeed, SeedData } from '@nct/seed';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { executeOperation, expectIndexedQueries, readsPerCollection, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, seedDatabase, type Models } from '../src';
import { registerStub } from './register-stub';

const TODAY = testToday();
const YEAR = Number(TODAY.slice(0, 4));

/**
 * Every hot read of the association subgraph, run through the real Apollo server on a seeded
 * database, must start from an index: no COLLSCAN anywhere (no collection is exempted).
 */
describe('association query plans', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  let data: SeedData;
  const run = async (query: string, variables?: Record<string, unknown>) => {
    const res = await executeOperation(sg.apollo, query, variables, sg.context());
    expect(res.errors).toBeUndefined();
    return res.data as any;
  };
  const indexed = (fn: () => Promise<unknown>) => expectIndexedQueries(conn, fn);

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('association_plans'));
    data = generateSeed({ people: 800, seed: 11, asOf: TODAY });
    // The register behind the graph: the seed's people and the IDs the mutations below make up.
    const people = new Map(data.people.map((p) => [p.citizenId, p]));
    const register = registerStub({ '012140000777': { birthDate: '1940-07-07', sex: 'MALE' } }, (id) => {
      const p = people.get(id);
      if (p) return { birthDate: p.birthDate, deathDate: p.deathDate, sex: p.sex };
      const made = /^0121(\d\d)000777$/.exec(id);
      return made ? { birthDate: `19${made[1]}-06-15`, sex: 'MALE' } : null;
    });
    sg = await createSubgraph(definition, conn, { graph: register.graph });
    await seedDatabase(sg.models, data);
  });
  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  /** 100 people, club members first, so that every Person field has something to read. */
  const hundred = () => {
    const inClubs = new Set(data.association.clubMemberships.filter((m) => m.elderly).map((m) => m.citizenId));
    const people = [...data.people].sort((a, b) => Number(inClubs.has(b.citizenId)) - Number(inClubs.has(a.citizenId)));
    return people
      .slice(0, 100)
      .map((p) => ({ __typename: 'Person', citizenId: p.citizenId, birthDate: p.birthDate, deathDate: p.deathDate }));
  };
  const PERSON = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { citizenId
    membership { cardNumber status branchId } clubs { role priority club { clubId name } }
    membershipEligibility { eligible } longevityCelebration(year: ${YEAR}) { status giftAmount }
    exemplaryRecognitions { year level } } } }`;

  it('serves a 100-person entity batch with every Person field from indexes, one query per collection', async () => {
    let people: any[] = [];
    const plans = await indexed(async () => {
      people = (await run(PERSON, { r: hundred() }))._entities;
    });
    expect(people).toHaveLength(100);
    expect(people.some((p) => p.clubs.length > 0)).toBe(true);
    expect(people.some((p) => p.membership)).toBe(true);
    expect(people.some((p) => p.longevityCelebration)).toBe(true);
    expect(readsPerCollection(plans)).toEqual({ memberships: 1, club_members: 1, clubs: 1, celebrations: 1, recognitions: 1 });
  });

  it('Q3: clubPriorityMembers of a commune', async () => {
    const commune = data.association.clubs[0].communeCode;
    await indexed(() => run(`query($c: String!) { clubPriorityMembers(communeCode: $c) { citizenId } }`, { c: commune }));
  });

  it('Q7: clubs with compliance, province-wide and per commune, and every club field', async () => {
    const commune = data.association.clubs[0].communeCode;
    const fields = `clubId name memberCount commune { code } compliance(asOf: "${TODAY}") { met loanSharePercent missingAreas }
      board { citizenId } loans { reference } activities { reference } funds { balance entryCount } members(first: 20) { edges { node { citizenId } } }`;
    await indexed(() =>
      run(
        `query($c: String) {
        off: clubs(filter: { outsideTargets: true, asOf: "${TODAY}" }, first: 100) { totalCount edges { node { ${fields} } } }
        low: clubs(filter: { communeCode: $c, belowLoanShare: true, asOf: "${TODAY}" }, first: 100) { totalCount edges { node { clubId } } }
        page: clubs(first: 5) { totalCount edges { node { clubId } } pageInfo { endCursor } }
        commune: clubs(filter: { communeCode: $c }, first: 5) { totalCount edges { node { clubId } } } }`,
        { c: commune },
      ),
    );
    const first = (await run(`{ clubs(first: 2) { pageInfo { endCursor } } }`)).clubs.pageInfo.endCursor;
    await indexed(() => run(`query($a: String) { clubs(first: 2, after: $a) { edges { node { clubId } } } }`, { a: first }));
  });

  it('Q6 and Q15: club coverage, club counts and centenarian celebrations on a batch of all communes', async () => {
    const communes = data.communes.map((c) => ({ __typename: 'AdministrativeUnit', code: c.code, mountainous: c.mountainous }));
    const province = {
      __typename: 'AdministrativeUnit',
      code: data.province.code,
      communes: data.communes.map((c) => ({ code: c.code, mountainous: c.mountainous })),
    };
    const res = await indexed(() =>
      run(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { code clubCount clubs { clubId }
        centenarianCelebrations(year: ${YEAR}) clubCoverage(asOf: "${TODAY}") { clubs met } } } }`,
        { r: [...communes, province] },
      ),
    );
    expect(res.length).toBeGreaterThan(0);
  });

  it('Q8 figures: celebrations by status for all communes (one aggregation from {year, age})', async () => {
    const province = {
      __typename: 'AdministrativeUnit',
      code: data.province.code,
      communes: data.communes.map((c) => ({ code: c.code, livingBirthYearsToday: [{ year: YEAR - 70, count: 9 }] })),
    };
    const res = await indexed(() =>
      run(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit {
        longevityCelebrationStatus(year: ${YEAR}) { total { due delivered notDelivered planned } } } } }`,
        { r: [province] },
      ),
    );
    expect(res.length).toBeGreaterThan(0);
  });

  it('Q8: the longevity-celebration rule (no database) and the list batch', async () => {
    await run(`{ longevityCelebrationRule(year: ${YEAR}) { calendarAges } }`);
    await indexed(() =>
      run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { longevityCelebration(year: ${YEAR}) { status } } } }`, {
        r: hundred(),
      }),
    );
  });

  it('other lists and lookups: a club, Club entities, branches, recognitions, a fund book', async () => {
    const club = data.association.clubs[0];
    await indexed(() =>
      run(
        `query($id: ID!, $c: String!, $r: [_Any!]!) {
        club(clubId: $id) { clubId memberCount }
        _entities(representations: $r) { ... on Club { clubId } }
        branches(communeCode: $c) { branchId }
        exemplaryRecognitions(communeCode: $c, year: ${YEAR}) { citizenId }
        fundLedger(ledger: { fund: CARE, unitCode: $c }) { balance entries(first: 10) { edges { node { seq } } } } }`,
        { id: club.clubId, c: club.communeCode, r: [{ __typename: 'Club', clubId: club.clubId }] },
      ),
    );
  });

  it('Q11: the club-member cohort of a commune and of the province (clubs, then their members)', async () => {
    const commune = data.association.clubs[0].communeCode;
    const q = `query($c: String!, $p: String!) { c: clubMemberCohort(scope: $c) { scope clubCount memberCount memberCitizenIds }
      p: clubMemberCohort(scope: $p) { clubCount memberCount memberCitizenIds } }`;
    const plans = await indexed(async () => {
      const res = await executeOperation(
        sg.apollo,
        q,
        { c: commune, p: data.province.code },
        sg.context({ role: 'coordinator' }, 'STATISTICS'),
      );
      expect(res.errors).toBeUndefined();
      expect((res.data as any).c.memberCount).toBeGreaterThan(0);
    });
    // per scope: the clubs, then one `$in` of their members
    expect(readsPerCollection(plans)).toEqual({ clubs: 2, club_members: 2 });
  });

  it('the death receiver: membership, club memberships, celebrations of one person, by their indexes', async () => {
    const dead = data.people.find((p) => p.deathDate !== null)!;
    await indexed(async () => {
      const res = await executeOperation(
        sg.apollo,
        `mutation($c: ID!) { associationApplyDeath(eventId: "plan-1", citizenId: $c) { outcome } }`,
        { c: dead.citizenId },
        sg.context({ role: 'homeaffairs', subject: 'svc-homeaffairs' }, 'REGISTER_MAINTENANCE'),
      );
      expect(res.errors).toBeUndefined();
    });
  });

  it('mutations: a fund entry (in its transaction), a club member, a membership, a celebration', async () => {
    const club = data.association.clubs[0];
    const branch = await sg.models.Branch.findOne({ communeCode: club.communeCode }).lean();
    await indexed(async () => {
      // with an idempotency key: its record is read and written by `_id`
      await run(`mutation($i: RecordFundEntryInput!) { recordFundEntry(input: $i, idempotencyKey: "plan-fund-0001") { seq } }`, {
        i: {
          ledger: { fund: 'CARE', unitCode: club.communeCode },
          reference: 'PLAN-1',
          type: 'CONTRIBUTION',
          amount: 1000,
          date: TODAY,
          description: 'Kiểm tra',
        },
      });
      await run(`mutation($i: AddClubMemberInput!) { addClubMember(input: $i) { citizenId } }`, {
        i: {
          clubId: club.clubId,
          citizenId: '012085000777',
          fullName: 'Lường Văn Tâm',
          birthDate: '1985-07-07',
          sex: 'MALE',
          elderly: false,
          woman: false,
          young: true,
          joinedOn: TODAY,
        },
      });
      if (branch) {
        await run(`mutation($i: JoinAssociationInput!) { joinAssociation(input: $i) { citizenId } }`, {
          i: { citizenId: '012140000777', branchId: branch.branchId, joinedOn: TODAY, cardNumber: 'PLAN-777' },
        });
      }
      await run(`mutation($i: RecordCelebrationInput!) { recordCelebrationDelivery(input: $i) { status } }`, {
        i: {
          citizenId: `0121${String((YEAR - 1 - 80) % 100).padStart(2, '0')}000777`,
          year: YEAR - 1,
          communeCode: club.communeCode,
          status: 'PLANNED',
        },
      });
    });
  });
});

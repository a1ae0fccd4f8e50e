import type { Connection } from 'mongoose';
import { connectDatabase, QueryCounter } from '@nct/db';
import { generateSeed, SeedData } from '@nct/seed';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { calendarAge, yearOf } from '@nct/dates';
import { executeOperation, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import {
  celebratesAt,
  celebrationView,
  clubCompliance,
  definition,
  deriveAssociationSeed,
  seedDatabase,
  type AssociationSeedExtra,
  type Models,
} from '../src';
import { registerStub } from './register-stub';

const TODAY = testToday();
/** The seed's celebrations are for the year of its `asOf` (today). */
const YEAR = Number(TODAY.slice(0, 4));

describe('association workflows and dashboard fields on a seeded database', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  let data: SeedData;
  let extra: AssociationSeedExtra;
  const run = (query: string, variables?: Record<string, unknown>, identity?: Record<string, unknown>) =>
    executeOperation(sg.apollo, query, variables, sg.context(identity as never));

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('association_flows'));
    data = generateSeed({ people: 1200, seed: 7, asOf: TODAY });
    // The register behind the graph: the seed's people, plus the IDs these tests make up
    // (`0121YY000001`: born in 19YY, per the ID's digits).
    const people = new Map(data.people.map((p) => [p.citizenId, p]));
    const register = registerStub({ '012150000321': { birthDate: '1950-03-03', sex: 'FEMALE' } }, (id) => {
      const p = people.get(id);
      if (p) return { birthDate: p.birthDate, deathDate: p.deathDate, sex: p.sex };
      const made = /^0121(\d\d)000001$/.exec(id);
      return made ? { birthDate: `19${made[1]}-06-15`, sex: 'MALE' } : null;
    });
    sg = await createSubgraph(definition, conn, { graph: register.graph });
    extra = deriveAssociationSeed(data);
    await seedDatabase(sg.models, data);
  });
  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  const celebrating = (year = YEAR) =>
    data.people.filter(
      (p) => celebrationView({ citizenId: p.citizenId, birthDate: p.birthDate, deathDate: p.deathDate }, year, '12', null) !== null,
    );
  const rep = (p: SeedData['people'][number]) => ({
    __typename: 'Person',
    citizenId: p.citizenId,
    birthDate: p.birthDate,
    deathDate: p.deathDate,
  });
  const celebrationOf = (year: number) =>
    `longevityCelebration(year: ${year}) { citizenId age giftLevel giftAmount status deliveredOn reason commune { code } }`;
  const CELEBRATION = celebrationOf(YEAR);
  const entities = (reps: object[], fields: string) =>
    run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${fields} } } }`, { r: reps });

  describe('the seed has positive and negative cases', () => {
    it('derives deterministically', () => {
      expect(JSON.stringify(deriveAssociationSeed(data))).toBe(JSON.stringify(extra));
      const statuses = new Set(extra.celebrations.map((c) => c.status));
      expect([...statuses].sort()).toEqual(['DELIVERED', 'NOT_DELIVERED', 'PLANNED']);
      expect(celebrating().some((p) => !extra.celebrations.some((c) => c.citizenId === p.citizenId))).toBe(true); // nothing recorded yet
      // Died during the year (none early in January): delivered before death, or not delivered with the reason.
      const died = data.people.filter(
        (p) => p.deathDate !== null && p.deathDate >= `${YEAR}-01-01` && celebratesAt(calendarAge(yearOf(p.birthDate), YEAR), YEAR),
      );
      for (const p of died) {
        const rec = extra.celebrations.find((c) => c.citizenId === p.citizenId);
        expect(rec?.status === 'DELIVERED' ? rec.deliveredOn! < p.deathDate! : rec?.reason === 'Đã mất trước khi trao quà').toBe(true);
      }
    });

    it('has clubs on and off target (composition, loans)', async () => {
      const res = await run(
        `{ a: clubs(filter: { outsideTargets: true, asOf: "${data.asOf}" }, first: 100) { totalCount } b: clubs(filter: { belowLoanShare: true, asOf: "${data.asOf}" }, first: 100) { totalCount } c: clubs(first: 1) { totalCount } }`,
      );
      expect(res.errors).toBeUndefined();
      const { a, b, c } = res.data as any;
      expect(a.totalCount).toBeGreaterThan(0);
      expect(b.totalCount).toBeGreaterThan(0);
      expect(a.totalCount).toBeLessThan(c.totalCount);
      expect(b.totalCount).toBeLessThan(c.totalCount);
    });
  });

  describe('Q7: clubs outside targets or below the loan share, from compliance', () => {
    it('matches the compliance rule applied to the seed independently', async () => {
      const expected = data.association.clubs
        .filter((club) => {
          const r = clubCompliance(
            data.asOf,
            data.association.clubMemberships.filter((m) => m.clubId === club.clubId),
            extra.loans.filter((l) => l.clubId === club.clubId),
            extra.activities.filter((a) => a.clubId === club.clubId),
            extra.fundEntries
              .filter((e) => e.ownerCode === club.clubId)
              .map((e) => ({ fund: e.fund === 'CLUB_ACTIVITY' ? ('ACTIVITY' as const) : ('INCOME_GENERATION' as const), date: e.date })),
          );
          return !r.compositionMet || !r.checks.find((c) => c.target === 'LOAN_SHARE')!.met;
        })
        .map((c) => c.clubId)
        .sort();
      const res = await run(`{ a: clubs(filter: { outsideTargets: true, asOf: "${data.asOf}" }, first: 100) { edges { node { clubId } } }
                                b: clubs(filter: { belowLoanShare: true, asOf: "${data.asOf}" }, first: 100) { edges { node { clubId compliance(asOf: "${data.asOf}") { loanSharePercent checks { target met } } } } } }`);
      expect(res.errors).toBeUndefined();
      const ids = new Set([...(res.data as any).a.edges, ...(res.data as any).b.edges].map((e: any) => e.node.clubId));
      expect([...ids].sort()).toEqual(expected);
      expect((res.data as any).b.edges.every((e: any) => e.node.compliance.loanSharePercent < 50)).toBe(true);
    });

    it('pages a filtered list', async () => {
      const q = `query($after: String) { clubs(filter: { outsideTargets: false, asOf: "${data.asOf}" }, first: 2, after: $after) { totalCount edges { node { clubId } } pageInfo { hasNextPage endCursor } } }`;
      const p1 = (await run(q)).data?.clubs as any;
      const p2 = (await run(q, { after: p1.pageInfo.endCursor })).data?.clubs as any;
      expect(p1.edges.length).toBe(2);
      expect(p2.edges[0].node.clubId > p1.edges[1].node.clubId).toBe(true);
      expect(p2.totalCount).toBe(p1.totalCount);
    });

    it.each(['2019-01-01', `${YEAR}-02-30`])('refuses asOf %s', async (asOf) => {
      const res = await run(`query($d: Date) { clubs(filter: { belowLoanShare: true, asOf: $d }) { totalCount } }`, { d: asOf });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('Q8: Person.longevityCelebration (@requires birthDate deathDate)', () => {
    it('returns the same answers whatever the batch size (one batch of 40, batches of 5)', async () => {
      const people = celebrating().slice(0, 40);
      expect(people.length).toBe(40);
      const big = await entities(people.map(rep), CELEBRATION);
      expect(big.errors).toBeUndefined();
      const small: unknown[] = [];
      for (let i = 0; i < people.length; i += 5)
        small.push(...((await entities(people.slice(i, i + 5).map(rep), CELEBRATION)).data?._entities as unknown[]));
      expect(big.data?._entities).toEqual(small);
      const byId = new Map(extra.celebrations.map((c) => [c.citizenId, c]));
      for (const p of big.data?._entities as any[]) {
        const rec = byId.get(p.longevityCelebration.citizenId);
        expect(p.longevityCelebration.status).toBe(rec?.status ?? 'PLANNED');
        expect(p.longevityCelebration.giftAmount).toBeGreaterThan(0);
      }
    });

    it('excludes the deceased and people without a celebrated age that year', async () => {
      // Someone of a celebrated age with nothing recorded, as the register would send them had
      // they died on 1 January (the seed's deaths depend on the date the suite runs at).
      const unrecorded = celebrating().find((p) => !extra.celebrations.some((c) => c.citizenId === p.citizenId))!;
      const dead = { ...unrecorded, deathDate: `${YEAR}-01-01` };
      const notThisYear = data.people.find((p) => p.deathDate === null && !celebrating().includes(p))!;
      const res = await entities([rep(dead), rep(notThisYear)], CELEBRATION);
      expect((res.data?._entities as any[]).map((p) => p.longevityCelebration)).toEqual([null, null]);
    });

    it('costs a constant number of reads per batch: one indexed read per collection, whatever the number of people', async () => {
      const counter = new QueryCounter([conn]);
      const people = celebrating();
      const costs: number[] = [];
      for (const n of [5, 25, 100]) {
        counter.reset();
        const res = await entities(
          people.slice(0, n).map(rep),
          `${CELEBRATION} membership { status } clubs { club { clubId } } exemplaryRecognitions { year }`,
        );
        expect(res.errors).toBeUndefined();
        costs.push(counter.total());
      }
      counter.detach();
      // memberships, club_members, clubs (when someone is in a club), recognitions, celebrations
      expect(costs[1]).toBe(costs[2]);
      expect(costs[0]).toBeLessThanOrEqual(costs[2]);
      expect(costs[2]).toBeLessThanOrEqual(5);
    });
  });

  describe('recordCelebrationDelivery', () => {
    /** A man's citizen ID (province 012) with the birth year `year` (1900s). */
    const idBornIn = (year: number) => `0121${String(year % 100).padStart(2, '0')}000001`;
    const m = `mutation($i: RecordCelebrationInput!) { recordCelebrationDelivery(input: $i) { citizenId age status deliveredOn reason giftLevel giftAmount } }`;
    // Last year's celebrations: the seed records none, and two delivery dates in that year are
    // in the past whatever today is (on 1 January, this year has only one).
    const LAST = YEAR - 1;
    const pick = () => celebrating(LAST)[0];

    it('records PLANNED -> DELIVERED, repeats idempotently, refuses going back, and shows the stored record at once', async () => {
      const p = pick();
      const base = { citizenId: p.citizenId, year: LAST, communeCode: p.communeCode };
      const a = await run(m, { i: { ...base, status: 'PLANNED' } });
      expect(a.errors).toBeUndefined();
      const b = await run(m, { i: { ...base, status: 'DELIVERED', deliveredOn: `${LAST}-10-01` } });
      expect(b.data?.recordCelebrationDelivery).toMatchObject({
        status: 'DELIVERED',
        deliveredOn: `${LAST}-10-01`,
        age: calendarAge(yearOf(p.birthDate), LAST),
      });
      expect((await run(m, { i: { ...base, status: 'DELIVERED', deliveredOn: `${LAST}-10-01` } })).errors).toBeUndefined();
      for (const i of [
        { ...base, status: 'NOT_DELIVERED', reason: 'Nhầm' },
        { ...base, status: 'DELIVERED', deliveredOn: `${LAST}-10-02` },
        { ...base, status: 'PLANNED' },
      ]) {
        expect((await run(m, { i })).errors?.[0].extensions?.code).toBe('CONFLICT');
      }
      expect(await sg.models.Celebration.countDocuments({ citizenId: p.citizenId })).toBe(1);
      const view = await entities([rep(p)], celebrationOf(LAST));
      expect((view.data?._entities as any[])[0].longevityCelebration).toMatchObject({
        status: 'DELIVERED',
        deliveredOn: `${LAST}-10-01`,
        commune: { code: p.communeCode },
      });
    });

    it.each([
      ['an ID with no celebration that year', { citizenId: idBornIn(YEAR - 69) }, 'BAD_USER_INPUT'],
      ['a malformed commune', { communeCode: '0319' }, 'BAD_USER_INPUT'],
      ['DELIVERED without a date', { status: 'DELIVERED' }, 'BAD_USER_INPUT'],
      ['NOT_DELIVERED without a reason', { status: 'NOT_DELIVERED' }, 'BAD_USER_INPUT'],
      ['an impossible date', { status: 'DELIVERED', deliveredOn: `${YEAR}-02-30` }, 'BAD_USER_INPUT'],
      ['a delivery after today', { status: 'DELIVERED', deliveredOn: `${YEAR + 1}-01-01`, year: YEAR + 1 }, 'BAD_USER_INPUT'],
      ['an oversized reason', { status: 'NOT_DELIVERED', reason: 'r'.repeat(5000) }, 'BAD_USER_INPUT'],
    ])('refuses %s and writes nothing', async (_what, change, code) => {
      const before = await sg.models.Celebration.countDocuments({});
      const res = await run(m, { i: { citizenId: idBornIn(YEAR - 70), year: YEAR, communeCode: '03199', status: 'PLANNED', ...change } });
      expect(res.errors?.[0].extensions?.code).toBe(code);
      expect(await sg.models.Celebration.countDocuments({})).toBe(before);
    });

    it('is for association staff only', async () => {
      const res = await run(
        m,
        { i: { citizenId: idBornIn(YEAR - 70), year: YEAR, communeCode: '03199', status: 'PLANNED' } },
        { role: 'commune-officer', commune: '03199' },
      );
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('Q3: clubPriorityMembers', () => {
    it("lists the elderly priority members of the commune's clubs, from the club members collection", async () => {
      const club = data.association.clubs[0];
      const commune = club.communeCode;
      const clubIds = new Set(data.association.clubs.filter((c) => c.communeCode === commune).map((c) => c.clubId));
      const expected = [
        ...new Set(
          data.association.clubMemberships.filter((m) => clubIds.has(m.clubId) && m.priority && m.elderly).map((m) => m.citizenId),
        ),
      ].sort();
      // The seed's flags are as of its date, which is today: the rule recomputes them from birth dates.
      const res = await run(`query($c: String!) { clubPriorityMembers(communeCode: $c) { citizenId } }`, { c: commune });
      expect(res.errors).toBeUndefined();
      expect((res.data?.clubPriorityMembers as any[]).map((p) => p.citizenId)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
      const other = await run(
        `query($c: String!) { clubPriorityMembers(communeCode: $c) { citizenId } }`,
        { c: commune },
        { role: 'commune-officer', commune: '99999' },
      );
      expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('AdministrativeUnit: Q6 clubCount and coverage, Q15 centenarian celebrations', () => {
    const unitQuery = () =>
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { code clubCount clubs { clubId } centenarianCelebrations(year: ${YEAR}) clubCoverage(asOf: "${data.asOf}") { clubs communesWithClub all { communes covered sharePercent targetPercent met } lowland { communes covered met } mountain { communes covered met } met communesWithoutClub } } } }`;

    it('counts clubs per commune and computes the province coverage from the communes home affairs sends', async () => {
      const communes = data.communes.map((c) => ({ __typename: 'AdministrativeUnit', code: c.code, mountainous: c.mountainous }));
      const province = {
        __typename: 'AdministrativeUnit',
        code: data.province.code,
        communes: data.communes.map((c) => ({ code: c.code, mountainous: c.mountainous })),
      };
      const counter = new QueryCounter([conn]);
      const res = await run(unitQuery(), { r: [...communes, province] });
      counter.detach();
      expect(res.errors).toBeUndefined();
      const units = res.data?._entities as any[];
      const count = (code: string) => data.association.clubs.filter((c) => c.communeCode === code && c.foundedOn <= data.asOf).length;
      for (const u of units.slice(0, -1)) expect(u.clubCount).toBe(data.association.clubs.filter((c) => c.communeCode === u.code).length);
      const cov = units[units.length - 1].clubCoverage;
      const withClub = data.communes.filter((c) => count(c.code) > 0).length;
      expect(cov.communesWithClub).toBe(withClub);
      expect(cov.all.communes).toBe(data.communes.length);
      expect(cov.communesWithoutClub.length).toBe(data.communes.length - withClub);
      expect(cov.communesWithoutClub.length).toBeGreaterThan(0); // negative cases in the seed
      expect(units.slice(0, -1).every((u: any) => u.clubCoverage === null)).toBe(true);
      // clubs by commune (one `$in`), centenarian celebrations (one aggregation)
      expect(counter.total()).toBe(2);
    });

    it('counts 100+ celebrations per commune (not NOT_DELIVERED), withholding small cells from coordinators', async () => {
      const byCommune = new Map<string, number>();
      for (const c of extra.celebrations)
        if (c.age >= 100 && c.status !== 'NOT_DELIVERED') byCommune.set(c.communeCode, (byCommune.get(c.communeCode) ?? 0) + 1);
      const reps = data.communes.map((c) => ({ __typename: 'AdministrativeUnit', code: c.code }));
      const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { code centenarianCelebrations(year: ${YEAR}) } } }`;
      const staff = (await run(q, { r: reps })).data?._entities as any[];
      expect(staff.map((u) => u.centenarianCelebrations)).toEqual(data.communes.map((c) => byCommune.get(c.code) ?? 0));
      const coord = (await run(q, { r: reps }, { role: 'coordinator' })).data?._entities as any[];
      expect(coord.map((u) => u.centenarianCelebrations)).toEqual(
        data.communes.map((c) => {
          const n = byCommune.get(c.code) ?? 0;
          return n > 0 && n < 5 ? null : n;
        }),
      );
    });
  });

  describe('fund books', () => {
    const m = `mutation($i: RecordFundEntryInput!) { recordFundEntry(input: $i) { seq reference type amount balanceAfter } }`;
    const ledger = { fund: 'CARE', unitCode: '09999' };
    const entry = (reference: string, type: string, amount: number, book = ledger) => ({
      ledger: book,
      reference,
      type,
      amount,
      date: TODAY,
      description: 'Quỹ chăm sóc NCT',
    });
    const balance = async () =>
      (
        (
          await run(
            `{ fundLedger(ledger: { fund: CARE, unitCode: "09999" }) { balance contributions disbursements entryCount entries(first: 100) { edges { node { seq amount type balanceAfter } } } } }`,
          )
        ).data as any
      ).fundLedger;

    it('keeps balance = sum of entries, refuses overdrafts, and is idempotent by reference', async () => {
      expect((await run(m, { i: entry('C-1', 'CONTRIBUTION', 1_000_000) })).data?.recordFundEntry).toEqual({
        seq: 1,
        reference: 'C-1',
        type: 'CONTRIBUTION',
        amount: 1_000_000,
        balanceAfter: 1_000_000,
      });
      const over = await run(m, { i: entry('D-1', 'DISBURSEMENT', 1_000_001) });
      expect(over.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'amount', balance: 1_000_000 });
      expect((await run(m, { i: entry('D-2', 'DISBURSEMENT', 1_000_000) })).data?.recordFundEntry).toMatchObject({
        seq: 2,
        balanceAfter: 0,
      });
      expect((await run(m, { i: entry('C-1', 'CONTRIBUTION', 1_000_000) })).data?.recordFundEntry).toMatchObject({ seq: 1 }); // retry
      expect((await run(m, { i: entry('C-1', 'CONTRIBUTION', 5) })).errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        field: 'reference',
      });
      expect(await balance()).toMatchObject({ balance: 0, contributions: 1_000_000, disbursements: 1_000_000, entryCount: 2 });
    });

    it('serialises concurrent writers on one book without losing or forking entries', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => run(m, { i: entry(`P-${i}`, 'CONTRIBUTION', 100_000) })));
      expect(results.every((r) => !r.errors)).toBe(true);
      const b = await balance();
      expect(b.balance).toBe(800_000);
      expect(b.entries.edges.map((e: any) => e.node.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      let running = 0;
      for (const { node } of b.entries.edges) {
        running += node.type === 'CONTRIBUTION' ? node.amount : -node.amount;
        expect(node.balanceAfter).toBe(running);
      }
    });

    const book = (unitCode: string) => ({ fund: 'CARE', unitCode });
    const headOf = (unitCode: string) => sg.models.FundBook.findOne({ ledgerId: `CARE/${unitCode}` }).lean();

    it('keeps the book head equal to the last entry', async () => {
      const head = await headOf('09999');
      const b = await balance();
      expect([head?.seq, head?.balance]).toEqual([b.entryCount, b.balance]);
    });

    it('never lets two concurrent disbursements spend the same money (one transaction per entry)', async () => {
      expect((await run(m, { i: entry('T-C', 'CONTRIBUTION', 1_000, book('09990')) })).errors).toBeUndefined();
      const results = await Promise.all(
        ['T-D1', 'T-D2', 'T-D3'].map((ref) => run(m, { i: entry(ref, 'DISBURSEMENT', 600, book('09990')) })),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(
        results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT' && r.errors?.[0].extensions?.field === 'amount'),
      ).toHaveLength(2);
      const entries = await sg.models.LedgerEntry.find({ ledgerId: 'CARE/09990' }).sort({ seq: 1 }).lean();
      expect(entries.map((e) => [e.seq, e.balanceAfter])).toEqual([
        [1, 1_000],
        [2, 400],
      ]);
      expect(await headOf('09990')).toMatchObject({ seq: 2, balance: 400 });
    });

    it('writes nothing when the entry fails after the book was updated (the transaction is aborted)', async () => {
      expect((await run(m, { i: entry('F-1', 'CONTRIBUTION', 5_000, book('09991')) })).errors).toBeUndefined();
      // A stray entry at the next seq makes the entry insert fail with a duplicate key, after
      // the book head has been moved inside the transaction.
      await sg.models.LedgerEntry.create({
        ledgerId: 'CARE/09991',
        fund: 'CARE',
        ownerCode: '09991',
        seq: 2,
        reference: 'STRAY',
        type: 'CONTRIBUTION',
        amount: 1,
        balanceAfter: 5_001,
        date: TODAY,
        description: 'x',
      });
      const res = await run(m, { i: entry('F-2', 'DISBURSEMENT', 2_000, book('09991')) });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(await headOf('09991')).toMatchObject({ seq: 1, balance: 5_000 });
      expect(await sg.models.LedgerEntry.exists({ ledgerId: 'CARE/09991', reference: 'F-2' })).toBeNull();
    });

    it('keeps the seeded club books consistent and shows both club funds', async () => {
      const club = data.association.clubs[0];
      const res = await run(`query($c: ID!) { club(clubId: $c) { funds { fund balance contributions disbursements entryCount } } }`, {
        c: club.clubId,
      });
      const funds = (res.data?.club as any).funds;
      for (const f of funds) expect(f.balance).toBe(f.contributions - f.disbursements);
      expect(funds.map((f: any) => f.fund)).toEqual(['CLUB_INCOME_GENERATION', 'CLUB_ACTIVITY']);
    });

    it.each([
      ['an unknown club', { ledger: { fund: 'CLUB_ACTIVITY', clubId: 'CLB-99999-01' } }, 'NOT_FOUND'],
      ['a malformed unit code', { ledger: { fund: 'CARE', unitCode: '1' } }, 'BAD_USER_INPUT'],
      ['a club fund named by unit', { ledger: { fund: 'CLUB_ACTIVITY', unitCode: '09999' } }, 'BAD_USER_INPUT'],
      ['a zero amount', { amount: 0 }, 'BAD_USER_INPUT'],
      ['an oversized description', { description: 'd'.repeat(5000) }, 'BAD_USER_INPUT'],
      ['an impossible date', { date: `${YEAR}-02-30` }, 'BAD_USER_INPUT'],
      ['a date after today', { date: `${YEAR + 1}-01-01` }, 'BAD_USER_INPUT'],
      ['an operator as reference', { reference: '{"$gt":""}' }, 'BAD_USER_INPUT'],
    ])('refuses %s and writes nothing', async (_what, change, code) => {
      const before = await sg.models.LedgerEntry.countDocuments({});
      const res = await run(m, { i: { ...entry('Z-1', 'CONTRIBUTION', 1000), ...change } });
      expect(res.errors?.[0].extensions?.code).toBe(code);
      expect(await sg.models.LedgerEntry.countDocuments({})).toBe(before);
    });
  });

  describe('clubs, loans, activities, branches, recognitions', () => {
    const commune = '09998';
    it('founds a club, adds members, records loans and activities, and reports compliance', async () => {
      const c = await run(
        `mutation { createClub(input: { clubId: "CLB-${commune}-01", name: "CLB Thử", communeCode: "${commune}", foundedOn: "2025-01-01", decisionNumber: "999/QĐ-UBND" }) { clubId memberCount } }`,
      );
      expect(c.errors).toBeUndefined();
      const add = `mutation($i: AddClubMemberInput!) { addClubMember(input: $i) { citizenId } }`;
      const r1 = await run(add, {
        i: {
          clubId: `CLB-${commune}-01`,
          citizenId: '012150000321',
          fullName: 'Lò Thị Một',
          birthDate: '1950-03-03',
          sex: 'FEMALE',
          elderly: true,
          woman: true,
          young: false,
          priority: true,
          role: 'CHAIR',
          joinedOn: '2025-01-01',
        },
      });
      expect(r1.errors).toBeUndefined();
      const priority = await run(`{ clubPriorityMembers(communeCode: "${commune}") { citizenId } }`);
      expect(priority.data?.clubPriorityMembers).toEqual([{ citizenId: '012150000321' }]);
      const loan = `mutation($i: RecordClubLoanInput!) { recordClubLoan(input: $i) { reference status } }`;
      const li = { clubId: `CLB-${commune}-01`, citizenId: '012150000321', reference: 'L-1', amount: 10_000_000, date: TODAY };
      expect((await run(loan, { i: li })).errors).toBeUndefined();
      expect((await run(loan, { i: li })).errors).toBeUndefined(); // retry
      expect((await run(loan, { i: { ...li, status: 'REPAID' } })).data?.recordClubLoan).toEqual({ reference: 'L-1', status: 'REPAID' });
      expect((await run(loan, { i: { ...li, amount: 5 } })).errors?.[0].extensions?.code).toBe('CONFLICT');
      expect((await run(loan, { i: { ...li, reference: 'L-2', citizenId: '012150000999' } })).errors?.[0].extensions?.code).toBe(
        'NOT_FOUND',
      );
      expect((await run(loan, { i: { ...li, reference: 'L-3', amount: -1 } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const act = `mutation($i: RecordClubActivityInput!) { recordClubActivity(input: $i) { reference area } }`;
      const ai = {
        clubId: `CLB-${commune}-01`,
        reference: 'A-1',
        date: TODAY,
        area: 'HEALTH_CARE',
        title: 'Khám sức khỏe',
        participants: 30,
      };
      expect((await run(act, { i: ai })).errors).toBeUndefined();
      expect((await run(act, { i: ai })).errors).toBeUndefined();
      expect((await run(act, { i: { ...ai, title: 'Khác' } })).errors?.[0].extensions?.code).toBe('CONFLICT');
      expect((await run(act, { i: { ...ai, reference: 'A-2', date: '2024-12-31' } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await run(act, { i: { ...ai, reference: 'A-3', area: 'DANCING' } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const comp = await run(
        `{ club(clubId: "CLB-${commune}-01") { compliance(asOf: "${TODAY}") { members met missingAreas checks { target actual met } } board { citizenId role } loans { reference } activities(from: "${YEAR}-01-01") { reference } } }`,
      );
      expect(comp.errors).toBeUndefined();
      const club = comp.data?.club as any;
      expect(club.compliance).toMatchObject({ members: 1, met: false });
      expect(club.compliance.missingAreas).toHaveLength(7);
      expect(club.compliance.checks.find((k: any) => k.target === 'LOAN_SHARE')).toEqual({ target: 'LOAN_SHARE', actual: 100, met: true });
      expect([club.board.length, club.loans.length, club.activities.length]).toEqual([1, 1, 1]);
    });

    it.each([
      ['a duplicate club ID', { clubId: 'CLB-09998-01', decisionNumber: 'x-1' }, 'CONFLICT'],
      ['a duplicate decision', { clubId: 'CLB-09998-02', decisionNumber: '999/QĐ-UBND' }, 'CONFLICT'],
      ['a club ID of another commune', { clubId: 'CLB-09997-01' }, 'BAD_USER_INPUT'],
      ['a future founding date', { clubId: 'CLB-09998-03', foundedOn: '2999-01-01' }, 'BAD_USER_INPUT'],
      ['an oversized name', { clubId: 'CLB-09998-04', name: 'n'.repeat(5000) }, 'BAD_USER_INPUT'],
    ])('createClub refuses %s', async (_what, change, code) => {
      const before = await sg.models.Club.countDocuments({});
      const i = {
        ...{ clubId: 'CLB-09998-05', name: 'CLB', communeCode: '09998', foundedOn: '2025-01-01', decisionNumber: 'y-1' },
        ...change,
      };
      expect((await run(`mutation($i: CreateClubInput!) { createClub(input: $i) { clubId } }`, { i })).errors?.[0].extensions?.code).toBe(
        code,
      );
      expect(await sg.models.Club.countDocuments({})).toBe(before);
    });

    it('creates branches and refuses bad ones', async () => {
      const m = `mutation($i: CreateBranchInput!) { createBranch(input: $i) { branchId communeCode groups } }`;
      expect(
        (await run(m, { i: { branchId: 'CH-09998-001', name: 'Chi hội Bản Mới', village: 'Bản Mới', groups: ['Tổ 1'] } })).data
          ?.createBranch,
      ).toEqual({ branchId: 'CH-09998-001', communeCode: '09998', groups: ['Tổ 1'] });
      for (const [i, code] of [
        [{ branchId: 'CH-09998-001', name: 'Khác', village: 'X' }, 'CONFLICT'],
        [{ branchId: 'CH-09998-002', name: 'Chi hội Bản Mới', village: 'X' }, 'CONFLICT'],
        [{ branchId: 'CH-9998-2', name: 'A', village: 'X' }, 'BAD_USER_INPUT'],
        [{ branchId: 'CH-09998-003', name: 'A', village: 'X', groups: Array.from({ length: 31 }, (_, k) => `T${k}`) }, 'BAD_USER_INPUT'],
        [{ branchId: 'CH-09998-004', name: 'A', village: 'X', groups: ['T', 'T'] }, 'BAD_USER_INPUT'],
      ] as const) {
        expect((await run(m, { i })).errors?.[0].extensions?.code).toBe(code);
      }
      expect(await sg.models.Branch.countDocuments({ communeCode: '09998' })).toBe(1);
    });

    it('records exemplary recognitions once per person, year and level', async () => {
      const m = `mutation($i: RecordRecognitionInput!) { recordExemplaryRecognition(input: $i) { citizenId year level } }`;
      const i = {
        citizenId: '012150000321',
        year: YEAR,
        level: 'PROVINCE',
        decisionNumber: '12/QĐ-HNCT',
        decisionDate: TODAY,
        communeCode: '09998',
      };
      expect((await run(m, { i })).errors).toBeUndefined();
      expect((await run(m, { i })).errors).toBeUndefined(); // the same decision again
      expect((await run(m, { i: { ...i, decisionNumber: '13/QĐ-HNCT' } })).errors?.[0].extensions?.code).toBe('CONFLICT');
      expect((await run(m, { i: { ...i, year: YEAR - 1 } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await run(m, { i: { ...i, decisionDate: `${YEAR}-02-30` } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const list = await run(`{ exemplaryRecognitions(communeCode: "09998", year: ${YEAR}) { citizenId level } }`);
      expect(list.data?.exemplaryRecognitions).toEqual([{ citizenId: '012150000321', level: 'PROVINCE' }]);
    });

    it('shows all these writes on the person at once (read from the collections, no copy to keep in step)', async () => {
      const res = await entities(
        [{ __typename: 'Person', citizenId: '012150000321' }],
        `membership { status } clubs { role priority club { clubId } } exemplaryRecognitions { year level }`,
      );
      expect(res.errors).toBeUndefined();
      expect((res.data?._entities as any[])[0]).toEqual({
        membership: null,
        clubs: [{ role: 'CHAIR', priority: true, club: { clubId: `CLB-${commune}-01` } }],
        exemplaryRecognitions: [{ year: YEAR, level: 'PROVINCE' }],
      });
    });
  });

  it('answers the celebration rule for a dashboard', async () => {
    const res = await run(
      `{ longevityCelebrationAges(year: ${YEAR}) longevityCelebrationRule(year: ${YEAR}) { calendarAges calendarAgeAtLeast gifts { age orOlder level amount } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect((res.data as any).longevityCelebrationAges).toEqual([70, 75, 80, 85, 90, 95]);
    expect((res.data as any).longevityCelebrationRule.calendarAgeAtLeast).toBe(100);
    expect((await run(`{ longevityCelebrationAges(year: 1800) }`)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

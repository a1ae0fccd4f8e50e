import type { Connection } from 'mongoose';
import { connectDatabase, QueryCounter } from '@nct/db';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { executeOperation, expectIndexedQueries, testMongoUri, uniqueDbName } from '@nct/testing';
import { definition, type Models } from '../src';
import { registerStub } from './register-stub';

// Q8 figures (AdministrativeUnit.longevityCelebrationStatus): hand-made communes whose answers are obvious.
const YEAR = 2026;
const PROVINCE = '01';
const [A, B, C, D, E] = ['01001', '01002', '01003', '01004', '01005'];

/** What home affairs sends for `livingBirthYearsToday` (living residents today per birth year). */
const BIRTHS: Record<string, Array<{ year: number; count: number }> | null> = {
  // 70: 10, 75: 5, 100: 2, 106: 1 celebrated (18); 66 and 71 not
  [A]: [
    { year: 1920, count: 1 },
    { year: 1926, count: 2 },
    { year: 1951, count: 5 },
    { year: 1955, count: 3 },
    { year: 1956, count: 10 },
    { year: 1960, count: 7 },
  ],
  [B]: [{ year: 1946, count: 12 }], // 80: 12
  [C]: [{ year: 1936, count: 30 }], // 90: 30
  [D]: null, // home affairs sent no count
  [E]: [], // nobody living is due (the one celebrated died after delivery)
};

let seq = 0;
const rec = (communeCode: string, status: string, n: number, year = YEAR) =>
  Array.from({ length: n }, () => {
    seq += 1;
    return {
      citizenId: `0121${String(seq).padStart(8, '0')}`,
      year,
      communeCode,
      age: 70,
      status,
      deliveredOn: status === 'DELIVERED' ? `${year}-05-01` : null,
      reason: status === 'NOT_DELIVERED' ? 'Vắng nhà' : null,
      ...(status === 'CANCELLED_DECEASED' ? { cancelledOn: `${year}-03-01`, cancelledFrom: 'PLANNED' } : {}),
    };
  });

const CELEBRATIONS = [
  ...rec(A, 'DELIVERED', 6),
  ...rec(A, 'NOT_DELIVERED', 5),
  ...rec(A, 'PLANNED', 3),
  ...rec(A, 'CANCELLED_DECEASED', 2), // died before the celebration: counted nowhere
  ...rec(A, 'DELIVERED', 4, YEAR - 1), // another year
  ...rec(B, 'DELIVERED', 2),
  ...rec(C, 'DELIVERED', 20),
  ...rec(C, 'NOT_DELIVERED', 5),
  ...rec(D, 'DELIVERED', 8),
  ...rec(E, 'DELIVERED', 1), // delivered, then died: still DELIVERED
];

const FIELDS = 'code due delivered notDelivered planned suppressed';
const QUERY = `query($r: [_Any!]!, $y: Int!) { _entities(representations: $r) { ... on AdministrativeUnit { code
  longevityCelebrationStatus(year: $y) { year communes { ${FIELDS} unit { code } } total { ${FIELDS} } } } } }`;

const province = (codes: string[]) => ({
  __typename: 'AdministrativeUnit',
  code: PROVINCE,
  livingBirthYearsToday: null,
  communes: codes.map((code) => ({ code, livingBirthYearsToday: BIRTHS[code] })),
});
const commune = (code: string) => ({ __typename: 'AdministrativeUnit', code, livingBirthYearsToday: BIRTHS[code], communes: null });

const row = (code: string, due: number | null, delivered: number, notDelivered: number, planned: number | null) => ({
  code,
  due,
  delivered,
  notDelivered,
  planned,
  suppressed: false,
});
const withheld = (code: string) => ({ code, due: null, delivered: null, notDelivered: null, planned: null, suppressed: true });

const EXACT = {
  [A]: row(A, 18, 6, 5, 7), // PLANNED: the 3 recorded + 4 with nothing recorded
  [B]: row(B, 12, 2, 0, 10),
  [C]: row(C, 30, 20, 5, 5),
  [D]: row(D, null, 8, 0, null),
  [E]: row(E, 0, 1, 0, 0), // 0 − 1 clamped at 0
};

describe('Q8 figures: longevityCelebrationStatus on AdministrativeUnit', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  const run = (variables: Record<string, unknown>, identity?: Record<string, unknown>) =>
    executeOperation(sg.apollo, QUERY, variables, sg.context(identity as never));
  const status = async (reps: unknown[], identity?: Record<string, unknown>, year = YEAR) => {
    const res = await run({ r: reps, y: year }, identity);
    expect(res.errors).toBeUndefined();
    return (res.data?._entities as any[]).map((u) => u.longevityCelebrationStatus);
  };
  const strip = (rows: any[]) => rows.map(({ unit, ...r }) => (expect(unit.code).toBe(r.code), r));

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('association-q8'));
    sg = await createSubgraph(definition, conn, { graph: registerStub().graph });
    await sg.models.Celebration.insertMany(CELEBRATIONS);
  });

  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  it('counts statuses per commune and in total, exactly for association staff (due from home affairs, PLANNED server-side)', async () => {
    const [s] = await status([province([E, D, C, B, A])]);
    expect(s.year).toBe(YEAR);
    expect(strip(s.communes)).toEqual([A, B, C, D, E].map((c) => EXACT[c]));
    // a commune without `due` makes the total's due and planned unknown
    expect(s.total).toEqual(row(PROVINCE, null, 37, 10, null));
    const [known] = await status([province([A, B, C])]);
    expect(known.total).toEqual(row(PROVINCE, 60, 28, 10, 22));
  });

  it('answers a commune alone (its row is its total) and null for a unit with no communes sent', async () => {
    const [a, none] = await status([commune(A), { __typename: 'AdministrativeUnit', code: PROVINCE }]);
    expect(strip(a.communes)).toEqual([EXACT[A]]);
    expect(a.total).toEqual(EXACT[A]);
    expect(none).toBeNull();
  });

  it('withholds a commune with a cell of 1-4 whole, and one more when it is the only one (complementary)', async () => {
    const coordinator = { role: 'coordinator' };
    // B (delivered 2) and E (delivered 1) withheld: two cells, no complementary needed
    const [all] = await status([province([A, B, C, D, E])], coordinator);
    expect(all.communes.map(({ unit: _unit, ...r }: any) => r)).toEqual([EXACT[A], withheld(B), EXACT[C], EXACT[D], withheld(E)]);
    expect(all.total).toEqual(row(PROVINCE, null, 37, 10, null)); // no total cell of 1-4
    // B alone withheld: the smallest other non-empty commune (D: 8) goes too
    const [four] = await status([province([A, B, C, D])], coordinator);
    expect(four.communes.map(({ unit: _unit, ...r }: any) => r)).toEqual([EXACT[A], withheld(B), EXACT[C], withheld(D)]);
    // a total of 1-4 is withheld; a commune of 1-4 alone too
    const [e] = await status([commune(E)], coordinator);
    expect(e.total).toEqual(withheld(E));
    expect(e.communes.map(({ unit: _unit, ...r }: any) => r)).toEqual([withheld(E)]);
  });

  it('limits a commune officer to their commune; refuses a role without AGGREGATES', async () => {
    const officer = { role: 'commune-officer', commune: A };
    const [own] = await status([commune(A)], officer);
    expect(own.total).toEqual(EXACT[A]);
    for (const rep of [commune(B), province([A, B])]) {
      const res = await run({ r: [rep], y: YEAR }, officer);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const res = await run({ r: [province([A])], y: YEAR }, { role: 'auditor' });
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((res.data?._entities as any[] | undefined)?.[0]?.longevityCelebrationStatus ?? null).toBeNull();
  });

  it.each([1999, 2101])('refuses year %s with a bilingual BAD_USER_INPUT', async (year) => {
    const res = await run({ r: [province([A])], y: year });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/Năm phải từ 2000 đến 2100/);
    expect(res.errors?.[0].message).toMatch(/year must be between 2000 and 2100/);
  });

  it('reads the year once, through the {year, age} index, for all communes', async () => {
    const counter = new QueryCounter([conn]);
    const plans = await expectIndexedQueries(conn, () => status([province([A, B, C, D, E]), commune(A)]));
    counter.detach();
    expect(plans.map((p) => [p.collection, p.stages.includes('IXSCAN')])).toEqual([['celebrations', true]]);
    expect(counter.total()).toBe(1);
  });
});

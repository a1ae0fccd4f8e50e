import type { SeedData } from '@nct/seed';
import { startSystem, System } from './harness';
import { testToday } from '@nct/testing';
import { ageOn } from '@nct/dates';

// The person view through the gateway, checked against answers computed here from the
// seed data alone (not from any service code).
const PERSON_VIEW = `
  citizenId fullName birthDate sex age deathDate residence { code name }
  monthlyAllowance { group coefficient baseLevel monthlyAmount status startMonth }
  socialPension { monthlyAmount status startMonth }
  healthRecord { openedOn facility }
  lastHealthCheck { date resultClass facility }
  insuranceCard { code validFrom validTo }
  membership { branchName joinedOn cardNumber }
  clubs { role club { clubId name } }
`;

const TODAY = testToday();
const BASE_LEVEL_NOW = 500_000; // Decree 76/2024/NĐ-CP, from 2024-07-01
const SOCIAL_PENSION_NOW = 500_000; // Decree 176/2025/NĐ-CP, from 2025-07-01

/** Decree 20/2021/NĐ-CP Art. 6.1 coefficients for the elderly groups of Art. 5.5. */
function coefficient(group: string, age: number): number {
  switch (group) {
    case 'A5A':
      return age >= 80 ? 2.0 : 1.5;
    case 'A5B':
    case 'A5C':
      return 1.0;
    case 'A5D':
      return 3.0;
    case 'DISABILITY_SEVERE':
      return 2.0;
    case 'DISABILITY_VERY_SEVERE':
      return 2.5;
    default:
      throw new Error(group);
  }
}

function expectedView(seed: SeedData, citizenId: string) {
  const p = seed.people.find((x) => x.citizenId === citizenId)!;
  const commune = seed.communes.find((c) => c.code === p.communeCode)!;
  const cases = seed.social.allowanceCases.filter((c) => c.citizenId === citizenId);
  const current = cases.find((c) => c.status !== 'STOPPED') ?? cases.sort((a, b) => b.startMonth.localeCompare(a.startMonth))[0];
  const checks = seed.health.checks.filter((c) => c.citizenId === citizenId).sort((a, b) => b.date.localeCompare(a.date));
  const cards = seed.health.insuranceCards.filter((c) => c.citizenId === citizenId);
  const card = cards.find((c) => c.validFrom <= TODAY && TODAY <= c.validTo) ?? cards.sort((a, b) => b.validTo.localeCompare(a.validTo))[0];
  const membership = seed.association.memberships.find((m) => m.citizenId === citizenId);
  const clubIds = seed.association.clubMemberships.filter((m) => m.citizenId === citizenId).map((m) => m.clubId);
  return { p, commune, current, checks, card, membership, clubIds };
}

describe('the federated person view, end to end', () => {
  let system: System;

  beforeAll(async () => {
    system = await startSystem({ people: 400 });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('joins one person from all four agencies, matching the seed', async () => {
    const seed = system.seed;
    const withAll = seed.people.find(
      (p) =>
        !p.deathDate &&
        seed.social.allowanceCases.some((c) => c.citizenId === p.citizenId && c.status === 'ACTIVE') &&
        seed.health.records.some((r) => r.citizenId === p.citizenId) &&
        seed.health.checks.some((r) => r.citizenId === p.citizenId) &&
        seed.health.insuranceCards.some((r) => r.citizenId === p.citizenId) &&
        seed.association.memberships.some((m) => m.citizenId === p.citizenId),
    );
    expect(withAll).toBeDefined();
    const e = expectedView(seed, withAll!.citizenId);
    // A commune officer of the person's commune sees identity, social, the BHYT card and
    // association data; the health record and check results are for health staff only.
    const res = await system.query(
      `query($id: ID!) { person(citizenId: $id) { ${PERSON_VIEW} } }`,
      { id: withAll!.citizenId },
      { as: 'commune-officer', commune: withAll!.communeCode },
    );
    expect(res.status).toBe(200);
    expect(res.body.errors.map((err: any) => [err.path.join('.'), err.extensions.code]).sort()).toEqual([
      ['person.healthRecord', 'FORBIDDEN'],
      ['person.lastHealthCheck', 'FORBIDDEN'],
    ]);
    const v = res.body.data.person;
    expect(v.healthRecord).toBeNull();
    expect(v.lastHealthCheck).toBeNull();
    expect(v).toMatchObject({
      citizenId: e.p.citizenId,
      fullName: e.p.fullName,
      birthDate: e.p.birthDate,
      sex: e.p.sex,
      age: ageOn(e.p.birthDate, TODAY),
      residence: { code: e.commune.code, name: e.commune.name },
      monthlyAllowance: {
        group: e.current!.group,
        status: 'ACTIVE',
        startMonth: e.current!.startMonth,
        baseLevel: BASE_LEVEL_NOW,
        coefficient: coefficient(e.current!.group, ageOn(e.p.birthDate, TODAY)),
        monthlyAmount: Math.round(coefficient(e.current!.group, ageOn(e.p.birthDate, TODAY)) * BASE_LEVEL_NOW),
      },
      insuranceCard: { code: e.card.code, validFrom: e.card.validFrom, validTo: e.card.validTo },
      membership: { cardNumber: e.membership!.cardNumber, branchName: e.membership!.branchName },
    });
    expect(v.clubs.map((c: any) => c.club.clubId).sort()).toEqual([...e.clubIds].sort());

    const health = await system.query(
      `query($id: ID!) { person(citizenId: $id) { fullName healthRecord { openedOn } lastHealthCheck { date resultClass } } }`,
      { id: withAll!.citizenId },
      { as: 'health' },
    );
    expect(health.body.errors).toBeUndefined();
    expect(health.body.data.person).toEqual({
      fullName: e.p.fullName,
      healthRecord: { openedOn: seed.health.records.find((r) => r.citizenId === e.p.citizenId)!.openedOn },
      lastHealthCheck: { date: e.checks[0].date, resultClass: e.checks[0].resultClass },
    });
  });

  it('shows the social pension amount of the dated table', async () => {
    const seed = system.seed;
    const pc = seed.social.socialPensionCases.find((c) => c.status === 'ACTIVE');
    expect(pc).toBeDefined();
    const res = await system.query(
      `query($id: ID!) { person(citizenId: $id) { socialPension { monthlyAmount status startMonth } } }`,
      { id: pc!.citizenId },
      { as: 'social' },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.person.socialPension).toEqual({ monthlyAmount: SOCIAL_PENSION_NOW, status: 'ACTIVE', startMonth: pc!.startMonth });
  });

  it('answers null for an unknown person and BAD_USER_INPUT for a malformed ID', async () => {
    const unknown = await system.query(
      `{ person(citizenId: "012140999999") { fullName monthlyAllowance { group } } }`,
      {},
      { as: 'social' },
    );
    expect(unknown.body.errors).toBeUndefined();
    expect(unknown.body.data.person).toBeNull();
    const bad = await system.query(`{ person(citizenId: "12-34") { fullName } }`, {}, { as: 'social' });
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.body.errors[0].message).toMatch(/12 digits/);
    expect(bad.body.errors[0].message).toMatch(/12 chữ số/);
  });

  it('filters people by commune, age and sex, as the seed says', async () => {
    const seed = system.seed;
    const commune = seed.communes[0].code;
    const expected = seed.people
      .filter((p) => p.communeCode === commune && p.sex === 'FEMALE' && ageOn(p.birthDate, TODAY) >= 70 && ageOn(p.birthDate, TODAY) <= 84)
      .map((p) => p.citizenId)
      .sort();
    const res = await system.query(
      `query($c: String) { people(filter: { communeCode: $c, sex: FEMALE, minAge: 70, maxAge: 84 }, first: 100) { totalCount edges { node { citizenId } } } }`,
      { c: commune },
      { as: 'homeaffairs' },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.people.totalCount).toBe(expected.length);
    expect(res.body.data.people.edges.map((e: any) => e.node.citizenId)).toEqual(expected.slice(0, 100));
  });

  it('refuses a page larger than the hard maximum', async () => {
    const res = await system.query(`{ people(first: 1000) { edges { cursor } } }`, {}, { as: 'homeaffairs' });
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  // Each agency's staff reads its own fields (access rules), so each subgraph's batching is
  // measured with its own role: identity from homeaffairs plus that agency's fields.
  it.each([
    ['social' as const, 'social', 1],
    ['health' as const, 'health', 3],
    ['association' as const, 'association', 3],
  ])('batches: as %s staff, a page of 100 costs the same database queries as a page of 10', async (role, subgraph, queries) => {
    const page = (n: number) => system.query(`{ people(first: ${n}) { edges { node { ${PERSON_VIEW} } } } }`, {}, { as: role });
    await page(10); // warm connections
    system.counter.reset();
    const ten = await page(10);
    const forTen = system.counter.byDatabase();
    system.counter.reset();
    const hundred = await page(100);
    const forHundred = system.counter.byDatabase();
    expect(hundred.body.data.people.edges).toHaveLength(100);
    // Only the other agencies' fields are refused.
    expect(hundred.body.errors.every((err: any) => err.extensions.code === 'FORBIDDEN')).toBe(true);
    expect(hundred.body.errors.some((err: any) => err.extensions.serviceName === subgraph)).toBe(false);
    expect(ten.body.data.people.edges).toHaveLength(10);
    expect(forHundred).toEqual(forTen);
    // One query per collection the fields read, whatever the number of people.
    expect(forHundred[system.databases.homeaffairs]).toBe(2);
    expect(forHundred[system.databases[subgraph as keyof typeof system.databases]]).toBe(queries);
  });

  it('refuses a duplicate registration with CONFLICT and changes nothing', async () => {
    const existing = system.seed.people[0];
    const count = async () => system.subgraphs.homeaffairs!.models.Person.countDocuments({});
    const before = await count();
    const res = await system.query(
      `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { citizenId } }`,
      {
        input: {
          citizenId: existing.citizenId,
          fullName: 'Người Trùng',
          birthDate: existing.birthDate,
          sex: existing.sex,
          ethnicity: 'Kinh',
          communeCode: existing.communeCode,
        },
      },
      { as: 'homeaffairs' },
    );
    expect(res.body.errors[0].extensions.code).toBe('CONFLICT');
    expect(await count()).toBe(before);
    const still = await system.subgraphs.homeaffairs!.models.Person.findOne({ citizenId: existing.citizenId }).lean();
    expect((still as any).fullName).toBe(existing.fullName);
  });

  it('keeps each agency in its own database', async () => {
    const names = Object.values(system.databases);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBe(5); // four agencies and the access log
    for (const [name, running] of Object.entries(system.subgraphs)) {
      expect(running!.conn.name).toBe(system.databases[name as keyof typeof system.databases]);
    }
    // No agency's records in another's database: only the register holds `people`, and no two
    // subgraphs share a collection name but `tallies` (each subgraph's own pre-computed counts,
    // docs/tallies.md). No hand-kept copies of rows remain (docs/database.md).
    // Kit modules every subgraph keeps in its own database: tallies, and the idempotency record of its writes;
    // and `applied_deaths` (the kit's register-events.ts), kept in each receiving subgraph's own database.
    const SHARED_MODULES = ['tallies', 'idempotency_keys', 'applied_deaths'];
    const collections: Record<string, string[]> = {};
    for (const [name, running] of Object.entries(system.subgraphs)) {
      collections[name] = (await running!.conn.db!.listCollections().toArray()).map((c) => c.name);
    }
    expect(collections.homeaffairs).toEqual(expect.arrayContaining(['administrative_units', 'people', 'unit_lineage']));
    for (const list of Object.values(collections)) expect(list.filter((c) => /digest/.test(c))).toEqual([]);
    const owners = Object.keys(collections);
    for (const a of owners) {
      for (const b of owners) {
        if (a < b) expect(collections[a].filter((c) => collections[b].includes(c) && !SHARED_MODULES.includes(c))).toEqual([]);
      }
    }
  });
});

describe('one subgraph down', () => {
  let system: System;

  beforeAll(async () => {
    system = await startSystem({ people: 150, down: ['health'] });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('the gateway starts, answers with the other agencies and names the missing one', async () => {
    const health = await fetch(system.gatewayUrl.replace(/\/graphql$/, '/health'));
    expect(health.status).toBe(200);
    const p = system.seed.people.find((x) => system.seed.association.memberships.some((m) => m.citizenId === x.citizenId))!;
    const res = await system.query(
      `query($id: ID!) { person(citizenId: $id) { fullName membership { cardNumber } healthRecord { openedOn } insuranceCard { code } } }`,
      { id: p.citizenId },
      { as: 'commune-officer', commune: p.communeCode },
    );
    expect(res.status).toBe(200);
    const person = res.body.data.person;
    expect(person.fullName).toBeTruthy();
    expect(person.membership).not.toBeNull();
    expect(person.healthRecord).toBeNull();
    expect(person.insuranceCard).toBeNull();
    const errors = res.body.errors as any[];
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.extensions.code === 'SUBGRAPH_UNAVAILABLE' && e.extensions.serviceName === 'health')).toBe(true);
    expect(errors[0].message).toMatch(/health/);
    expect(JSON.stringify(errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack/i);
  });

  it('a subgraph that stops while the gateway runs is reported the same way', async () => {
    await system.stopSubgraph('association');
    const res = await system.query(
      `{ people(first: 3) { edges { node { fullName membership { cardNumber } } } } }`,
      {},
      { as: 'association' },
    );
    expect(res.status).toBe(200);
    expect(res.body.data.people.edges).toHaveLength(3);
    expect(res.body.data.people.edges.every((e: any) => e.node.fullName && e.node.membership === null)).toBe(true);
    expect(res.body.errors.some((e: any) => e.extensions.serviceName === 'association')).toBe(true);
  });
});

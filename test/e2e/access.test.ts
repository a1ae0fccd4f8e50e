import { getIntrospectionQuery } from 'graphql';
import { INTERNAL_HEADER, Role, ROLES, signInternal } from '@nct/auth';
import { startSystem, System } from './harness';

// Who may see what, through the gateway, against the rules the issue sets: health data only
// for health staff; social staff see allowance data; association staff membership and
// clubs; everyone authorized sees identity; coordinators and auditors no personal rows.
const FIELDS = {
  fullName: 'fullName',
  monthlyAllowance: 'monthlyAllowance { group }',
  insuranceCard: 'insuranceCard { code }',
  healthRecord: 'healthRecord { openedOn }',
  lastHealthCheck: 'lastHealthCheck { date }',
  membership: 'membership { cardNumber }',
} as const;
type Field = keyof typeof FIELDS;

const VISIBLE: Record<Role, Field[] | 'no person'> = {
  social: ['fullName', 'monthlyAllowance', 'insuranceCard'],
  health: ['fullName', 'insuranceCard', 'healthRecord', 'lastHealthCheck'],
  homeaffairs: ['fullName'],
  association: ['fullName', 'membership'],
  'commune-officer': ['fullName', 'monthlyAllowance', 'insuranceCard', 'membership'],
  admin: ['fullName'],
  coordinator: 'no person',
  auditor: 'no person',
};

describe('access rules through the gateway', () => {
  let system: System;
  let subject: { citizenId: string; communeCode: string };
  let otherCommunePerson: { citizenId: string; communeCode: string };

  beforeAll(async () => {
    system = await startSystem({ people: 400 });
    const s = system.seed;
    // Someone with data in every agency, so that every allowed field has a value.
    subject = s.people.find(
      (p) =>
        s.social.allowanceCases.some((c) => c.citizenId === p.citizenId && c.status === 'ACTIVE') &&
        s.health.records.some((r) => r.citizenId === p.citizenId) &&
        s.health.checks.some((r) => r.citizenId === p.citizenId) &&
        s.health.insuranceCards.some((r) => r.citizenId === p.citizenId) &&
        s.association.memberships.some((m) => m.citizenId === p.citizenId),
    )!;
    otherCommunePerson = s.people.find((p) => p.communeCode !== subject.communeCode)!;
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  });

  const viewQuery = `query($id: ID!) { person(citizenId: $id) { ${Object.values(FIELDS).join(' ')} } }`;

  it.each(ROLES.map((r) => [r]))('%s sees exactly what the rules allow; the rest is FORBIDDEN', async (role) => {
    const res = await system.query(viewQuery, { id: subject.citizenId }, { as: role, commune: role === 'commune-officer' ? subject.communeCode : undefined });
    expect(res.status).toBe(200);
    const expected = VISIBLE[role];
    if (expected === 'no person') {
      expect(res.body.data.person).toBeNull();
      expect(res.body.errors.map((e: any) => [e.path.join('.'), e.extensions.code])).toEqual([['person', 'FORBIDDEN']]);
      return;
    }
    const person = res.body.data.person;
    for (const field of Object.keys(FIELDS) as Field[]) {
      if (expected.includes(field)) expect(person[field]).not.toBeNull();
      else expect(person[field]).toBeNull();
    }
    const refused = (res.body.errors ?? []).map((e: any) => [e.path.join('.'), e.extensions.code]).sort();
    const hidden = (Object.keys(FIELDS) as Field[]).filter((f) => !expected.includes(f)).map((f) => [`person.${f}`, 'FORBIDDEN']).sort();
    expect(refused).toEqual(hidden);
  });

  it("answers the IDE's schema query (introspection, development) for anyone", async () => {
    const res = await system.query(getIntrospectionQuery());
    expect(res.status).toBe(200);
    expect(res.body.data.__schema.types.some((t: any) => t.name === 'Person')).toBe(true);
  });

  it('asks an anonymous caller to authenticate', async () => {
    const res = await system.query(viewQuery, { id: subject.citizenId });
    expect(res.body.data.person).toBeNull();
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses personal data without a declared purpose', async () => {
    const res = await system.query(viewQuery, { id: subject.citizenId }, { as: 'health', purpose: null });
    expect(res.body.data.person).toBeNull();
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(res.body.errors[0].message).toMatch(/purpose/);
  });

  describe('a commune officer', () => {
    const as = { as: 'commune-officer' as const };

    it('lists and counts the people of their commune only', async () => {
      const expected = system.seed.people.filter((p) => p.communeCode === subject.communeCode).map((p) => p.citizenId).sort();
      const res = await system.query(`{ people(first: 100) { totalCount edges { node { citizenId residence { code } } } } }`, {}, { ...as, commune: subject.communeCode });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.people.totalCount).toBe(expected.length);
      expect(res.body.data.people.edges.map((e: any) => e.node.citizenId)).toEqual(expected.slice(0, 100));
    });

    it('is refused another commune, as a list or as one person', async () => {
      const list = await system.query(`query($c: String) { people(filter: { communeCode: $c }) { totalCount } }`, { c: otherCommunePerson.communeCode }, { ...as, commune: subject.communeCode });
      expect(list.body.errors[0].extensions.code).toBe('FORBIDDEN');
      const one = await system.query(viewQuery, { id: otherCommunePerson.citizenId }, { ...as, commune: subject.communeCode });
      expect(one.body.data.person).toBeNull();
      expect(one.body.errors[0].extensions.code).toBe('FORBIDDEN');
    });

    it('sees allowance cases of their commune only', async () => {
      const expected = system.seed.social.allowanceCases.filter((c) => c.communeCode === subject.communeCode).length;
      const res = await system.query(`{ allowanceCases(first: 100) { totalCount edges { node { communeCode } } } }`, {}, { ...as, commune: subject.communeCode });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.allowanceCases.totalCount).toBe(expected);
      expect(res.body.data.allowanceCases.edges.every((e: any) => e.node.communeCode === subject.communeCode)).toBe(true);
    });
  });

  describe('subgraphs accept only the gateway', () => {
    const body = JSON.stringify({ query: '{ people(first: 1) { edges { node { fullName } } } }' });

    it.each(['homeaffairs', 'social', 'health', 'association'] as const)('%s refuses a direct call with 401', async (name) => {
      const res = await fetch(system.subgraphs[name]!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(401);
      const json = (await res.json()) as any;
      expect(json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(json.data).toBeUndefined();
      expect(JSON.stringify(json)).not.toMatch(/stacktrace|"http"/);
    });

    it('refuses a credential signed with another secret, accepts the gateway one', async () => {
      const url = system.subgraphs.homeaffairs!.url;
      const claims = { identity: { subject: 'x', role: 'admin' as const, commune: null, agency: null }, purpose: 'CARE_COORDINATION' as const, requestId: 'r' };
      const forged = await signInternal(claims, new TextEncoder().encode('f'.repeat(40)));
      const refused = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_HEADER]: forged }, body });
      expect(refused.status).toBe(401);
      const genuine = await signInternal(claims, system.internalSecret);
      const accepted = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_HEADER]: genuine }, body });
      expect(accepted.status).toBe(200);
    });
  });

  describe('bad input changes nothing and leaks nothing', () => {
    it.each([
      ['an expired token', () => system.token('admin', { ttlSeconds: -300 })],
      ['a token for another audience', () => system.token('admin', { audience: 'another-app' })],
    ])('refuses %s with 401', async (_name, make) => {
      const res = await system.query(viewQuery, { id: subject.citizenId }, { headers: { authorization: `Bearer ${await make()}` } });
      expect(res.status).toBe(401);
      expect(res.body.data).toBeUndefined();
    });

    it('treats an operator object in a text argument as text', async () => {
      const res = await system.query(`{ people(filter: { nameContains: "{\\"$gt\\": \\"\\"}" }) { totalCount } }`, {}, { as: 'homeaffairs' });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.people.totalCount).toBe(0);
      const code = await system.query(`{ people(filter: { communeCode: "{\\"$ne\\": null}" }) { totalCount } }`, {}, { as: 'homeaffairs' });
      expect(code.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    });
  });
});

import { getIntrospectionQuery } from 'graphql';
import { createHmac } from 'node:crypto';
import {
  bodyHash,
  generateInternalKeyPair,
  INTERNAL_HEADER,
  InternalSigningKey,
  InternalVerifyKey,
  parseSigningKey,
  Role,
  ROLES,
  signInternal,
  verifyKeyOf,
} from '@nct/auth';
import * as homeaffairs from '@nct/homeaffairs';
import { runSubgraph } from '@nct/subgraph-kit';
import { testMongoUri } from '@nct/testing';
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
    const res = await system.query(
      viewQuery,
      { id: subject.citizenId },
      { as: role, commune: role === 'commune-officer' ? subject.communeCode : undefined },
    );
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
    const hidden = (Object.keys(FIELDS) as Field[])
      .filter((f) => !expected.includes(f))
      .map((f) => [`person.${f}`, 'FORBIDDEN'])
      .sort();
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
      const expected = system.seed.people
        .filter((p) => p.communeCode === subject.communeCode)
        .map((p) => p.citizenId)
        .sort();
      const res = await system.query(
        `{ people(first: 100) { totalCount edges { node { citizenId residence { code } } } } }`,
        {},
        { ...as, commune: subject.communeCode },
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.people.totalCount).toBe(expected.length);
      expect(res.body.data.people.edges.map((e: any) => e.node.citizenId)).toEqual(expected.slice(0, 100));
    });

    it('is refused another commune, as a list or as one person', async () => {
      const list = await system.query(
        `query($c: String) { people(filter: { communeCode: $c }) { totalCount } }`,
        { c: otherCommunePerson.communeCode },
        { ...as, commune: subject.communeCode },
      );
      expect(list.body.errors[0].extensions.code).toBe('FORBIDDEN');
      const one = await system.query(viewQuery, { id: otherCommunePerson.citizenId }, { ...as, commune: subject.communeCode });
      expect(one.body.data.person).toBeNull();
      expect(one.body.errors[0].extensions.code).toBe('FORBIDDEN');
    });

    it('sees allowance cases of their commune only', async () => {
      const expected = system.seed.social.allowanceCases.filter((c) => c.communeCode === subject.communeCode).length;
      const res = await system.query(
        `{ allowanceCases(first: 100) { totalCount edges { node { communeCode } } } }`,
        {},
        { ...as, commune: subject.communeCode },
      );
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

    const claims = {
      identity: { subject: 'x', role: 'admin' as const, commune: null, agency: null },
      purpose: 'CARE_COORDINATION' as const,
      requestId: 'r',
    };
    const post = (url: string, credential: string, sent = body) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [INTERNAL_HEADER]: credential }, body: sent });

    it("accepts the gateway key's credential made for this subgraph and this body", async () => {
      const url = system.subgraphs.homeaffairs!.url;
      const accepted = await post(url, await signInternal(claims, system.internalSigningKey, { subgraph: 'homeaffairs', body }));
      expect(accepted.status).toBe(200);
      expect(((await accepted.json()) as any).data.people.edges).toHaveLength(1);
    });

    it.each([
      [
        'signed with another Ed25519 key',
        async () => signInternal(claims, parseSigningKey(generateInternalKeyPair().signingKey), { subgraph: 'homeaffairs', body }),
      ],
      [
        'signed with a shared HS256 secret (the old scheme)',
        async () => {
          const now = Math.floor(Date.now() / 1000);
          const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
          const signed = `${part({ alg: 'HS256', kid: system.internalSigningKey.kid, typ: 'nct-internal+jwt' })}.${part({
            sub: 'x',
            role: 'admin',
            rid: 'r',
            bh: bodyHash(body),
            iss: 'nct-gateway',
            aud: 'nct-subgraph:homeaffairs',
            iat: now,
            exp: now + 60,
          })}`;
          return `${signed}.${createHmac('sha256', 'f'.repeat(40)).update(signed).digest('base64url')}`;
        },
      ],
      [
        'made for another subgraph (replayed from social to homeaffairs)',
        async () => signInternal(claims, system.internalSigningKey, { subgraph: 'social', body }),
      ],
      [
        'made for another body (same subgraph, other query)',
        async () =>
          signInternal(claims, system.internalSigningKey, { subgraph: 'homeaffairs', body: JSON.stringify({ query: '{ __typename }' }) }),
      ],
      [
        'past its lifetime',
        async () => signInternal(claims, system.internalSigningKey, { subgraph: 'homeaffairs', body }, new Date(Date.now() - 5 * 60_000)),
      ],
    ])('refuses with 401 a credential %s', async (_name, make) => {
      const refused = await post(system.subgraphs.homeaffairs!.url, await make());
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a credential the gateway sent with one body when it comes with another (captured and replayed)', async () => {
      const url = system.subgraphs.social!.url;
      const genuineBody = JSON.stringify({ query: '{ __typename }' });
      const credential = await signInternal(claims, system.internalSigningKey, { subgraph: 'social', body: genuineBody });
      expect((await post(url, credential, genuineBody)).status).toBe(200);
      expect((await post(url, credential, body)).status).toBe(401);
    });

    it('refuses with 401 a captured genuine credential sent again with its own body (replay within its lifetime)', async () => {
      const url = system.subgraphs.homeaffairs!.url;
      const credential = await signInternal(claims, system.internalSigningKey, { subgraph: 'homeaffairs', body });
      const first = await post(url, credential);
      expect(first.status).toBe(200);
      expect(((await first.json()) as any).data.people.edges).toHaveLength(1);
      const replayed = await post(url, credential);
      expect(replayed.status).toBe(401);
      const json = (await replayed.json()) as any;
      expect(json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(json.data).toBeUndefined();
      // A retry signs again: a new credential for the same body is accepted.
      expect((await post(url, await signInternal(claims, system.internalSigningKey, { subgraph: 'homeaffairs', body }))).status).toBe(200);
    });

    it('key rotation: a subgraph configured with old and new public keys accepts both; once the old is dropped it is refused', async () => {
      const next = parseSigningKey(generateInternalKeyPair().signingKey);
      const run = (keys: InternalVerifyKey[]) =>
        runSubgraph(homeaffairs.definition, {
          uri: testMongoUri(),
          dbName: system.databases.homeaffairs,
          host: '127.0.0.1',
          port: 0,
          internalVerifyKeys: keys,
        });
      const sign = (key: InternalSigningKey) => signInternal(claims, key, { subgraph: 'homeaffairs', body });
      // Step 1: every subgraph gets the new public key next to the old one.
      const both = await run([verifyKeyOf(next), ...system.internalVerifyKeys]);
      try {
        expect((await post(both.url, await sign(system.internalSigningKey))).status).toBe(200);
        expect((await post(both.url, await sign(next))).status).toBe(200);
      } finally {
        await both.stop();
      }
      // Step 3: the old public key is dropped.
      const onlyNew = await run([verifyKeyOf(next)]);
      try {
        expect((await post(onlyNew.url, await sign(next))).status).toBe(200);
        expect((await post(onlyNew.url, await sign(system.internalSigningKey))).status).toBe(401);
      } finally {
        await onlyNew.stop();
      }
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
      const res = await system.query(
        `{ people(filter: { nameContains: "{\\"$gt\\": \\"\\"}" }) { totalCount } }`,
        {},
        { as: 'homeaffairs' },
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.people.totalCount).toBe(0);
      const code = await system.query(`{ people(filter: { communeCode: "{\\"$ne\\": null}" }) { totalCount } }`, {}, { as: 'homeaffairs' });
      expect(code.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    });
  });
});

import { ANONYMOUS, INTERNAL_HEADER, signInternal } from '@nct/auth';
import { startSystem, System } from './harness';

// The access log (issue 3): every read of personal data through the graph records who, why,
// which person, which fields, when and the request id; refused reads record nothing; the
// log is written before the response and the response is withheld when it cannot be.
describe('the access log through the gateway', () => {
  let system: System;
  let subject: { citizenId: string; communeCode: string };
  const entries = () => system.subgraphs.audit!.models.AccessEntry.find({}).sort({ key: 1 }).lean() as Promise<any[]>;
  const clear = () => system.subgraphs.audit!.models.AccessEntry.deleteMany({});

  beforeAll(async () => {
    system = await startSystem({ people: 300 });
    const s = system.seed;
    subject = s.people.find(
      (p) =>
        p.deathDate === null &&
        s.social.allowanceCases.some((c) => c.citizenId === p.citizenId && c.status === 'ACTIVE') &&
        s.health.insuranceCards.some((r) => r.citizenId === p.citizenId) &&
        s.association.memberships.some((m) => m.citizenId === p.citizenId),
    )!;
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
  });
  beforeEach(async () => {
    await clear();
  });

  const VIEW = `query PersonView($id: ID!) { person(citizenId: $id) {
    citizenId fullName birthDate monthlyAllowance { group } insuranceCard { code } membership { cardNumber } } }`;

  it('a read writes exactly one entry: who, role, commune, purpose, person, fields, request id, time', async () => {
    const before = new Date().toISOString();
    const res = await system.query(
      VIEW,
      { id: subject.citizenId },
      {
        as: 'commune-officer',
        commune: subject.communeCode,
        purpose: 'BENEFIT_ADMINISTRATION',
        headers: { 'x-request-id': 'audit-test-1' },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.headers.get('server-timing')).toMatch(/^audit;dur=\d+(\.\d)?$/);
    const log = await entries();
    expect(log).toHaveLength(1);
    // The request id is the gateway's (echoed in the response); the client's is the correlation id.
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(log[0]).toMatchObject({
      requestId: res.headers.get('x-request-id'),
      correlationId: 'audit-test-1',
      role: 'commune-officer',
      commune: subject.communeCode,
      purpose: 'BENEFIT_ADMINISTRATION',
      citizenId: subject.citizenId,
      operationName: 'PersonView',
    });
    expect(log[0].subject).toMatch(/^dev-commune-officer/);
    expect(log[0].at >= before).toBe(true);
    // Identity from homeaffairs, the allowance from social, the card from health, the
    // membership from association: one entry for the person, the fields of four subgraphs.
    // Every field resolved on an object of that person under an allowed personal rule.
    expect(log[0].fields).toEqual([
      'association:AssociationMembership.cardNumber',
      'association:Person.membership',
      'health:InsuranceCard.code',
      'health:Person.insuranceCard',
      'homeaffairs:Person.birthDate',
      'homeaffairs:Person.citizenId',
      'homeaffairs:Person.fullName',
      'social:AllowanceCase.group',
      'social:Person.monthlyAllowance',
    ]);
  });

  it('a client cannot hide reads by repeating its x-request-id: the same id twice for the same person is two entries', async () => {
    const as = { as: 'social' as const, headers: { 'x-request-id': 'same-client-id' } };
    const first = await system.query(VIEW, { id: subject.citizenId }, as);
    const second = await system.query(VIEW, { id: subject.citizenId }, as);
    expect([first.status, second.status]).toEqual([200, 200]);
    const ids = [first.headers.get('x-request-id'), second.headers.get('x-request-id')];
    expect(ids[0]).not.toBe(ids[1]);
    const log = await entries();
    expect(log.map((e) => [e.citizenId, e.requestId, e.correlationId])).toEqual([
      [subject.citizenId, ids[0], 'same-client-id'],
      [subject.citizenId, ids[1], 'same-client-id'],
    ]);
    // The auditor finds both by the client's correlation id.
    const LOG = `query($f: AccessLogFilter) { accessLog(filter: $f, first: 10) { edges { node { requestId correlationId citizenId } } } }`;
    const found = await system.query(LOG, { f: { correlationId: 'same-client-id' } }, { as: 'auditor', purpose: 'AUDIT' });
    expect(found.body.errors).toBeUndefined();
    expect(found.body.data.accessLog.edges.map((e: any) => e.node.requestId)).toEqual(ids);
    // A client id that is not short and plain is not kept at all (never reaches the log).
    await clear();
    const odd = await system.query(VIEW, { id: subject.citizenId }, { as: 'social', headers: { 'x-request-id': 'x'.repeat(65) } });
    expect(odd.status).toBe(200);
    expect((await entries()).map((e) => e.correlationId)).toEqual([null]);
  });

  it('a page of people writes one entry per person returned, and nothing for people not returned', async () => {
    const res = await system.query(
      `query { people(first: 7, filter: { communeCode: "${subject.communeCode}" }) { edges { node { citizenId fullName } } } }`,
      {},
      { as: 'commune-officer', commune: subject.communeCode },
    );
    const ids = res.body.data.people.edges.map((e: any) => e.node.citizenId).sort();
    const log = await entries();
    expect(log.map((e) => e.citizenId).sort()).toEqual(ids);
    expect(new Set(log.map((e) => e.requestId)).size).toBe(1);
  });

  it('a refused field writes nothing of it (refusals are in the application log, not the access log)', async () => {
    const res = await system.query(
      `query($id: ID!) { person(citizenId: $id) { healthRecord { openedOn } lastHealthCheck { date } } }`,
      { id: subject.citizenId },
      {
        as: 'social',
      },
    );
    expect(res.body.data.person.healthRecord).toBeNull();
    expect(res.body.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    // `person` itself was allowed (identity) and the health fields were refused. What the
    // caller learned is that this citizen ID is in the register (`person` is not null), so
    // the register's lookup of the key is recorded, and nothing of health.
    const log = await entries();
    expect(log.map((e) => [e.citizenId, e.fields])).toEqual([[subject.citizenId, ['homeaffairs:Person.citizenId']]]);
  });

  it('without a purpose the read is refused and nothing is written', async () => {
    const res = await system.query(VIEW, { id: subject.citizenId }, { as: 'social', purpose: null });
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await entries()).toHaveLength(0);
  });

  it('reads of no personal data (units, counts for coordinators) write nothing', async () => {
    const res = await system.query(`query { communes(provinceCode: "12") { code name } }`, {}, { as: 'coordinator' });
    expect(res.body.errors).toBeUndefined();
    expect(await entries()).toHaveLength(0);
  });

  it('the auditor reads the log through the graph, filtered by person, reader and period; nobody else can', async () => {
    await system.query(VIEW, { id: subject.citizenId }, { as: 'social' });
    await system.query(VIEW, { id: subject.citizenId }, { as: 'association' });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const LOG = `query($f: AccessLogFilter) { accessLog(filter: $f, first: 10) { edges { node { citizenId role purpose fields } } } }`;
    const byPerson = await system.query(
      LOG,
      { f: { citizenId: subject.citizenId, from: today, to: today } },
      { as: 'auditor', purpose: 'AUDIT' },
    );
    expect(byPerson.body.errors).toBeUndefined();
    expect(byPerson.body.data.accessLog.edges.map((e: any) => e.node.role)).toEqual(['social', 'association']);
    const byRole = await system.query(LOG, { f: { role: 'association' } }, { as: 'auditor', purpose: 'AUDIT' });
    expect(byRole.body.data.accessLog.edges).toHaveLength(1);
    expect(byRole.body.data.accessLog.edges[0].node.fields).toContain('association:Person.membership');
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const before = await system.query(LOG, { f: { to: yesterday } }, { as: 'auditor', purpose: 'AUDIT' });
    expect(before.body.data.accessLog.edges).toHaveLength(0);
    for (const role of ['social', 'health', 'admin', 'coordinator'] as const) {
      const res = await system.query(LOG, { f: {} }, { as: role });
      expect(res.body.data?.accessLog ?? null).toBeNull();
      expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    }
  });

  it('a client cannot write the log: recordAccess is not in the API, and the subgraph refuses relayed credentials', async () => {
    const mutation = `mutation { recordAccess(entries: []) }`;
    const viaGateway = await system.query(mutation, {}, { as: 'admin' });
    expect(viaGateway.status).toBe(400);
    expect(viaGateway.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const audit = system.subgraphs.audit!;
    const body = JSON.stringify({
      query: `mutation($e: [AccessLogEntryInput!]!) { recordAccess(entries: $e) }`,
      variables: {
        e: [
          {
            at: new Date().toISOString(),
            requestId: 'forged',
            subject: 'x',
            role: 'admin',
            purpose: 'AUDIT',
            citizenId: subject.citizenId,
            fields: ['x:Person.fullName'],
          },
        ],
      },
    });
    const noCredential = await fetch(audit.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(noCredential.status).toBe(401);
    // A credential the gateway signs when relaying a client's operation is not the gateway's own.
    const relayed = await signInternal(
      { identity: { ...ANONYMOUS, subject: 'x', role: 'admin' }, purpose: 'AUDIT', requestId: 'r' },
      system.internalSigningKey,
      { subgraph: 'audit', body },
    );
    const withRelayed = await fetch(audit.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_HEADER]: relayed },
      body,
    });
    expect(((await withRelayed.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await entries()).toHaveLength(0);
  });

  it('fails closed: when the log cannot be written, the personal data is not sent (503)', async () => {
    await system.stopSubgraph('audit');
    const res = await system.query(VIEW, { id: subject.citizenId }, { as: 'social' });
    expect(res.status).toBe(503);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'AUDIT_UNAVAILABLE' }) })]);
    expect(JSON.stringify(res.body)).not.toContain(subject.citizenId);
    // Requests that read no personal data still work.
    const units = await system.query(`query { communes(provinceCode: "12") { code } }`, {}, { as: 'coordinator' });
    expect(units.status).toBe(200);
    expect(units.body.errors).toBeUndefined();
  });
});

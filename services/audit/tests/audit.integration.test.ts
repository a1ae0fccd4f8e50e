import type { Connection } from 'mongoose';
import { connectDatabase } from '@nct/db';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { executeOperation, testMongoUri, uniqueDbName } from '@nct/testing';
import { definition, printSubgraphSdl, type Models } from '../src';

const RECORD = `mutation($e: [AccessLogEntryInput!]!) { recordAccess(entries: $e) }`;
const LOG = `query($f: AccessLogFilter, $first: Int, $after: String) {
  accessLog(filter: $f, first: $first, after: $after) {
    edges { cursor node { id at requestId correlationId subject role commune purpose citizenId fields operationName } }
    pageInfo { hasNextPage endCursor }
  } }`;

const entry = (over: Record<string, unknown> = {}) => ({
  at: '2026-11-20T03:00:00.000Z',
  requestId: 'req-1',
  subject: 'officer-1',
  role: 'commune-officer',
  commune: '03199',
  purpose: 'CARE_COORDINATION',
  citizenId: '012140000001',
  fields: ['homeaffairs:Person.fullName', 'social:Person.monthlyAllowance'],
  operationName: 'PersonView',
  ...over,
});

describe('audit subgraph: the access log (real database server)', () => {
  let conn: Connection;
  let audit: SubgraphInstance<Models>;
  const asGateway = () => ({ ...audit.context({ subject: 'gateway', role: null }, null), service: 'gateway' as const });
  const asAuditor = () => audit.context({ subject: 'auditor-1', role: 'auditor' }, null);
  const count = () => audit.models.AccessEntry.countDocuments({});

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('audit'));
    audit = await createSubgraph(definition, conn);
  });
  afterAll(async () => {
    await audit.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  it('appends entries written by the gateway; a retried write of the same request adds nothing', async () => {
    const entries = [
      entry(),
      entry({
        citizenId: '012145000002',
        at: '2026-11-21T16:59:59.000Z',
        requestId: 'req-2',
        subject: 'health-1',
        role: 'health',
        commune: null,
        purpose: 'HEALTH_CARE',
      }),
    ];
    expect((await executeOperation(audit.apollo, RECORD, { e: entries }, asGateway())).data).toEqual({ recordAccess: 2 });
    expect((await executeOperation(audit.apollo, RECORD, { e: entries }, asGateway())).data).toEqual({ recordAccess: 2 });
    expect(await count()).toBe(2);
  });

  it('refuses a write that does not come from the gateway itself, even from a valid client credential', async () => {
    for (const ctx of [asAuditor(), audit.context({ role: 'admin', subject: 'admin-1' })]) {
      const res = await executeOperation(audit.apollo, RECORD, { e: [entry({ requestId: 'forged' })] }, ctx);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await count()).toBe(2);
  });

  it.each([
    ['a citizen ID of the wrong shape', { citizenId: '12345' }],
    ['an unknown role', { role: 'superuser' }],
    ['an unknown purpose', { purpose: 'CURIOSITY' }],
    ['no fields', { fields: [] }],
    ['a field name that is not subgraph:Type.field', { fields: ['$where'] }],
    ['an instant that is not UTC ISO', { at: '2026-02-30' }],
    ['an impossible instant', { at: '2026-13-40T00:00:00.000Z' }],
    ['an operator in the subject', { subject: '{"$gt":""}' }],
    ['a correlation id with unusual characters', { correlationId: 'a b<script>' }],
    ['a correlation id over 64 characters', { correlationId: 'c'.repeat(65) }],
  ])('refuses %s and writes nothing of the batch', async (_label, over) => {
    const res = await executeOperation(
      audit.apollo,
      RECORD,
      { e: [entry({ requestId: 'ok-part' }), entry({ requestId: 'bad-part', ...over })] },
      asGateway(),
    );
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(2);
  });

  it('lets an auditor filter by person, reader, role and period (Vietnam days), in time order, with pages', async () => {
    const q = async (f: Record<string, unknown>, first = 10, after?: string) => {
      const res = await executeOperation<any, any>(audit.apollo, LOG, { f, first, after }, asAuditor());
      expect(res.errors).toBeUndefined();
      return res.data.accessLog;
    };
    expect((await q({})).edges.map((e: any) => e.node.requestId)).toEqual(['req-1', 'req-2']);
    expect((await q({ citizenId: '012145000002' })).edges.map((e: any) => e.node.subject)).toEqual(['health-1']);
    expect((await q({ subject: 'officer-1' })).edges[0].node).toMatchObject({
      citizenId: '012140000001',
      role: 'commune-officer',
      commune: '03199',
      purpose: 'CARE_COORDINATION',
      fields: ['homeaffairs:Person.fullName', 'social:Person.monthlyAllowance'],
      operationName: 'PersonView',
    });
    expect((await q({ role: 'health' })).edges).toHaveLength(1);
    // 2026-11-21T16:59:59Z is 23:59:59 on 21 November in Vietnam.
    expect((await q({ from: '2026-11-21', to: '2026-11-21' })).edges.map((e: any) => e.node.requestId)).toEqual(['req-2']);
    expect((await q({ from: '2026-11-22' })).edges).toHaveLength(0);
    const first = await q({}, 1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await q({}, 1, first.pageInfo.endCursor);
    expect(second.edges.map((e: any) => e.node.requestId)).toEqual(['req-2']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('keeps the client correlation id apart from the request id: two requests with one correlation id are two entries', async () => {
    const same = { citizenId: '012140000009', correlationId: 'client-abc', at: '2026-11-23T01:00:00.000Z' };
    const written = [entry({ ...same, requestId: 'gw-uuid-1' }), entry({ ...same, requestId: 'gw-uuid-2' })];
    expect((await executeOperation(audit.apollo, RECORD, { e: written }, asGateway())).data).toEqual({ recordAccess: 2 });
    const res = await executeOperation<any, any>(audit.apollo, LOG, { f: { correlationId: 'client-abc' } }, asAuditor());
    expect(res.errors).toBeUndefined();
    expect(res.data.accessLog.edges.map((e: any) => [e.node.requestId, e.node.correlationId])).toEqual([
      ['gw-uuid-1', 'client-abc'],
      ['gw-uuid-2', 'client-abc'],
    ]);
    const withoutOne = await executeOperation<any, any>(audit.apollo, LOG, { f: { citizenId: '012140000001' } }, asAuditor());
    expect(withoutOne.data.accessLog.edges[0].node.correlationId).toBeNull();
    await audit.models.AccessEntry.deleteMany({ citizenId: '012140000009' });
  });

  it.each([
    ['a malformed citizen ID', { citizenId: 'abc' }],
    ['a malformed correlation id', { correlationId: '{"$ne":null}' }],
    ['an unknown role', { role: 'root' }],
    ['an impossible date', { from: '2026-02-30' }],
    ['a period that ends before it starts', { from: '2026-11-22', to: '2026-11-01' }],
  ])('refuses an auditor filter with %s', async (_label, f) => {
    const res = await executeOperation(audit.apollo, LOG, { f }, asAuditor());
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each(['social', 'health', 'homeaffairs', 'association', 'commune-officer', 'coordinator', 'admin'] as const)(
    'refuses the log to %s',
    async (role) => {
      const res = await executeOperation(
        audit.apollo,
        LOG,
        { f: {} },
        audit.context({ role, subject: `x-${role}`, commune: role === 'commune-officer' ? '03199' : null }),
      );
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    },
  );

  it('keeps recordAccess out of the client API (@inaccessible) and documents the auditor rule', async () => {
    const sdl = await printSubgraphSdl();
    expect(sdl).toMatch(/recordAccess\(entries: \[AccessLogEntryInput!\]!\): Int! @inaccessible/);
    expect(sdl).toMatch(/\): AccessLogConnection! @requiresScopes\(scopes: \[\["role:auditor"\]\]\)/);
  });
});

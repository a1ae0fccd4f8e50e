import type { Connection } from 'mongoose';
import { connectDatabase } from '@nct/db';
import { createLogger } from '@nct/logger';
import {
  createSubgraph,
  graphStub,
  graphUnavailable,
  SubgraphInstance,
  type GraphOperation,
  type SubgraphDefinition,
} from '@nct/subgraph-kit';
import { executeOperation, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { addDays } from '@nct/dates';
import { definition, nameSearchFields, type Models } from '../src';
import { buildSchema } from '../src/schema';
import { deliverDueEvents, startOutboxWorker, type DeliveryDeps } from '../src/people/outbox.delivery';
import { deathEventId, DEATH_SUBSCRIBERS, MAX_RETRY_MS, WARN_AFTER_FAILURES } from '../src/people/outbox.rules';

/**
 * The register's outbox (docs/consistency.md section 2) on the real test database: a death and
 * its events commit together, a retry adds none, every subscriber gets each event once through
 * the graph (a stub here; the end-to-end tests run the real gateway), a failing subscriber is
 * tried again after the backoff (a clock the test moves), and racing workers never send an
 * entry twice.
 */
const TODAY = testToday();
const T0 = Date.parse(`${TODAY}T08:00:00.000Z`);

/** A clock the test moves. */
const clock = { ms: T0, now: () => new Date(clock.ms) };

/** The graph as the subscribers answer it: records each call; `fail` decides who refuses. */
function subscribers() {
  const calls: Array<{ subscriber: string; eventId: string; citizenId: string }> = [];
  let fail: (subscriber: string) => boolean = () => false;
  let delayMs = 0;
  const graph = graphStub(async (op: GraphOperation) => {
    const subscriber = /(\w+)ApplyDeath\(/.exec(op.query)?.[1] as string;
    const { eventId, citizenId } = op.variables as { eventId: string; citizenId: string };
    expect(op.purpose).toBe('REGISTER_MAINTENANCE');
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    if (fail(subscriber)) throw graphUnavailable({ vi: subscriber, en: subscriber });
    calls.push({ subscriber, eventId, citizenId });
    return { [`${subscriber}ApplyDeath`]: { eventId, outcome: 'APPLIED' } };
  });
  return {
    graph,
    calls,
    failWhen(f: (subscriber: string) => boolean) {
      fail = f;
    },
    slow(ms: number) {
      delayMs = ms;
    },
  };
}

let serial = 300;
function newPerson() {
  const n = serial++;
  const citizenId = `0121450${String(n).padStart(5, '0')}`;
  return {
    citizenId,
    fullName: 'Lò Thị Sự Kiện',
    ...nameSearchFields('Lò Thị Sự Kiện'),
    birthDate: '1945-05-05',
    sex: 'FEMALE' as const,
    ethnicity: 'Thái',
    communeCode: '03220',
    legacyUnitCode: null,
    deathDate: null,
  };
}

describe('register outbox: deaths delivered to every agency', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  const world = subscribers();
  const logger = createLogger('homeaffairs-outbox-test', 'silent');
  const deps = (): DeliveryDeps => ({ models: sg.models, graph: world.graph, logger, now: clock.now });
  const run = (query: string, variables?: Record<string, unknown>) => executeOperation(sg.apollo, query, variables, sg.context());
  const DEATH = `mutation($id: ID!, $d: Date!) { recordDeath(citizenId: $id, deathDate: $d) { citizenId deathDate } }`;
  const entriesOf = (citizenId: string) => sg.models.Outbox.find({ citizenId }, { _id: 0 }).sort({ subscriber: 1 }).lean();
  const die = async (citizenId: string, d = addDays(TODAY, -2)) => {
    const res = await run(DEATH, { id: citizenId, d });
    expect(res.errors).toBeUndefined();
  };

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('homeaffairs_outbox'));
    // the subgraph as it runs, with the graph stub and the test's clock for the operators' pass
    const def: SubgraphDefinition<Models> = { ...definition, buildSchema: (m, s) => buildSchema(m, s, { now: clock.now }) };
    sg = await createSubgraph(def, conn, { graph: world.graph });
    await sg.models.Unit.insertMany([
      { code: '12', name: 'Tỉnh Lai Châu', kind: 'PROVINCE', level: 'PROVINCE', parentCode: null, validFrom: '2004-01-01', validTo: null },
      { code: '03220', name: 'Xã Bình Lư', kind: 'COMMUNE', level: 'COMMUNE', parentCode: '12', validFrom: '2025-07-01', validTo: null },
    ]);
  });
  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });
  beforeEach(async () => {
    await sg.models.Outbox.deleteMany({});
    world.calls.length = 0;
    world.failWhen(() => false);
    world.slow(0);
    clock.ms = T0;
  });

  it('recordDeath writes the death and one entry per subscriber in one transaction; a retry writes no new event', async () => {
    const p = newPerson();
    await sg.models.Person.create(p);
    const d = addDays(TODAY, -3);
    await die(p.citizenId, d);
    const entries = await entriesOf(p.citizenId);
    expect(entries.map((e) => e.subscriber)).toEqual(['association', 'health', 'social']);
    expect(entries.map((e) => e.eventId).sort()).toEqual(DEATH_SUBSCRIBERS.map((s) => deathEventId(p.citizenId, d, s)).sort());
    for (const e of entries) expect(e).toMatchObject({ state: 'PENDING', attempts: 0, eventDate: d, recordedOn: TODAY });

    await die(p.citizenId, d); // the same death again: the person as recorded, nothing new
    expect(await sg.models.Outbox.countDocuments({ citizenId: p.citizenId })).toBe(3);
    const other = await run(DEATH, { id: p.citizenId, d: addDays(d, -1) });
    expect(other.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await sg.models.Outbox.countDocuments({ citizenId: p.citizenId })).toBe(3);

    // a refused death (in the future) writes neither the death nor an event
    const q = newPerson();
    await sg.models.Person.create(q);
    expect((await run(DEATH, { id: q.citizenId, d: addDays(TODAY, 1) })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await sg.models.Outbox.countDocuments({ citizenId: q.citizenId })).toBe(0);
  });

  it('delivers each event exactly once per subscriber, through the graph, and records the receipt', async () => {
    const p = newPerson();
    await sg.models.Person.create(p);
    await die(p.citizenId);
    const res = await run(`mutation { deliverRegisterEvents { attempted delivered failed } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.deliverRegisterEvents).toEqual({ attempted: 3, delivered: 3, failed: 0 });
    expect(world.calls.map((c) => c.subscriber).sort()).toEqual(['association', 'health', 'social']);
    for (const c of world.calls) expect(c.citizenId).toBe(p.citizenId);
    expect(await deliverDueEvents(deps())).toEqual({ attempted: 0, delivered: 0, failed: 0 });
    expect(world.calls).toHaveLength(3);
    for (const e of await entriesOf(p.citizenId)) expect(e).toMatchObject({ state: 'DELIVERED', outcome: 'APPLIED', claimToken: null });

    const list = await run(
      `{ registerEventDeliveries(state: DELIVERED, first: 2) { edges { node { eventId subscriber citizenId state outcome deliveredAt } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(list.errors).toBeUndefined();
    const page = list.data?.registerEventDeliveries as any;
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.edges[0].node).toMatchObject({
      citizenId: p.citizenId,
      state: 'DELIVERED',
      outcome: 'APPLIED',
      deliveredAt: clock.now().toISOString(),
    });
  });

  it('tries a failing subscriber again after the backoff (5 s, 15 s ...) and then delivers it', async () => {
    const p = newPerson();
    await sg.models.Person.create(p);
    await die(p.citizenId);
    world.failWhen((s) => s === 'health');
    expect(await deliverDueEvents(deps())).toEqual({ attempted: 3, delivered: 2, failed: 1 });
    const health = async () => (await entriesOf(p.citizenId)).find((e) => e.subscriber === 'health')!;
    expect(await health()).toMatchObject({ state: 'PENDING', attempts: 1, lastError: 'DEPENDENCY_UNAVAILABLE:GRAPH_UNREACHABLE' });
    expect((await health()).nextAttemptAt.getTime()).toBe(T0 + 5_000);

    clock.ms = T0 + 4_999; // not due yet
    expect(await deliverDueEvents(deps())).toEqual({ attempted: 0, delivered: 0, failed: 0 });
    clock.ms = T0 + 5_000; // due, still failing: next in 15 s
    expect(await deliverDueEvents(deps())).toEqual({ attempted: 1, delivered: 0, failed: 1 });
    expect((await health()).nextAttemptAt.getTime()).toBe(T0 + 5_000 + 15_000);

    world.failWhen(() => false);
    clock.ms = T0 + 20_000;
    expect(await deliverDueEvents(deps())).toEqual({ attempted: 1, delivered: 1, failed: 0 });
    expect(await health()).toMatchObject({ state: 'DELIVERED', attempts: 2, outcome: 'APPLIED' });
    expect(world.calls.filter((c) => c.subscriber === 'health')).toHaveLength(1);
  });

  it('never drops an entry: after many failures it stays due, at most 15 minutes apart', async () => {
    const p = newPerson();
    await sg.models.Person.create(p);
    await die(p.citizenId);
    world.failWhen(() => true);
    for (let i = 0; i < WARN_AFTER_FAILURES + 2; i++) {
      await deliverDueEvents(deps());
      clock.ms += MAX_RETRY_MS;
    }
    for (const e of await entriesOf(p.citizenId)) {
      expect(e).toMatchObject({ state: 'PENDING', attempts: WARN_AFTER_FAILURES + 2 });
      expect(e.nextAttemptAt.getTime()).toBeLessThanOrEqual(clock.ms);
    }
    world.failWhen(() => false);
    expect(await deliverDueEvents(deps())).toMatchObject({ delivered: 3 });
  });

  it('refuses a receipt that is not for the event (tried again)', async () => {
    const p = newPerson();
    await sg.models.Person.create(p);
    await die(p.citizenId);
    const wrong = graphStub((op) => ({
      [`${/(\w+)ApplyDeath\(/.exec(op.query)?.[1]}ApplyDeath`]: { eventId: 'another', outcome: 'APPLIED' },
    }));
    expect(await deliverDueEvents({ ...deps(), graph: wrong })).toMatchObject({ failed: 3 });
    for (const e of await entriesOf(p.citizenId)) expect(e).toMatchObject({ state: 'PENDING', lastError: 'BAD_RECEIPT' });
  });

  it('two workers racing over the same entries never send one twice', async () => {
    const people = Array.from({ length: 8 }, newPerson);
    await sg.models.Person.create(people);
    for (const p of people) await die(p.citizenId);
    world.slow(5);
    const [a, b] = await Promise.all([deliverDueEvents(deps()), deliverDueEvents({ ...deps(), concurrency: 3 })]);
    expect(a.delivered + b.delivered).toBe(24);
    expect(a.failed + b.failed).toBe(0);
    const sent = world.calls.map((c) => `${c.subscriber}|${c.eventId}`);
    expect(new Set(sent).size).toBe(24);
    expect(sent).toHaveLength(24);
  });

  it('keeps a claimed entry from other workers until its lease ends (a worker that died while sending)', async () => {
    const p = newPerson();
    await sg.models.Person.create(p);
    await die(p.citizenId);
    await sg.models.Outbox.updateMany(
      { citizenId: p.citizenId },
      { $set: { claimToken: 'dead-worker', nextAttemptAt: new Date(T0 + 60_000) } },
    );
    expect(await deliverDueEvents(deps())).toMatchObject({ attempted: 0 });
    clock.ms = T0 + 60_000;
    expect(await deliverDueEvents(deps())).toMatchObject({ attempted: 3, delivered: 3 });
  });

  it('the background worker delivers on its interval and stops cleanly', async () => {
    const p = newPerson();
    await sg.models.Person.create(p);
    await die(p.citizenId);
    const worker = startOutboxWorker(deps(), 20)!;
    for (let i = 0; i < 200 && (await sg.models.Outbox.countDocuments({ state: 'PENDING' })) > 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    await worker.stop();
    expect(await sg.models.Outbox.countDocuments({ state: 'PENDING' })).toBe(0);
    expect(world.calls).toHaveLength(3);
    expect(startOutboxWorker(deps(), 0)).toBeNull();
  });

  it('is for the register’s own staff: others may neither list nor run deliveries', async () => {
    const officer = sg.context({ role: 'social' }, 'BENEFIT_ADMINISTRATION');
    const res = await executeOperation(sg.apollo, `mutation { deliverRegisterEvents { attempted } }`, undefined, officer);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

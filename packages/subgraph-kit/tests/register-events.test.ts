// The receiving end of the register's deaths (docs/consistency.md section 2), on the real database server.
import { connectDatabase } from '@nct/db';
import { AppError } from '@nct/errors';
import { createLogger } from '@nct/logger';
import { testMongoUri, uniqueDbName } from '@nct/testing';
import { Connection, Model, Schema } from 'mongoose';
import { fixedClock } from '../src/clock';
import { graphStub, graphUnavailable, type GraphOperation } from '../src/graph-client';
import { createContext } from '../src/server';
import { APPLIED_DEATHS_COLLECTION, appliedDeaths, eventIdArg, receiveDeath, registerDeathDate } from '../src/register-events';

const logger = createLogger('register-events-test', 'silent');
const TODAY = '2026-03-15';
const ctx = () =>
  createContext(
    logger,
    undefined,
    { identity: { subject: 'svc-homeaffairs', role: 'homeaffairs', commune: null, agency: null }, purpose: 'REGISTER_MAINTENANCE' },
    fixedClock(TODAY),
  );

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'RESOLVED',
    (err: unknown) => (err instanceof AppError ? `${err.extensions.code}${err.extensions.reason ? `/${err.extensions.reason}` : ''}` : err),
  );

/** The register behind the graph: citizen ID -> date of death (null: alive; absent: unknown), or a raw answer. */
function register(people: Record<string, unknown>) {
  const state = { people, calls: [] as GraphOperation[], unreachable: false };
  const graph = graphStub((op) => {
    state.calls.push(op);
    if (state.unreachable) throw graphUnavailable(op.what);
    const id = String(op.variables?.citizenId);
    return { person: id in state.people ? { deathDate: state.people[id] } : null };
  });
  return { state, graph };
}

describe('eventIdArg', () => {
  it.each([['death-0123456789abcdef'], ['a.b_c:d|e-f'], ['x'.repeat(128)]])('accepts %j', (value) => {
    expect(eventIdArg(value)).toBe(value);
  });

  it.each([[''], ['bad id!'], ['x'.repeat(129)], ['sự-kiện'], [42], [null]])('refuses %j, naming the argument', (value) => {
    try {
      eventIdArg(value);
      throw new Error('expected a refusal');
    } catch (err) {
      expect((err as AppError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'eventId' });
    }
  });
});

describe('registerDeathDate', () => {
  const A = '012146000101';

  it.each([
    ['a date of death', { [A]: '2025-08-20' }, '2025-08-20'],
    ['alive', { [A]: null }, null],
    ['no deathDate field', { [A]: undefined }, null],
    ['unknown to the register', {}, null],
  ])('%s', async (_what, people, expected) => {
    const { state, graph } = register(people);
    const c = ctx();
    expect(await registerDeathDate(graph, c, A, 'HEALTH_CARE')).toBe(expected);
    // one person, for the purpose named, with the request's id, asking for the date only
    expect(state.calls).toEqual([expect.objectContaining({ purpose: 'HEALTH_CARE', variables: { citizenId: A }, requestId: c.requestId })]);
    expect(state.calls[0].query).toMatch(/person\(citizenId: \$citizenId\) \{ deathDate \}/);
  });

  it.each([['2025-02-30'], ['20/08/2025'], [20250820]])(
    'refuses an answer that is not a date (%j): DEPENDENCY_UNAVAILABLE',
    async (raw) => {
      const { graph } = register({ [A]: raw });
      expect(await codeOf(registerDeathDate(graph, ctx(), A, 'HEALTH_CARE'))).toBe('DEPENDENCY_UNAVAILABLE/REGISTER_ANSWER_MALFORMED');
    },
  );
});

interface Note {
  citizenId: string;
  deathDate: string;
}

describe('receiveDeath (real database)', () => {
  const A = '012146000101'; // dies
  const B = '012146000102'; // alive
  const C = '012146000103'; // dies; applying fails once
  const D = '012146000104'; // dies; delivered twice at once
  const DEATH = '2025-08-20';
  let conn: Connection;
  let Notes: Model<Note>;
  const { state, graph } = register({ [A]: DEATH, [B]: null, [C]: DEATH, [D]: DEATH });

  /** The subgraph's own step: writes one note per application; returns how many it wrote. */
  const calls: Array<[string, string]> = [];
  const apply =
    (wait = 0) =>
    async (deathDate: string, citizenId: string) => {
      calls.push([deathDate, citizenId]);
      await Notes.create([{ citizenId, deathDate }]);
      if (wait) await new Promise((r) => setTimeout(r, wait));
      return { notesWritten: 1 };
    };
  const receive = (citizenId: unknown, eventId: unknown = `death-${citizenId}`, step = apply()) =>
    receiveDeath(ctx(), conn, graph, { eventId, citizenId, purpose: 'HEALTH_CARE', unchanged: { notesWritten: 0 } }, step);
  const applied = (citizenId: string) => appliedDeaths(conn).findById(citizenId).lean();

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('deaths'));
    Notes = conn.model<Note>('Note', new Schema<Note>({ citizenId: String, deathDate: String }));
    await Notes.createCollection();
    await appliedDeaths(conn).createCollection();
  });
  afterAll(async () => {
    await conn.dropDatabase();
    await conn.close();
  });
  beforeEach(() => void calls.splice(0));

  it('keeps the applied deaths in the kit’s collection, one model per connection', () => {
    expect(appliedDeaths(conn).collection.collectionName).toBe(APPLIED_DEATHS_COLLECTION);
    expect(appliedDeaths(conn)).toBe(appliedDeaths(conn));
  });

  it('is NOT_DECEASED, with the unchanged details, and writes nothing while the register has no death', async () => {
    for (const id of [B, '012199000999']) {
      expect(await receive(id)).toEqual({
        eventId: `death-${id}`,
        citizenId: id,
        outcome: 'NOT_DECEASED',
        deathDate: null,
        notesWritten: 0,
      });
      expect(await applied(id)).toBeNull();
    }
    expect(calls).toEqual([]);
  });

  it('applies the register’s date once, recording it with the event and the request’s date', async () => {
    expect(await receive(A)).toEqual({ eventId: `death-${A}`, citizenId: A, outcome: 'APPLIED', deathDate: DEATH, notesWritten: 1 });
    expect(calls).toEqual([[DEATH, A]]);
    expect(await applied(A)).toEqual({ _id: A, deathDate: DEATH, eventId: `death-${A}`, appliedOn: TODAY });
  });

  it('is ALREADY_APPLIED afterwards, from any event, without running the step or writing', async () => {
    for (const eventId of [`death-${A}`, 'another|event']) {
      expect(await receive(A, eventId)).toMatchObject({ eventId, outcome: 'ALREADY_APPLIED', deathDate: DEATH, notesWritten: 0 });
    }
    expect(calls).toEqual([]);
    expect(await applied(A)).toMatchObject({ eventId: `death-${A}` });
    expect(await Notes.countDocuments({ citizenId: A })).toBe(1);
  });

  it('applies a corrected date again', async () => {
    state.people[A] = '2025-08-19';
    try {
      expect(await receive(A, 'correction-1')).toMatchObject({ outcome: 'APPLIED', deathDate: '2025-08-19', notesWritten: 1 });
      expect(await applied(A)).toMatchObject({ deathDate: '2025-08-19', eventId: 'correction-1' });
    } finally {
      state.people[A] = DEATH;
    }
  });

  it('records nothing when the step fails (its writes are rolled back), and applies on the next delivery', async () => {
    const failing = async (deathDate: string, citizenId: string) => {
      await Notes.create([{ citizenId, deathDate }]);
      throw new Error('the step failed');
    };
    await expect(receive(C, undefined, failing)).rejects.toThrow('the step failed');
    expect([await applied(C), await Notes.countDocuments({ citizenId: C })]).toEqual([null, 0]);
    expect(await receive(C)).toMatchObject({ outcome: 'APPLIED', notesWritten: 1 });
  });

  it('fails with DEPENDENCY_UNAVAILABLE, writing nothing, when the register cannot be reached', async () => {
    state.unreachable = true;
    try {
      expect(await codeOf(receive(D))).toBe('DEPENDENCY_UNAVAILABLE/GRAPH_UNREACHABLE');
    } finally {
      state.unreachable = false;
    }
    expect(calls).toEqual([]);
    expect(await applied(D)).toBeNull();
  });

  it.each([
    ['a malformed event id', 'bad id!', D, 'eventId'],
    ['a malformed citizen ID', 'e-1', '12345', 'citizenId'],
  ])('refuses %s before asking the register', async (_what, eventId, citizenId, argument) => {
    const asked = state.calls.length;
    await expect(receive(citizenId, eventId)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument } });
    expect(state.calls.length).toBe(asked);
  });

  it('two deliveries at once apply the death once: one APPLIED, the other ALREADY_APPLIED', async () => {
    // The step waits, so that the transactions overlap: the second conflicts on the record,
    // is retried by the driver and then finds the death applied.
    const outcomes = await Promise.all([receive(D, 'd-1', apply(30)), receive(D, 'd-2', apply(30))]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['ALREADY_APPLIED', 'APPLIED']);
    expect(calls.length).toBeGreaterThan(1); // they did run concurrently
    expect(await Notes.countDocuments({ citizenId: D })).toBe(1);
  });
});

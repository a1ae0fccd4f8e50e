import {
  backoffMs,
  classify,
  formatReport,
  latencyOf,
  missedTargets,
  mutationsWithKey,
  SOAK_DEFAULTS,
  soakOptions,
  type SoakReport,
} from './soak-lib';

describe('soakOptions', () => {
  it('takes the defaults: 100,000 people, 5 minutes, 8 clients, association killed', () => {
    expect(soakOptions([])).toEqual(SOAK_DEFAULTS);
    expect(SOAK_DEFAULTS).toMatchObject({ people: 100_000, seconds: 300, clients: 8, kill: 'association' });
  });

  it.each([
    [['--people', '2000', '--minutes', '1'], { people: 2000, seconds: 60 }],
    [['--people=2_000', '--seconds=90', '--clients', '4'], { people: 2000, seconds: 90, clients: 4 }],
    [['--kill', 'health', '--down', '3', '--pause', '6', '--timeout-ms', '4000'], { kill: 'health', downSeconds: 3, pauseSeconds: 6 }],
    [['--fresh', '--grace', '10'], { fresh: true, graceSeconds: 10 }],
    [['--all-writes'], { allWrites: true }],
  ])('%j', (argv, expected) => {
    expect(soakOptions(argv)).toMatchObject(expected);
  });

  it.each([
    [['--people', 'many'], /--people must be a number/],
    [['--kill', 'gateway'], /--kill must be one of/],
    [['--colour', 'red'], /unknown option --colour/],
    [['people'], /unexpected argument/],
    // the pause must outlast the gateway's subgraph timeout, or no write times out
    [['--pause', '4', '--timeout-ms', '5000'], /must be longer than the gateway's subgraph timeout/],
  ])('refuses %j', (argv, message) => {
    expect(() => soakOptions(argv)).toThrow(message);
  });
});

describe('classify: how a good client reads an answer', () => {
  const error = (code?: string) => ({ message: 'x', ...(code ? { extensions: { code } } : {}) });
  it.each([
    ['data', { status: 200, body: { data: { a: 1 } } }, 'ok'],
    ['a typed refusal', { status: 200, body: { errors: [error('CONFLICT')], data: null } }, 'refused'],
    ['outcome unknown: the same request again', { status: 504, body: { errors: [error('OUTCOME_UNKNOWN')] } }, 'retry'],
    ['a subgraph refused the connection', { status: 200, body: { errors: [error('SUBGRAPH_UNAVAILABLE')], data: null } }, 'retry'],
    ['a dependency was down', { status: 503, body: { errors: [error('DEPENDENCY_UNAVAILABLE')] } }, 'retry'],
    ['rate limited', { status: 429, body: { errors: [error('RATE_LIMITED')] } }, 'retry'],
    ['the access log could not be written', { status: 503, body: { errors: [error('AUDIT_UNAVAILABLE')] } }, 'retry'],
    ['any HTTP 5xx', { status: 502, body: 'Bad Gateway' }, 'retry'],
    ['partial data with a retryable error', { status: 200, body: { data: { a: null }, errors: [error('SUBGRAPH_UNAVAILABLE')] } }, 'retry'],
    ['the masked internal error', { status: 200, body: { errors: [error('INTERNAL_SERVER_ERROR')] } }, 'untyped'],
    ['an error without a code', { status: 200, body: { errors: [error()] } }, 'untyped'],
    ['a 4xx that is not JSON', { status: 404, body: 'Not Found' }, 'untyped'],
    ['a 200 without data', { status: 200, body: {} }, 'untyped'],
  ])('%s', (_what, answer, status) => {
    expect(classify(answer).status).toBe(status);
  });

  it('retries a network error, and names it', () => {
    expect(classify({ networkError: 'NETWORK' })).toEqual({ status: 'retry', codes: ['NETWORK'] });
  });

  it('lists every code of an answer, once each', () => {
    expect(classify({ status: 200, body: { errors: [error('NOT_FOUND'), error('FORBIDDEN'), error('NOT_FOUND')] } }).codes).toEqual([
      'FORBIDDEN',
      'NOT_FOUND',
    ]);
  });
});

describe('backoffMs', () => {
  it('doubles from 100 ms and stays at most 2 s, with jitter in the upper half', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map((n) => backoffMs(n, 0.9999))).toEqual([100, 200, 400, 800, 1600, 2000, 2000]);
    expect(backoffMs(0, 0)).toBe(50);
    expect(backoffMs(30, 0)).toBe(1000);
  });
});

describe('mutationsWithKey', () => {
  const sdl = `
type Query { a: Int }
type Mutation
  @join__type(graph: A)
{
  """Mentions idempotencyKey: in a description only."""
  recordThing(input: ThingInput!, idempotencyKey: String): Thing! @join__field(graph: A)
  changeThing(
    """The key (idempotencyKey: not an argument here)"""
    id: ID!
    status: Status!
  ): Thing! @join__field(graph: A)
  openCase(
    input: CaseInput!
    idempotencyKey: String
  ): Case! @join__field(graph: A)
  plain: Int
}
type Other { idempotencyKey(x: Int): String }
`;
  it('finds the mutations that take the argument, on one line or several, and nothing else', () => {
    expect([...mutationsWithKey(sdl)].sort()).toEqual(['openCase', 'recordThing']);
  });
  it('finds none without a Mutation type', () => {
    expect(mutationsWithKey('type Query { a: Int }').size).toBe(0);
  });
});

describe('targets and the report', () => {
  const report: SoakReport = {
    people: 2000,
    clients: 8,
    seconds: 60,
    elapsedS: 63.2,
    faults: [{ atS: 20, what: 'kill -9 association' }],
    requests: { sent: 10, answered: 9, noAnswer: 1 },
    operations: { 'association.recordFundEntry': { kind: 'write', started: 4, ok: 3, refused: 1, untyped: 0, pending: 0, retries: 2 } },
    errorsByCode: { OUTCOME_UNKNOWN: 2, CONFLICT: 1 },
    latency: { all: latencyOf([1, 2, 3, 4]), reads: latencyOf([1, 2]), writes: latencyOf([3, 4]) },
    retries: 2,
    acknowledged: 3,
    lost: 0,
    duplicated: 0,
    unattempted: 0,
    refusedButWritten: 0,
    unanswered: 0,
    crashes: [],
    ready: 200,
    ledgers: { checked: 4, unbalanced: [] },
    writes: [
      {
        op: 'association.recordFundEntry',
        acknowledged: 3,
        lost: 0,
        duplicated: 0,
        unattempted: 0,
        refusedButWritten: 0,
        problems: [],
      },
    ],
    withoutIdempotencyKey: [],
    sentWithoutKey: false,
    unansweredExamples: [],
    longest: [],
  };

  it('meets every target when nothing is lost, duplicated or unanswered and everything runs', () => {
    expect(missedTargets(report)).toEqual([]);
    expect(formatReport(report)).toContain('All targets met');
  });

  it.each([
    [{ lost: 1 }, '1 acknowledged writes lost'],
    [{ duplicated: 2 }, '2 writes duplicated'],
    [{ unanswered: 1 }, '1 requests unanswered'],
    [{ crashes: ['gateway (pid 1)'] }, 'processes not running: gateway (pid 1)'],
    [{ ready: 503 }, '/health/ready answered 503'],
    [{ ledgers: { checked: 4, unbalanced: ['CARE/12345: balance 1'] } }, 'ledgers out of balance: CARE/12345: balance 1'],
    [{ acknowledged: 0 }, 'no write was acknowledged: nothing was checked'],
  ])('misses a target: %j', (change, message) => {
    const missed = missedTargets({ ...report, ...change });
    expect(missed).toEqual([message]);
    expect(formatReport({ ...report, ...change })).toContain(`TARGETS MISSED: ${message}`);
  });

  it('prints latency percentiles, errors by code and the write table', () => {
    const text = formatReport(report);
    expect(text).toContain('| all | 4 | 2.0 | 4.0 | 4.0 |');
    expect(text).toContain('Errors by code (per attempt): OUTCOME_UNKNOWN 2, CONFLICT 1');
    expect(text).toContain('| association.recordFundEntry | 3 | 0 | 0 | 0 | 0 |');
  });
});

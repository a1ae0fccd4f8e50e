import type { SubgraphInstance } from '@nct/subgraph-kit';
import { executeOperation, type OperationResult } from './operations';

/** The principal the register's outbox calls the receivers as (docs/consistency.md section 2). */
const REGISTER_SERVICE = { role: 'homeaffairs', subject: 'svc-homeaffairs' } as const;

/** What these helpers use of a subgraph made in a test (`createSubgraph`). */
type SubgraphUnderTest = Pick<SubgraphInstance<unknown>, 'apollo' | 'context'>;
type Purpose = NonNullable<Parameters<SubgraphUnderTest['context']>[1]>;

type Run = (query: string, variables?: Record<string, unknown>, purpose?: Purpose) => Promise<OperationResult>;

/**
 * Operations on a subgraph under test: as the default test user (`asStaff`), and as the
 * register's outbox (`asRegister`: `svc-homeaffairs`, purpose REGISTER_MAINTENANCE unless
 * another is named). `sg` is read at each call: the subgraph is made in `beforeAll`.
 */
export function testCallers(sg: () => SubgraphUnderTest): { asStaff: Run; asRegister: Run } {
  return {
    asStaff: (query, variables) => executeOperation(sg().apollo, query, variables, sg().context()),
    asRegister: (query, variables, purpose = 'REGISTER_MAINTENANCE') =>
      executeOperation(sg().apollo, query, variables, sg().context(REGISTER_SERVICE, purpose)),
  };
}

interface DeathReceiverUnderTest {
  /** The receiver's mutation, e.g. `healthApplyDeath`. */
  mutation: string;
  /** Someone the register has a death for that the subgraph has not applied: these checks must write nothing for them. */
  deceased: string;
  /** A purpose of the register's service that is not for register events (refused). */
  otherPurpose: Purpose;
  /** Everything the subgraph keeps about a person, to compare before and after. */
  stateOf(citizenId: string): Promise<unknown>;
  /** Cuts the register off behind the graph (true), or brings it back (false). */
  unreachable(on: boolean): void;
}

/**
 * The checks every death receiver passes whatever it applies (docs/consistency.md section 2;
 * the kit's `receiveDeath`), as jest tests in the calling `describe`: only the register's
 * service, for register maintenance; DEPENDENCY_UNAVAILABLE when the register cannot be
 * reached; BAD_USER_INPUT for a malformed event id or citizen ID; and nothing written in each
 * case. What the subgraph applies, and its receipts, are its own tests'.
 */
export function deathReceiverContract(sg: () => SubgraphUnderTest, r: DeathReceiverUnderTest): void {
  const { asStaff, asRegister } = testCallers(sg);
  const apply = (eventId: string, citizenId: string, as: Run = asRegister, purpose?: Purpose) =>
    as(`mutation($e: ID!, $c: ID!) { ${r.mutation}(eventId: $e, citizenId: $c) { outcome } }`, { e: eventId, c: citizenId }, purpose);
  const codeOf = (res: OperationResult) => res.errors?.[0]?.extensions?.code;

  it('is for the register’s service, for register maintenance only, and writes nothing otherwise', async () => {
    const before = await r.stateOf(r.deceased);
    expect(codeOf(await apply('e-1', r.deceased, asStaff))).toBe('FORBIDDEN');
    expect(codeOf(await apply('e-1', r.deceased, asRegister, r.otherPurpose))).toBe('FORBIDDEN');
    expect(await r.stateOf(r.deceased)).toEqual(before);
  });

  it('fails with DEPENDENCY_UNAVAILABLE, writing nothing, when the register cannot be reached', async () => {
    const before = await r.stateOf(r.deceased);
    r.unreachable(true);
    try {
      expect(codeOf(await apply(`death-${r.deceased}`, r.deceased))).toBe('DEPENDENCY_UNAVAILABLE');
    } finally {
      r.unreachable(false);
    }
    expect(await r.stateOf(r.deceased)).toEqual(before);
  });

  it('refuses a malformed event id or citizen ID (BAD_USER_INPUT), writing nothing', async () => {
    const before = await r.stateOf(r.deceased);
    expect(codeOf(await apply('bad id!', r.deceased))).toBe('BAD_USER_INPUT');
    expect(codeOf(await apply('e-1', '12345'))).toBe('BAD_USER_INPUT');
    expect(await r.stateOf(r.deceased)).toEqual(before);
  });
}

import { randomBytes } from 'node:crypto';

/** URI of the real database server the jest global setup started (or MONGODB_URI). */
export function testMongoUri(): string {
  const uri = process.env.NCT_TEST_MONGODB_URI;
  if (!uri) throw new Error('NCT_TEST_MONGODB_URI is not set: run tests through jest with the shared preset');
  return uri;
}

/** A database name no other test uses: tests never share data. */
export function uniqueDbName(prefix: string): string {
  return `t_${prefix}_${randomBytes(5).toString('hex')}`;
}

/**
 * The date this test run is pinned to: `NCT_TODAY`, which the jest global setup sets from
 * `NCT_TEST_TODAY` (or from today's date, read once). Subgraphs created in tests use the same
 * date through their default clock, so expectations and the service agree whatever the day.
 */
export function testToday(): string {
  const today = process.env.NCT_TODAY;
  if (!today || !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error('NCT_TODAY is not set: run tests through jest with the shared preset');
  return today;
}

export { expectIndexedQueries, readsPerCollection, readsDuring, type IndexedOptions } from './plans';
export { executeOperation, type OperationResult } from './operations';
export { testCallers, deathReceiverContract } from './receivers';
export {
  NETWORK_GUARD_FILE,
  networkGuardEnv,
  installNetworkGuard,
  readNetworkGuardLog,
  isLoopbackHost,
  type NetworkAttempt,
  type NetworkGuardLog,
} from './network-guard';
export { launchChromium, chromiumPath, CHROMIUM_CANDIDATES } from './browser';

// Jest global setup for every workspace: one real MongoDB-protocol server per test run.
// MONGODB_URI when set (CI may start one server for all workspaces), otherwise an
// ephemeral embedded SecantusDB in a temporary folder on a free port. Never a mock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { provisionDatabase, DatabaseServer } from '../../db/src/embedded';
import { clockFromEnv, systemClock } from '../../dates/src/clock';

declare global {
  var __NCT_TEST_DB__: { server: DatabaseServer; dir: string | null } | undefined;
}

export default async function globalSetup(): Promise<void> {
  // One date for the whole run, read once here and inherited by every test worker and every
  // process the end-to-end tests start (NCT_TODAY): `NCT_TEST_TODAY=2028-02-29 npm test` runs
  // the suite as on that day. Nothing else in a test reads the wall clock (testToday()).
  const pinned = process.env.NCT_TEST_TODAY || process.env.NCT_TODAY || systemClock.today();
  process.env.NCT_TODAY = clockFromEnv({ NCT_TODAY: pinned }).today();
  if (process.env.MONGODB_URI) {
    process.env.NCT_TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nct-test-db-'));
  const server = await provisionDatabase({ dataDir: dir, port: 0, log: () => undefined });
  globalThis.__NCT_TEST_DB__ = { server, dir };
  process.env.NCT_TEST_MONGODB_URI = server.uri;
}

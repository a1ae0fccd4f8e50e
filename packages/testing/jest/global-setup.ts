// Jest global setup for every workspace: one real MongoDB-protocol server per test run.
// MONGODB_URI when set (CI may start one server for all workspaces), otherwise an
// ephemeral embedded FerretDB in a temporary folder on a free port. Never a mock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { provisionDatabase, DatabaseServer } from '../../db/src/embedded';

declare global {
  // eslint-disable-next-line no-var
  var __NCT_TEST_DB__: { server: DatabaseServer; dir: string | null } | undefined;
}

export default async function globalSetup(): Promise<void> {
  // Batches under 20 keys read the collections, 20 and more the digests: tests exercise and
  // compare both paths (the running system reads the digests for any batch; see digest.ts).
  process.env.DIGEST_BATCH_THRESHOLD ??= '20';
  if (process.env.MONGODB_URI) {
    process.env.NCT_TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nct-test-db-'));
  const server = await provisionDatabase({ dataDir: dir, port: 0, log: () => undefined });
  globalThis.__NCT_TEST_DB__ = { server, dir };
  process.env.NCT_TEST_MONGODB_URI = server.uri;
}

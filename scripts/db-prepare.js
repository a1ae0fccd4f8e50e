// `npm run db:prepare` (run by turbo before tests): makes sure a database server can be started.
// With MONGODB_URI set nothing is needed; otherwise the embedded FerretDB binary is built once,
// unless it cannot be and a `mongod` is on PATH (then that one is used).
'use strict';
const { spawnSync } = require('node:child_process');
if (process.env.MONGODB_URI) {
  console.log('[db] MONGODB_URI is set: using that server, nothing to prepare.');
  process.exit(0);
}
const { ensureBinary, hasGo } = require('../packages/db/ferretdb/build.js');
if (!hasGo() && spawnSync('mongod', ['--version'], { stdio: 'ignore' }).status === 0) {
  console.log('[db] no Go toolchain; a local mongod will be used.');
  process.exit(0);
}
console.log(`[db] embedded FerretDB ready: ${ensureBinary()}`);

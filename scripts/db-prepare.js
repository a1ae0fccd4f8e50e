// `npm run db:prepare` (run by turbo before tests, and by `npm start`): makes sure a database
// server can be started. With MONGODB_URI set nothing is needed; otherwise the embedded
// SecantusDB is installed once from PyPI into .cache/ (packages/db/secantusdb/install.js).
'use strict';
if (process.env.MONGODB_URI) {
  console.log('[db] MONGODB_URI is set: using that server, nothing to prepare.');
  process.exit(0);
}
const { ensureServer } = require('../packages/db/secantusdb/install.js');
try {
  console.log(`[db] embedded SecantusDB ready: ${ensureServer()}`);
} catch (err) {
  console.error(`[db] ${err.message}`);
  process.exit(1);
}

// Healthcheck of a `mongo:8` container in deploy/compose.yaml, which also sets it up the first
// time (idempotent): initiates the one-node replica set, creates the root user through the
// localhost exception, then the application user of the agency's database. Exits 0 (healthy)
// only when the node is the writable primary and the application user exists.
// Run inside the container: mongosh --quiet mongodb://127.0.0.1:27017/?directConnection=true /rs-init.js
const env = process.env;
const admin = db.getSiblingDB('admin');
let hello = admin.runCommand({ hello: 1 });
if (!hello.setName) {
  // Not initiated yet (the localhost exception allows it before any user exists).
  rs.initiate({ _id: env.RS_NAME || 'rs0', members: [{ _id: 0, host: env.RS_HOST }] });
  quit(1);
}
if (!hello.isWritablePrimary) quit(1);
let authed = false;
try {
  authed = admin.auth(env.MONGO_ROOT_USERNAME, env.MONGO_ROOT_PASSWORD).ok === 1;
} catch (e) {
  authed = false;
}
if (!authed) {
  // No user yet: the localhost exception lets the first one be created, then it closes.
  admin.createUser({ user: env.MONGO_ROOT_USERNAME, pwd: env.MONGO_ROOT_PASSWORD, roles: ['root'] });
  admin.auth(env.MONGO_ROOT_USERNAME, env.MONGO_ROOT_PASSWORD);
}
if (!admin.getUser(env.MONGO_APP_USERNAME)) {
  admin.createUser({
    user: env.MONGO_APP_USERNAME,
    pwd: env.MONGO_APP_PASSWORD,
    roles: [{ role: 'readWrite', db: env.MONGO_APP_DB }],
  });
}
quit(0);

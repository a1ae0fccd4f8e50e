// `npm start`: the whole system on one machine. The database is MONGODB_URI, or the embedded
// default (FerretDB on SQLite under .data/db, kept across restarts). An empty database is
// seeded with SEED_PEOPLE people (default 2,000) of a generated province.
import { DEFAULT_SEED_PEOPLE } from '@nct/seed';
import { createLogger } from '@nct/logger';
import { startSystem } from './system';

async function main(): Promise<void> {
  const logger = createLogger('start');
  const people = Number(process.env.SEED_PEOPLE ?? DEFAULT_SEED_PEOPLE);
  const seed = Number(process.env.SEED ?? 1);
  if (!Number.isInteger(people) || people < 0 || people > 1_000_000) throw new Error('SEED_PEOPLE must be an integer 0..1000000');
  const system = await startSystem({ people, seed, logger });
  const base = system.gatewayUrl.replace(/\/graphql$/, '');
  // Same default as the gateway's config: on, except in production unless IDE_ENABLED=true.
  const ideOn = process.env.IDE_ENABLED ? process.env.IDE_ENABLED === 'true' : process.env.NODE_ENV !== 'production';
  // The officials' web app (apps/web), when the gateway serves it (a build exists; docs/web-app.md).
  const appOn = await fetch(`${base}/app/config.json`).then(
    (res) => res.ok,
    () => false,
  );
  process.stdout.write(
    [
      '',
      'NCT platform is up:',
      `  ${'GraphQL IDE (GraphiQL)'.padEnd(26)}${ideOn ? `${base}/` : 'off (NODE_ENV=production; IDE_ENABLED=true turns it on)'}`,
      `  ${'Web app (officials)'.padEnd(26)}${appOn ? `${base}/app/` : 'not served (no apps/web/dist build, or production without WEB_OIDC_*)'}`,
      `  Gateway endpoint          ${system.gatewayUrl}`,
      `  Gateway health            ${base}/health`,
      ...Object.entries(system.subgraphUrls).map(([name, url]) => `  ${`Subgraph ${name}`.padEnd(26)}${url}`),
      `  Database (${system.db.kind})`.padEnd(28) + system.db.uri,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const shutdown = async () => {
    logger.info('stopping');
    await system.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err) => {
  process.stderr.write(`npm start failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

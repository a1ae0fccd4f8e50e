// `npm run seed -- --people N [--seed S]`: seeds the configured database (MONGODB_URI, or the
// embedded default) without starting the services. Databases that hold data are left alone.
import { provisionDatabase } from '@nct/db';
import { createLogger } from '@nct/logger';
import { DEFAULT_SEED_PEOPLE } from '@nct/seed';
import { seedAll } from './system';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer`);
  return value;
}

async function main(): Promise<void> {
  const logger = createLogger('seed');
  const db = await provisionDatabase({ log: (m) => logger.info(m) });
  try {
    await seedAll(db.uri, arg('people', DEFAULT_SEED_PEOPLE), arg('seed', 1), process.env, logger);
  } finally {
    await db.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

/**
 * `npm run import-units -- --file fixtures/lai-chau-units.csv [--dry-run]`: imports an
 * official unit list into this subgraph's database (MONGODB_URI, or the embedded default)
 * and prints the report as JSON. Exit code 0 when every row was accepted, 1 when some rows
 * were rejected (the others are imported), 2 when the file is refused as a whole.
 */
import fs from 'node:fs';
import { connectDatabase, provisionDatabase, syncIndexes } from '@nct/db';
import { subgraphDatabase, subgraphInfo } from '@nct/registry';
import { createModels } from '../models';
import { importUnits } from './unit-import';

async function main(argv: string[]): Promise<number> {
  const fileAt = argv.indexOf('--file');
  const file = fileAt >= 0 ? argv[fileAt + 1] : undefined;
  if (!file) {
    process.stderr.write('usage: import-units --file <units.csv> [--dry-run]\n');
    return 2;
  }
  const csv = fs.readFileSync(file, 'utf8');
  const db = await provisionDatabase({ log: (m) => process.stderr.write(`${m}\n`) });
  const conn = await connectDatabase(db.uri, subgraphDatabase(subgraphInfo('homeaffairs')));
  try {
    const models = createModels(conn);
    await syncIndexes(conn);
    const report = await importUnits(models, csv, { dryRun: argv.includes('--dry-run') });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.problem ? 2 : report.rejected.length ? 1 : 0;
  } finally {
    await conn.close();
    await db.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`import-units failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  },
);

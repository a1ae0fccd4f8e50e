import { DEFAULT_HOST, subgraphDatabase, subgraphInfo, subgraphPort } from '@nct/registry';
import { serveStandalone } from '@nct/subgraph-kit';
import { definition } from './index';

const info = subgraphInfo('audit');
serveStandalone(definition, {
  host: process.env.HOST ?? DEFAULT_HOST,
  port: subgraphPort(info),
  dbName: subgraphDatabase(info),
}).catch((err: unknown) => {
  process.stderr.write(`audit subgraph cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

import { DEFAULT_HOST, subgraphDatabase, subgraphInfo, subgraphPort } from '@nct/registry';
import { serveStandalone } from '@nct/subgraph-kit';
import { definition } from './index';

const info = subgraphInfo('association');
void serveStandalone(definition, {
  host: process.env.HOST ?? DEFAULT_HOST,
  port: subgraphPort(info),
  dbName: subgraphDatabase(info),
});

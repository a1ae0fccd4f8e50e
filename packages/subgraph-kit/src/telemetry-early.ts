// First import of @nct/subgraph-kit (index.ts): when tracing is configured, instrumentations must
// be in place before http, graphql, mongodb or pino are required (see telemetry.ts).
import { instrumentProcess } from './telemetry';

instrumentProcess(process.env);

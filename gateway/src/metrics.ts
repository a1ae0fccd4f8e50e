import { counter, histogram } from '@nct/subgraph-kit';

// The gateway's own metrics, on the process registry of the kit (served at /metrics with the
// HTTP, GraphQL and Node metrics; docs/operations.md). Labels: the subgraph's name from the
// supergraph, an outcome or error code: all bounded.

/** One fetch to a subgraph, by subgraph and outcome (`2xx`... status class, or `error`: refused, timed out). */
export const subgraphFetchSeconds = histogram(
  'nct_gateway_subgraph_fetch_seconds',
  'Gateway fetches to a subgraph, by subgraph and outcome',
  ['subgraph', 'outcome'],
);

/** Errors of subgraph fetches: SUBGRAPH_UNAVAILABLE (transport) or the codes the subgraph returned. */
export const subgraphErrors = counter('nct_gateway_subgraph_errors_total', 'Errors of subgraph fetches, by subgraph and code', [
  'subgraph',
  'code',
]);

/** Access-log writes (only requests that read personal data), by outcome: ok or failed (response withheld, 503). */
export const accessLogWrites = counter('nct_gateway_access_log_writes_total', 'Access-log writes, by outcome (ok, failed)', ['outcome']);
export const accessLogSeconds = histogram('nct_gateway_access_log_write_seconds', 'Access-log write latency, by outcome', ['outcome']);

import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Connection } from 'mongoose';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of this process: one registry, Node's default process metrics
 * (`nct_process_*`, `nct_nodejs_*`), and the `nct_*` metrics below. Every label value is
 * bounded: routes are a fixed set, status a class (`2xx`), GraphQL operations their type only
 * (never the client's operation name), error codes `extensions.code` (upper-case identifiers,
 * anything else counted as `OTHER`), subgraphs and databases names from configuration. No
 * citizen id, path, variable or operation name ever becomes a label (docs/operations.md).
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'nct_' });

/** Seconds buckets for request latencies: 5 ms to 10 s. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A counter on the process registry; the same one when already registered under that name. */
export function counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
  const existing = metricsRegistry.getSingleMetric(name);
  if (existing) return existing as Counter<L>;
  return new Counter<L>({ name, help, labelNames, registers: [metricsRegistry] });
}

/** A histogram on the process registry (seconds, LATENCY_BUCKETS unless given). */
export function histogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets = LATENCY_BUCKETS): Histogram<L> {
  const existing = metricsRegistry.getSingleMetric(name);
  if (existing) return existing as Histogram<L>;
  return new Histogram<L>({ name, help, labelNames, buckets, registers: [metricsRegistry] });
}

export function gauge<L extends string>(name: string, help: string, labelNames: readonly L[]): Gauge<L> {
  const existing = metricsRegistry.getSingleMetric(name);
  if (existing) return existing as Gauge<L>;
  return new Gauge<L>({ name, help, labelNames, registers: [metricsRegistry] });
}

const CODE = /^[A-Z][A-Z0-9_]{0,47}$/;
/** An error code as a label value: `extensions.code` when it looks like one, else `OTHER`. */
export function codeLabel(code: unknown): string {
  return typeof code === 'string' && CODE.test(code) ? code : 'OTHER';
}

export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : 'other';
}

// --- HTTP -------------------------------------------------------------------------------

const httpRequests = counter('nct_http_requests_total', 'HTTP requests answered, by route and status class', ['route', 'status_class']);
const httpSeconds = histogram('nct_http_request_duration_seconds', 'HTTP request latency, by route and status class', [
  'route',
  'status_class',
]);

/** The route label of a path: a fixed set, never the raw path. */
export function routeLabel(pathname: string): string {
  if (pathname === '/graphql') return '/graphql';
  if (pathname === '/health' || pathname.startsWith('/health/')) return '/health/*';
  if (pathname === '/metrics') return '/metrics';
  return 'other';
}

/** Counts the request and its latency once the response is finished (or the connection cut). */
export function observeHttp(req: IncomingMessage, res: ServerResponse): void {
  const started = process.hrtime.bigint();
  let pathname = '/';
  try {
    pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    /* counted as other */
  }
  const route = routeLabel(pathname);
  res.once('close', () => {
    const labels = { route, status_class: res.writableFinished ? statusClass(res.statusCode) : 'aborted' };
    httpRequests.inc(labels);
    httpSeconds.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
  });
}

// --- GraphQL ----------------------------------------------------------------------------

const gqlOperations = counter(
  'nct_graphql_operations_total',
  'GraphQL operations, by operation type and outcome (ok or the first error code)',
  ['operation_type', 'outcome'],
);
const gqlSeconds = histogram('nct_graphql_operation_duration_seconds', 'GraphQL operation latency, by operation type and outcome', [
  'operation_type',
  'outcome',
]);
const gqlErrors = counter('nct_graphql_errors_total', 'Errors in GraphQL responses, by extensions.code', ['code']);

/**
 * Apollo Server plugin: counts each operation and its latency by operation type (`query`,
 * `mutation`, `subscription`, or `unknown` when it did not parse or validate) and outcome
 * (`ok`, or the first error's code), and every error by code. Used by the subgraphs' servers
 * (createApolloServer) and by the gateway's.
 */
export function metricsPlugin<C extends BaseContext = BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operation, response }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = errors.map((e) => codeLabel(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          for (const code of codes) gqlErrors.inc({ code });
          const labels = { operation_type: operation?.operation ?? 'unknown', outcome: codes[0] ?? 'ok' };
          gqlOperations.inc(labels);
          gqlSeconds.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}

// --- Readiness --------------------------------------------------------------------------

const readyGauge = gauge('nct_ready', 'Readiness as last answered on /health/ready: 1 ready, 0 not (draining or a dependency down)', []);

export function recordReadiness(ready: boolean): void {
  readyGauge.set(ready ? 1 : 0);
}

/**
 * A check run at most once per `ttlMs` (concurrent callers share the run in flight), so that
 * frequent readiness probes do not hammer the dependency it asks.
 */
export function cachedCheck(check: () => Promise<boolean>, ttlMs: number): () => Promise<boolean> {
  let last: { at: number; ok: boolean } | undefined;
  let running: Promise<boolean> | undefined;
  return () => {
    if (last && Date.now() - last.at < ttlMs) return Promise.resolve(last.ok);
    running ??= check()
      .catch(() => false)
      .then((ok) => {
        last = { at: Date.now(), ok };
        running = undefined;
        return ok;
      });
    return running;
  };
}

// --- Database pool ----------------------------------------------------------------------

const poolCheckedOut = gauge('nct_db_pool_checked_out_connections', 'MongoDB driver pool: connections checked out (in use), by database', [
  'database',
]);
const poolSize = gauge('nct_db_pool_connections', 'MongoDB driver pool: open connections (pool size), by database', ['database']);
const poolMax = gauge('nct_db_pool_max_connections', 'MongoDB driver pool: maxPoolSize per server, by database', ['database']);

/**
 * Follows the driver's connection pool (CMAP events) of a connection: connections checked out
 * and open, labelled with the database name (configuration, so bounded). Returns a function
 * that stops following.
 */
export function instrumentPool(conn: Connection, database: string): () => void {
  const client = conn.getClient();
  const labels = { database };
  // The connections made while connecting, before these listeners: read once from the
  // driver's pools (best effort: internal fields), then kept by the events.
  let checkedOut = 0;
  let open = 0;
  try {
    const servers = (
      client as unknown as {
        topology?: { s?: { servers?: Map<string, { pool?: { totalConnectionCount?: number; currentCheckedOutCount?: number } }> } };
      }
    ).topology?.s?.servers;
    for (const server of servers?.values() ?? []) {
      open += server.pool?.totalConnectionCount ?? 0;
      checkedOut += server.pool?.currentCheckedOutCount ?? 0;
    }
  } catch {
    /* start from zero */
  }
  const publish = () => {
    poolCheckedOut.set(labels, Math.max(0, checkedOut));
    poolSize.set(labels, Math.max(0, open));
  };
  publish();
  const max = (client as unknown as { options?: { maxPoolSize?: number } }).options?.maxPoolSize;
  if (typeof max === 'number') poolMax.set(labels, max);
  const handlers: Record<string, () => void> = {
    connectionCheckedOut: () => (checkedOut++, publish()),
    connectionCheckedIn: () => (checkedOut--, publish()),
    connectionCreated: () => (open++, publish()),
    connectionClosed: () => (open--, publish()),
  };
  for (const [event, handler] of Object.entries(handlers)) client.on(event as 'connectionCreated', handler);
  return () => {
    for (const [event, handler] of Object.entries(handlers)) client.off(event as 'connectionCreated', handler);
  };
}

// --- The endpoint -----------------------------------------------------------------------

export interface MetricsEndpointOptions {
  /** Serve `/metrics` (METRICS_ENABLED, default true). */
  enabled: boolean;
  /** When set, `/metrics` requires `Authorization: Bearer <token>` (METRICS_TOKEN). */
  token?: string;
}

export function metricsEndpointFromEnv(env: NodeJS.ProcessEnv = process.env): MetricsEndpointOptions {
  const raw = (env.METRICS_ENABLED ?? 'true').trim().toLowerCase();
  const token = env.METRICS_TOKEN?.trim();
  return { enabled: !['false', '0', 'no', 'off'].includes(raw), ...(token ? { token } : {}) };
}

/** Answers `/metrics` in the Prometheus text format. */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, options: MetricsEndpointOptions): Promise<void> {
  if (options.token) {
    const digest = (v: string) => createHash('sha256').update(v).digest();
    const given = String(req.headers.authorization ?? '');
    if (!timingSafeEqual(digest(given), digest(`Bearer ${options.token}`))) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer' });
      res.end('unauthorized\n');
      return;
    }
  }
  const text = await metricsRegistry.metrics();
  res.writeHead(200, { 'content-type': metricsRegistry.contentType, 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : text);
}

import type { GraphQLSchema } from 'graphql';
import type { Connection } from 'mongoose';
import { connectDatabase, provisionDatabase, syncIndexes } from '@nct/db';
import { createLogger, Logger } from '@nct/logger';
import { Identity, InternalVerifyKey, Purpose, ReplayGuard, Role } from '@nct/auth';
import { authenticatedContext, createApolloServer, createContext } from './server';
import { startHttpServer, RunningHttpServer } from './http';
import type { ApolloServer } from '@apollo/server';
import type { RequestContext } from './context';
import { Clock, clockFromEnv } from './clock';
import { cachedCheck, instrumentPool } from './metrics';
import { loadSubgraphConfig, SubgraphConfig, SubgraphDefaults } from './config';
import { startTelemetry } from './telemetry';
import { GraphCaller, graphCallerFromConfig, NO_GRAPH, SubgraphServices } from './graph-client';
import { idempotencyKeys } from './idempotency.model';

/** How long a database ping answer is reused by readiness probes. */
export const DEFAULT_READINESS_CACHE_MS = 2_000;
/** Deadline of the readiness ping. */
const PING_TIMEOUT_MS = 2_000;

/**
 * Readiness of a subgraph's database: the connection is open and answers a ping (cached for
 * `cacheMs`). A closed or disconnected connection is not ready at once, without a ping.
 */
export function databaseReadiness(conn: Connection, cacheMs = DEFAULT_READINESS_CACHE_MS): () => Promise<boolean> {
  const ping = cachedCheck(async () => {
    const db = conn.db;
    if (!db) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
    });
    try {
      return await Promise.race([db.command({ ping: 1 }).then((r) => r?.ok === 1), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }, cacheMs);
  return async () => conn.readyState === 1 && (await ping());
}

/** What a subgraph tells the kit about itself; the kit knows no agency. */
export interface SubgraphDefinition<M> {
  name: string;
  /** The role of this agency's own staff (the default caller of in-process tests). */
  staffRole: Role;
  createModels(conn: Connection): M;
  /** `services.graph`: calls through the gateway as `svc-<name>` (graph-client.ts). */
  buildSchema(models: M, services: SubgraphServices): Promise<{ schema: GraphQLSchema; sdl: string }>;
  /**
   * Optional work the subgraph does in the background while it serves (the register's outbox
   * worker): started by `runSubgraph` once it listens (never by `createSubgraph`, so in-process
   * tests drive it themselves), stopped and awaited by `stop()` after the requests in flight and
   * before the database closes.
   */
  background?(instance: SubgraphInstance<M>): BackgroundTask | null;
}

/** A running background task (`SubgraphDefinition.background`). */
export interface BackgroundTask {
  stop(): Promise<void>;
}

export interface SubgraphInstance<M> {
  name: string;
  models: M;
  schema: GraphQLSchema;
  sdl: string;
  apollo: ApolloServer<RequestContext>;
  logger: Logger;
  /**
   * Context for in-process calls (tests): by default this agency's staff with a purpose;
   * pass another identity (or `ANONYMOUS`) and purpose to test access rules.
   */
  context(identity?: Partial<Identity> | Identity, purpose?: Purpose | null): RequestContext;
  clock: Clock;
  /** What the schema was built with (the graph caller). */
  services: SubgraphServices;
}

export interface CreateOptions {
  /** Where the subgraph's "today" comes from. Default: `NCT_TODAY` when set, else the system clock. */
  clock?: Clock;
  /** Log level (pino); default LOG_LEVEL, or `info` (`error` under jest). */
  logLevel?: string;
  /** How the subgraph calls the graph. Default: none (every call refused with DEPENDENCY_UNAVAILABLE). */
  graph?: GraphCaller;
}

/** Builds models, indexes, schema and Apollo server on an open connection (no listener). */
export async function createSubgraph<M>(
  def: SubgraphDefinition<M>,
  conn: Connection,
  options: CreateOptions = {},
): Promise<SubgraphInstance<M>> {
  const clock = options.clock ?? clockFromEnv();
  const logger = createLogger(def.name, options.logLevel);
  const models = def.createModels(conn);
  // The results of creates under their idempotency keys (idempotency.ts), with its TTL index.
  idempotencyKeys(conn);
  await syncIndexes(conn);
  const services: SubgraphServices = { graph: options.graph ?? NO_GRAPH };
  const { schema, sdl } = await def.buildSchema(models, services);
  const apollo = createApolloServer(schema, logger, def.name);
  await apollo.start();
  const context = (identity?: Partial<Identity>, purpose: Purpose | null = 'CARE_COORDINATION') =>
    createContext(
      logger,
      undefined,
      {
        identity: { subject: `test-${def.staffRole}`, role: def.staffRole, commune: null, agency: null, ...(identity ?? {}) },
        purpose,
      },
      clock,
    );
  return { name: def.name, models, schema, sdl, apollo, logger, context, clock, services };
}

export interface ListenOptions {
  uri: string;
  dbName: string;
  host: string;
  port: number;
  /**
   * Public keys that verify the gateway's internal credential (INTERNAL_VERIFY_KEYS); the
   * credential must also name this subgraph as its audience.
   */
  internalVerifyKeys: readonly InternalVerifyKey[];
  clock?: Clock;
  logLevel?: string;
  /** How long a database ping answer is reused by readiness probes (default 2 s). */
  readinessCacheMs?: number;
  /**
   * stop(): how long readiness answers 503 `draining` while requests are still served, before
   * the listener closes, so that a load balancer stops sending first (default 0).
   */
  shutdownReadinessDelayMs?: number;
  /** stop(): how long requests in flight may still take before they are cut (default 0). */
  shutdownGraceMs?: number;
  /** How the subgraph calls the graph (default: none). */
  graph?: GraphCaller;
}

export interface RunningSubgraph<M> extends SubgraphInstance<M> {
  conn: Connection;
  http: RunningHttpServer;
  url: string;
  stop(): Promise<void>;
}

/** How long a standalone subgraph's stop waits for requests in flight before cutting them. */
const SUBGRAPH_SHUTDOWN_GRACE_MS = 10_000;

/** Connects to the subgraph's own database and serves it over HTTP. */
export async function runSubgraph<M>(def: SubgraphDefinition<M>, options: ListenOptions): Promise<RunningSubgraph<M>> {
  const conn = await connectDatabase(options.uri, options.dbName);
  const instance = await createSubgraph(def, conn, { clock: options.clock, logLevel: options.logLevel, graph: options.graph });
  // One seen-set of credential ids per running subgraph: each gateway credential is accepted once.
  const internalAuth = { subgraph: def.name, keys: options.internalVerifyKeys, replayGuard: new ReplayGuard() };
  const http = await startHttpServer({
    apollo: instance.apollo,
    host: options.host,
    port: options.port,
    context: (req, rawBody) => authenticatedContext(instance.logger, req, rawBody, internalAuth, instance.clock),
    ready: databaseReadiness(conn, options.readinessCacheMs),
    logger: instance.logger,
    postOnly: true,
  });
  const unwatchPool = instrumentPool(conn, options.dbName);
  const background = def.background?.(instance) ?? null;
  return {
    ...instance,
    conn,
    http,
    url: http.url,
    async stop() {
      http.drain();
      const delay = options.shutdownReadinessDelayMs ?? 0;
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      await http.close(options.shutdownGraceMs ?? 0);
      await background?.stop();
      unwatchPool();
      await instance.apollo.stop();
      await conn.close();
    },
  };
}

/**
 * Runs one subgraph as its own process, on its configuration (`loadSubgraphConfig`): database
 * from MONGODB_URI (or the embedded default), listener on loopback unless HOST says otherwise,
 * graceful stop on signals.
 */
export async function serveStandalone<M>(def: SubgraphDefinition<M>, config: SubgraphConfig): Promise<void> {
  const logger = createLogger(def.name, config.logLevel);
  // Traces, when OTEL_EXPORTER_OTLP_ENDPOINT says where to (off by default; telemetry.ts).
  const telemetry = startTelemetry(def.name);
  if (telemetry) logger.info({ service: telemetry.serviceName }, 'exporting traces (OpenTelemetry)');
  const db = await provisionDatabase({ env: { MONGODB_URI: config.mongodbUri ?? undefined }, log: (m) => logger.info(m) });
  const principal = { subgraph: def.name, role: def.staffRole };
  const graph = graphCallerFromConfig(config.graph, principal, logger);
  if (config.graph.credential.kind === 'none') {
    logger.warn(
      { gateway: config.graph.gatewayUrl },
      'no service credential (SERVICE_TOKEN_FILE or SERVICE_OIDC_TOKEN_URL): writes that need another agency through the graph will be refused with DEPENDENCY_UNAVAILABLE',
    );
  } else {
    logger.info({ gateway: config.graph.gatewayUrl, credential: config.graph.credential.kind }, `calls the graph as svc-${def.name}`);
  }
  const running = await runSubgraph(def, {
    uri: db.uri,
    dbName: config.dbName,
    host: config.host,
    port: config.port,
    internalVerifyKeys: config.internalVerifyKeys,
    clock: config.clock,
    logLevel: config.logLevel,
    shutdownReadinessDelayMs: config.shutdownReadinessDelayMs,
    // A process stopping on a signal lets requests in flight finish, as the gateway does.
    shutdownGraceMs: SUBGRAPH_SHUTDOWN_GRACE_MS,
    graph,
  });
  logger.info({ url: running.url, database: config.dbName }, `${def.name} subgraph ready`);
  const stop = async () => {
    await running.stop();
    await db.stop();
    await telemetry?.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/**
 * The whole `main` of a subgraph process: reads and checks its configuration, then serves it.
 * Any problem (every bad configuration value, an unreachable database...) is one line on
 * stderr, `<name> subgraph cannot start: ...`, and exit code 1.
 */
export function runSubgraphMain<M>(
  subgraph: SubgraphDefaults,
  def: SubgraphDefinition<M>,
  env: Record<string, string | undefined> = process.env,
): void {
  const fail = (err: unknown) => {
    const message = (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');
    process.stderr.write(`${subgraph.name} subgraph cannot start: ${message}\n`);
    process.exit(1);
  };
  try {
    serveStandalone(def, loadSubgraphConfig(subgraph, env)).catch(fail);
  } catch (err) {
    fail(err);
  }
}

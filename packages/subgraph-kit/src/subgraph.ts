import type { GraphQLSchema } from 'graphql';
import type { Connection } from 'mongoose';
import { connectDatabase, provisionDatabase, syncIndexes } from '@nct/db';
import { createLogger, Logger } from '@nct/logger';
import { Identity, InternalVerifyKey, Purpose, Role, verifyKeysFromEnv } from '@nct/auth';
import { authenticatedContext, createApolloServer, createContext } from './server';
import { startHttpServer, RunningHttpServer } from './http';
import type { ApolloServer } from '@apollo/server';
import type { RequestContext } from './context';
import { Clock, clockFromEnv } from './clock';

/** What a subgraph tells the kit about itself; the kit knows no agency. */
export interface SubgraphDefinition<M> {
  name: string;
  /** The role of this agency's own staff (the default caller of in-process tests). */
  staffRole: Role;
  createModels(conn: Connection): M;
  buildSchema(models: M): Promise<{ schema: GraphQLSchema; sdl: string }>;
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
}

export interface CreateOptions {
  /** Where the subgraph's "today" comes from. Default: `NCT_TODAY` when set, else the system clock. */
  clock?: Clock;
}

/** Builds models, indexes, schema and Apollo server on an open connection (no listener). */
export async function createSubgraph<M>(def: SubgraphDefinition<M>, conn: Connection, options: CreateOptions = {}): Promise<SubgraphInstance<M>> {
  const clock = options.clock ?? clockFromEnv();
  const logger = createLogger(def.name);
  const models = def.createModels(conn);
  await syncIndexes(conn);
  const { schema, sdl } = await def.buildSchema(models);
  const apollo = createApolloServer(schema, logger, def.name);
  await apollo.start();
  const context = (identity?: Partial<Identity>, purpose: Purpose | null = 'CARE_COORDINATION') =>
    createContext(logger, undefined, {
      identity: { subject: `test-${def.staffRole}`, role: def.staffRole, commune: null, agency: null, ...(identity ?? {}) },
      purpose,
    }, clock);
  return { name: def.name, models, schema, sdl, apollo, logger, context, clock };
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
}

export interface RunningSubgraph<M> extends SubgraphInstance<M> {
  conn: Connection;
  http: RunningHttpServer;
  url: string;
  stop(): Promise<void>;
}

/** Connects to the subgraph's own database and serves it over HTTP. */
export async function runSubgraph<M>(def: SubgraphDefinition<M>, options: ListenOptions): Promise<RunningSubgraph<M>> {
  const conn = await connectDatabase(options.uri, options.dbName);
  const instance = await createSubgraph(def, conn, { clock: options.clock });
  const http = await startHttpServer({
    apollo: instance.apollo,
    host: options.host,
    port: options.port,
    context: (req, rawBody) =>
      authenticatedContext(instance.logger, req, rawBody, { subgraph: def.name, keys: options.internalVerifyKeys }, instance.clock),
    ready: () => conn.readyState === 1,
  });
  return {
    ...instance,
    conn,
    http,
    url: http.url,
    async stop() {
      await http.close();
      await instance.apollo.stop();
      await conn.close();
    },
  };
}

/**
 * Runs one subgraph as its own process: database from MONGODB_URI (or the embedded
 * default), listener on loopback unless HOST says otherwise, graceful stop on signals.
 */
export async function serveStandalone<M>(def: SubgraphDefinition<M>, options: { host: string; port: number; dbName: string }): Promise<void> {
  const logger = createLogger(def.name);
  const internalVerifyKeys = verifyKeysFromEnv(process.env);
  if (internalVerifyKeys.length === 0) {
    throw new Error(
      'INTERNAL_VERIFY_KEYS (or INTERNAL_VERIFY_KEYS_FILE) is not set: a subgraph accepts only requests signed by the gateway, and needs its public key(s) (see docs/security.md)',
    );
  }
  const db = await provisionDatabase({ log: (m) => logger.info(m) });
  const running = await runSubgraph(def, { uri: db.uri, dbName: options.dbName, host: options.host, port: options.port, internalVerifyKeys });
  logger.info({ url: running.url, database: options.dbName }, `${def.name} subgraph ready`);
  const stop = async () => {
    await running.stop();
    await db.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

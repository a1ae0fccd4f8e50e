import path from 'node:path';
import { InternalVerifyKey, verifyKeysFromEnv } from '@nct/auth';
import { REPO_ROOT } from '@nct/db';
import { Clock, clockFromEnv } from './clock';

/**
 * Everything a subgraph process reads from its environment, read and validated here once
 * (docs/configuration.md lists the variables). The kit knows no agency: the caller gives the
 * subgraph's name and defaults (`subgraphInfo(name)` of @nct/registry).
 */
export interface SubgraphConfig {
  name: string;
  /** HOST: the address to listen on (default loopback). */
  host: string;
  /** `<NAME>_PORT` (not PORT): the listen port. */
  port: number;
  /** `<NAME>_DB`: the subgraph's own database. */
  dbName: string;
  /** MONGODB_URI; null: the embedded development database. */
  mongodbUri: string | null;
  /** INTERNAL_VERIFY_KEYS / INTERNAL_VERIFY_KEYS_FILE: the gateway's public key(s); never empty. */
  internalVerifyKeys: InternalVerifyKey[];
  /** SHUTDOWN_READINESS_DELAY_MS: how long readiness says 503 before the listener closes. */
  shutdownReadinessDelayMs: number;
  /** LOG_LEVEL (pino level). */
  logLevel: string;
  /** "Today": NCT_TODAY when set, else the system clock. */
  clock: Clock;
  /** How this subgraph calls the graph as its service principal (graph-client.ts). */
  graph: GraphClientConfig;
}

/**
 * Where the service token for calls through the graph comes from, in this order:
 * SERVICE_TOKEN_FILE, OpenID Connect client credentials, or (development only) the repo's own
 * issuer. `none`: production without any; the subgraph starts, calls through the graph fail.
 */
export type ServiceCredentialConfig =
  | { kind: 'file'; file: string }
  | { kind: 'oidc'; tokenUrl: string; clientId: string; clientSecret: string | null; clientSecretFile: string | null }
  | { kind: 'dev'; issuerDir: string }
  | { kind: 'none' };

export interface GraphClientConfig {
  /** GATEWAY_URL: the gateway's GraphQL endpoint. */
  gatewayUrl: string;
  /** GRAPH_TIMEOUT_MS: deadline of one call (default 5000). */
  timeoutMs: number;
  credential: ServiceCredentialConfig;
}

/** What the kit needs to know of a subgraph to read its configuration (a registry entry). */
export interface SubgraphDefaults {
  name: string;
  /** Default listen port; `<NAME>_PORT` overrides it. */
  port: number;
  /** Default database name; `<NAME>_DB` overrides it. */
  database: string;
}

/** Every problem of a subgraph's configuration, in one line. */
export class SubgraphConfigError extends Error {
  constructor(
    readonly subgraph: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'SubgraphConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Loopback, as DEFAULT_HOST of @nct/registry: a subgraph answers only its gateway. */
export const DEFAULT_SUBGRAPH_HOST = '127.0.0.1';
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** Characters MongoDB does not allow in a database name. */
const BAD_DB_NAME = /[/\\. "$*<>:|?\0]/;

/** The gateway on loopback at its registry port (GATEWAY_PORT of @nct/registry). */
export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:4000/graphql';
export const DEFAULT_GRAPH_TIMEOUT_MS = 5_000;
/** Where the gateway keeps the development issuer (DEV_ISSUER_DIR of @nct/gateway). */
const DEFAULT_DEV_ISSUER_DIR = path.join(REPO_ROOT, '.data', 'dev-issuer');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * GATEWAY_URL, GRAPH_TIMEOUT_MS and the service credential (SERVICE_TOKEN_FILE,
 * SERVICE_OIDC_TOKEN_URL + SERVICE_CLIENT_ID + SERVICE_CLIENT_SECRET[_FILE], DEV_ISSUER_DIR).
 * Throws one Error listing every problem.
 */
export function graphClientConfigFromEnv(env: Env = process.env): GraphClientConfig {
  const problems: string[] = [];
  const gatewayUrl = env.GATEWAY_URL?.trim() || DEFAULT_GATEWAY_URL;
  if (!isHttpUrl(gatewayUrl)) problems.push(`GATEWAY_URL must be an http:// or https:// URL, got "${gatewayUrl}"`);

  const rawTimeout = env.GRAPH_TIMEOUT_MS?.trim();
  const timeoutMs = rawTimeout ? Number(rawTimeout) : DEFAULT_GRAPH_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000)
    problems.push(`GRAPH_TIMEOUT_MS must be a whole number of milliseconds 100-120000, got "${rawTimeout}"`);

  let credential: ServiceCredentialConfig = { kind: 'none' };
  const tokenFile = env.SERVICE_TOKEN_FILE?.trim();
  const tokenUrl = env.SERVICE_OIDC_TOKEN_URL?.trim();
  if (tokenFile) {
    credential = { kind: 'file', file: tokenFile };
  } else if (tokenUrl) {
    const clientId = env.SERVICE_CLIENT_ID?.trim() ?? '';
    const clientSecret = env.SERVICE_CLIENT_SECRET || null;
    const clientSecretFile = env.SERVICE_CLIENT_SECRET_FILE?.trim() || null;
    let url: URL | null = null;
    try {
      url = new URL(tokenUrl);
    } catch {
      /* reported below */
    }
    if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))))
      problems.push(`SERVICE_OIDC_TOKEN_URL must be an https:// URL (http:// only on loopback), got "${tokenUrl}"`);
    if (!clientId) problems.push('SERVICE_OIDC_TOKEN_URL is set but SERVICE_CLIENT_ID is not');
    if (!clientSecret && !clientSecretFile)
      problems.push('SERVICE_OIDC_TOKEN_URL is set but neither SERVICE_CLIENT_SECRET nor SERVICE_CLIENT_SECRET_FILE is');
    if (clientSecret && clientSecretFile) problems.push('set SERVICE_CLIENT_SECRET or SERVICE_CLIENT_SECRET_FILE, not both');
    credential = { kind: 'oidc', tokenUrl, clientId, clientSecret, clientSecretFile };
  } else if (env.NODE_ENV !== 'production') {
    credential = { kind: 'dev', issuerDir: env.DEV_ISSUER_DIR?.trim() || DEFAULT_DEV_ISSUER_DIR };
  }
  if (problems.length) throw new Error(problems.join('; '));
  return { gatewayUrl, timeoutMs, credential };
}

function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** SHUTDOWN_READINESS_DELAY_MS: how long readiness says 503 before the listener closes (default 0). */
export function shutdownReadinessDelayFromEnv(env: Env = process.env): number {
  const raw = env.SHUTDOWN_READINESS_DELAY_MS?.trim();
  if (!raw) return 0;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 0 || ms > 600_000)
    throw new Error(`SHUTDOWN_READINESS_DELAY_MS must be a whole number of milliseconds 0-600000, got "${raw}"`);
  return ms;
}

function check<T>(problems: string[], read: () => T, fallback: T): T {
  try {
    return read();
  } catch (err) {
    problems.push(err instanceof Error ? err.message : String(err));
    return fallback;
  }
}

/**
 * Reads a subgraph's configuration from `env`; throws one SubgraphConfigError naming every
 * bad or missing value.
 */
export function loadSubgraphConfig(subgraph: SubgraphDefaults, env: Env = process.env): SubgraphConfig {
  const problems: string[] = [];
  const prefix = subgraph.name.toUpperCase();

  const host = env.HOST ?? DEFAULT_SUBGRAPH_HOST;
  if (!host.trim()) problems.push('HOST must not be empty');

  const portVar = `${prefix}_PORT`;
  const rawPort = env[portVar];
  let port = subgraph.port;
  if (rawPort) {
    port = Number(rawPort);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      problems.push(`${portVar} must be an integer port between 0 and 65535, got "${rawPort}"`);
  }

  const dbVar = `${prefix}_DB`;
  const dbName = env[dbVar] ?? subgraph.database;
  if (!dbName || BAD_DB_NAME.test(dbName) || Buffer.byteLength(dbName) > 63) {
    problems.push(`${dbVar} must be a MongoDB database name (1-63 bytes, none of / \\ . " $ * < > : | ?), got "${dbName}"`);
  }

  const mongodbUri = env.MONGODB_URI || null;
  if (mongodbUri && !/^mongodb(\+srv)?:\/\/\S+$/.test(mongodbUri)) problems.push('MONGODB_URI must be a mongodb:// or mongodb+srv:// URI');

  const internalVerifyKeys = check(problems, () => verifyKeysFromEnv(env), null);
  if (internalVerifyKeys?.length === 0) {
    problems.push(
      'INTERNAL_VERIFY_KEYS (or INTERNAL_VERIFY_KEYS_FILE) is not set: a subgraph accepts only requests signed by the gateway, and needs its public key(s) (see docs/security.md)',
    );
  }

  const shutdownReadinessDelayMs = check(problems, () => shutdownReadinessDelayFromEnv(env), 0);

  const logLevel = env.LOG_LEVEL || (env.JEST_WORKER_ID ? 'error' : 'info');
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);

  const clock = check(
    problems,
    () => {
      try {
        return clockFromEnv(env);
      } catch {
        throw new Error(`NCT_TODAY must be a date YYYY-MM-DD, got "${env.NCT_TODAY}"`);
      }
    },
    null,
  );

  const graphFallback: GraphClientConfig = {
    gatewayUrl: DEFAULT_GATEWAY_URL,
    timeoutMs: DEFAULT_GRAPH_TIMEOUT_MS,
    credential: { kind: 'none' },
  };
  const graph = check(problems, () => graphClientConfigFromEnv(env), graphFallback);

  if (problems.length) throw new SubgraphConfigError(subgraph.name, problems);
  return {
    name: subgraph.name,
    host,
    port,
    dbName,
    mongodbUri,
    internalVerifyKeys: internalVerifyKeys as InternalVerifyKey[],
    shutdownReadinessDelayMs,
    logLevel,
    clock: clock as Clock,
    graph,
  };
}

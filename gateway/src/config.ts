import { isIP } from 'node:net';
import path from 'node:path';
import { InternalSigningKey, parseSigningKey } from '@nct/auth';
import { DEFAULT_HOST, GATEWAY_PORT, SUBGRAPHS, parsePort, subgraphUrl } from '@nct/registry';
import { AuthSettings, DEV_AUTH_DEFAULTS, DEV_ISSUER_DIR } from './auth';
import { RATE_LIMIT_STORES, type RateLimitStore } from './rate-limit';
import { loadWebAppConfig, type WebAppConfig } from './web-app/config';

/** Everything the gateway reads from its environment and command line, validated once. */
export interface GatewayConfig {
  host: string;
  port: number;
  /** Absolute path of the supergraph file to serve. */
  supergraphFile: string;
  subgraphTimeoutMs: number;
  /** URL per registered subgraph: `<NAME>_URL`, `<NAME>_PORT` or the registry default. */
  subgraphUrls: Record<string, string>;
  nodeEnv: 'development' | 'production' | 'test';
  production: boolean;
  /** Serve the IDE (IDE_ENABLED): default on, off in production unless `true`. */
  ideEnabled: boolean;
  /** Citizen id for the IDE's second tab (`person(citizenId:)`); absent: no second tab. */
  ideCitizenId?: string;
  /** Token for the IDE's default headers (IDE_TOKEN, development only). */
  ideToken?: string;
  /** Requests per minute per subject (RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute?: number;
  /** Requests a subject may send at once (RATE_LIMIT_BURST). */
  rateLimitBurst?: number;
  /** RATE_LIMIT_STORE (memory | mongodb) and RATE_LIMIT_MONGODB_URI: counts shared by replicas. */
  rateLimitStore: RateLimitStore;
  /** Exact origins whose pages may call the gateway (CORS_ALLOWED_ORIGINS); empty: none. */
  corsAllowedOrigins: string[];
  /** IP addresses of the load balancers whose `X-Forwarded-For` is believed (TRUSTED_PROXIES); empty: none. */
  trustedProxies: string[];
  /** How long a stop lets in-flight requests finish (SHUTDOWN_GRACE_MS). */
  shutdownGraceMs: number;
  /** How long readiness says 503 `draining` before the listener closes (SHUTDOWN_READINESS_DELAY_MS, default 0). */
  shutdownReadinessDelayMs: number;
  auth: AuthSettings;
  /** The officials' web app at `/app/` and development sign-in (web-app/config.ts, docs/web-app.md). */
  webApp: WebAppConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid gateway configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** The committed supergraph, next to package.json (same path from src/ and dist/). */
export const SUPERGRAPH_FILE = path.resolve(__dirname, '..', 'supergraph.graphql');

const NODE_ENVS = ['development', 'production', 'test'] as const;
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 5000;
/** How long a stop lets in-flight requests finish before cutting them (server.ts close()). */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
export const USAGE = 'Usage: node dist/index.js [--supergraph FILE]';

/** `--supergraph FILE` / `--supergraph=FILE`; anything else is an error. */
function parseArgv(argv: readonly string[], problems: string[]): { supergraph?: string } {
  const result: { supergraph?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--supergraph') {
      const value = argv[i + 1];
      if (!value || value.startsWith('--')) problems.push('--supergraph needs a file path');
      else result.supergraph = value;
      i++;
    } else if (arg.startsWith('--supergraph=')) {
      const value = arg.slice('--supergraph='.length);
      if (!value) problems.push('--supergraph needs a file path');
      else result.supergraph = value;
    } else {
      problems.push(`unknown argument "${arg}". ${USAGE}`);
    }
  }
  return result;
}

function check<T>(problems: string[], read: () => T, fallback: T): T {
  try {
    return read();
  } catch (err) {
    problems.push((err as Error).message);
    return fallback;
  }
}

function parseHttpUrl(raw: string, name: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  return raw;
}

/**
 * CORS_ALLOWED_ORIGINS: comma-separated exact origins, as a browser sends them in `Origin`
 * (scheme, host, port; no path, no trailing slash, no wildcard).
 */
export function parseOrigins(raw: string | undefined): string[] {
  const origins: string[] = [];
  for (const item of (raw ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)) {
    let url: URL | undefined;
    try {
      url = new URL(item);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== item) {
      const hint = url && (url.protocol === 'http:' || url.protocol === 'https:') ? ` (did you mean "${url.origin}"?)` : '';
      throw new Error(
        `CORS_ALLOWED_ORIGINS: "${item}" is not an exact origin like https://app.example.vn or http://localhost:5173 (scheme://host[:port], no path, no trailing slash, no wildcard)${hint}`,
      );
    }
    origins.push(item);
  }
  return origins;
}

/** TRUSTED_PROXIES: comma-separated IP addresses (IPv4 or IPv6, no ranges) of the load balancers. */
export function parseTrustedProxies(raw: string | undefined): string[] {
  const proxies = (raw ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const bad = proxies.filter((p) => isIP(p) === 0);
  if (bad.length)
    throw new Error(
      `TRUSTED_PROXIES must be comma-separated IP addresses of the load balancers (no names, no ranges), got ${bad.map((b) => `"${b}"`).join(', ')}`,
    );
  return proxies;
}

function wholeNumber(env: Env, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw new Error(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
  return n;
}

/** Reads and validates the configuration; throws one ConfigError listing every problem. */
export function loadConfig(argv: readonly string[] = process.argv.slice(2), env: Env = process.env): GatewayConfig {
  const problems: string[] = [];
  const args = parseArgv(argv, problems);

  const port = check(problems, () => (env.PORT ? parsePort(env.PORT, 'PORT') : GATEWAY_PORT), GATEWAY_PORT);
  const host = env.HOST ?? DEFAULT_HOST;
  if (!host.trim()) problems.push('HOST must not be empty');

  const file = args.supergraph ?? env.SUPERGRAPH_FILE;
  if (file !== undefined && !file.trim()) problems.push('SUPERGRAPH_FILE must not be empty');
  const supergraphFile = file ? path.resolve(file) : SUPERGRAPH_FILE;

  const subgraphTimeoutMs = check(
    problems,
    () => {
      const raw = env.SUBGRAPH_TIMEOUT_MS;
      if (raw === undefined) return DEFAULT_SUBGRAPH_TIMEOUT_MS;
      const ms = Number(raw);
      if (!/^\d+$/.test(raw) || ms < 1 || ms > 600_000) {
        throw new Error(`SUBGRAPH_TIMEOUT_MS must be a whole number of milliseconds between 1 and 600000, got "${raw}"`);
      }
      return ms;
    },
    DEFAULT_SUBGRAPH_TIMEOUT_MS,
  );

  const subgraphUrls: Record<string, string> = {};
  for (const info of SUBGRAPHS) {
    const name = `${info.name.toUpperCase()}_URL`;
    const url = check(problems, () => parseHttpUrl(subgraphUrl(info, env), name), '');
    if (url) subgraphUrls[info.name] = url;
  }

  const nodeEnv = (env.NODE_ENV ?? 'development') as GatewayConfig['nodeEnv'];
  if (!NODE_ENVS.includes(nodeEnv)) problems.push(`NODE_ENV must be one of ${NODE_ENVS.join(', ')}, got "${env.NODE_ENV}"`);

  let ideEnabled = nodeEnv !== 'production';
  if (env.IDE_ENABLED === 'true' || env.IDE_ENABLED === 'false') ideEnabled = env.IDE_ENABLED === 'true';
  else if (env.IDE_ENABLED) problems.push(`IDE_ENABLED must be true or false, got "${env.IDE_ENABLED}"`);
  const ideCitizenId = env.IDE_CITIZEN_ID || undefined;
  if (ideCitizenId !== undefined && !/^\d{12}$/.test(ideCitizenId)) {
    problems.push(`IDE_CITIZEN_ID must be a 12-digit citizen ID, got "${ideCitizenId}"`);
  }

  // The gateway's private Ed25519 key for the internal credential; `npm start` makes one per run.
  let internalSigningKey: InternalSigningKey | undefined;
  if (!env.INTERNAL_SIGNING_KEY)
    problems.push('INTERNAL_SIGNING_KEY must be set (the private Ed25519 key, JWK or PKCS#8 PEM, whose public key the subgraphs have)');
  else internalSigningKey = check(problems, () => parseSigningKey(env.INTERNAL_SIGNING_KEY!), undefined);
  const jwksUrl = env.AUTH_JWKS_URL ? check(problems, () => parseHttpUrl(env.AUTH_JWKS_URL!, 'AUTH_JWKS_URL'), undefined) : undefined;
  const jwksFile = env.AUTH_JWKS_FILE ? path.resolve(env.AUTH_JWKS_FILE) : undefined;
  if (nodeEnv === 'production' && (!(jwksUrl || jwksFile) || !env.AUTH_ISSUER || !env.AUTH_AUDIENCE)) {
    problems.push(
      'in production AUTH_JWKS_URL (or AUTH_JWKS_FILE), AUTH_ISSUER and AUTH_AUDIENCE must be set: the development issuer is not trusted',
    );
  }
  const ideToken = env.IDE_TOKEN || undefined;
  let rateLimitPerMinute: number | undefined;
  if (env.RATE_LIMIT_PER_MINUTE !== undefined) {
    rateLimitPerMinute = Number(env.RATE_LIMIT_PER_MINUTE);
    if (!/^\d+$/.test(env.RATE_LIMIT_PER_MINUTE) || rateLimitPerMinute < 1)
      problems.push(`RATE_LIMIT_PER_MINUTE must be a positive whole number, got "${env.RATE_LIMIT_PER_MINUTE}"`);
  }
  const rateLimitBurst = check(problems, () => wholeNumber(env, 'RATE_LIMIT_BURST', 1, 1_000_000), undefined);
  let rateLimitStore: RateLimitStore = { kind: 'memory' };
  const storeKind = env.RATE_LIMIT_STORE ?? 'memory';
  if (!(RATE_LIMIT_STORES as readonly string[]).includes(storeKind)) {
    problems.push(`RATE_LIMIT_STORE must be one of ${RATE_LIMIT_STORES.join(', ')}, got "${storeKind}"`);
  } else if (storeKind === 'mongodb') {
    const uri = env.RATE_LIMIT_MONGODB_URI;
    if (!uri || !/^mongodb(\+srv)?:\/\//.test(uri))
      problems.push(
        `RATE_LIMIT_STORE=mongodb needs RATE_LIMIT_MONGODB_URI, a mongodb:// or mongodb+srv:// URI shared by every gateway replica${uri ? `, got "${uri}"` : ''}`,
      );
    else rateLimitStore = { kind: 'mongodb', uri };
  } else if (env.RATE_LIMIT_MONGODB_URI) {
    problems.push('RATE_LIMIT_MONGODB_URI is set but RATE_LIMIT_STORE is not "mongodb": set RATE_LIMIT_STORE=mongodb to share the counts');
  }
  const corsAllowedOrigins = check(problems, () => parseOrigins(env.CORS_ALLOWED_ORIGINS), []);
  const trustedProxies = check(problems, () => parseTrustedProxies(env.TRUSTED_PROXIES), []);
  const shutdownGraceMs = check(problems, () => wholeNumber(env, 'SHUTDOWN_GRACE_MS', 0, 600_000), undefined) ?? DEFAULT_SHUTDOWN_GRACE_MS;
  const shutdownReadinessDelayMs = check(problems, () => wholeNumber(env, 'SHUTDOWN_READINESS_DELAY_MS', 0, 600_000), undefined) ?? 0;
  if (ideToken && nodeEnv === 'production')
    problems.push('IDE_TOKEN is for development only: the IDE never starts signed in in production');

  const webApp = loadWebAppConfig(
    env,
    nodeEnv === 'production',
    { jwksUrl, jwksFile, issuer: env.AUTH_ISSUER ?? DEV_AUTH_DEFAULTS.issuer, audience: env.AUTH_AUDIENCE ?? DEV_AUTH_DEFAULTS.audience },
    DEV_ISSUER_DIR,
    problems,
  );

  if (problems.length) throw new ConfigError(problems);
  return {
    host,
    port,
    supergraphFile,
    subgraphTimeoutMs,
    subgraphUrls,
    nodeEnv,
    production: nodeEnv === 'production',
    ideEnabled,
    ideCitizenId,
    ideToken,
    rateLimitPerMinute,
    rateLimitBurst,
    rateLimitStore,
    corsAllowedOrigins,
    trustedProxies,
    shutdownGraceMs,
    shutdownReadinessDelayMs,
    auth: {
      jwksUrl,
      jwksFile,
      issuer: env.AUTH_ISSUER ?? DEV_AUTH_DEFAULTS.issuer,
      audience: env.AUTH_AUDIENCE ?? DEV_AUTH_DEFAULTS.audience,
      internalSigningKey: internalSigningKey!,
    },
    webApp,
  };
}

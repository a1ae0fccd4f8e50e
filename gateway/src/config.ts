import path from 'node:path';
import { parseSecrets } from '@nct/auth';
import { DEFAULT_HOST, GATEWAY_PORT, SUBGRAPHS, parsePort, subgraphUrl } from '@nct/registry';
import { AuthSettings, DEV_AUTH_DEFAULTS } from './auth';

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
  /** Citizen id for the IDE's second tab (`person(citizenId:)`); absent: no second tab. */
  playgroundCitizenId?: string;
  /** Token for the IDE's default headers (development only). */
  playgroundToken?: string;
  /** Requests per minute per subject (RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute?: number;
  auth: AuthSettings;
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

  const playgroundCitizenId = env.PLAYGROUND_CITIZEN_ID || undefined;
  if (playgroundCitizenId !== undefined && !/^\d{12}$/.test(playgroundCitizenId)) {
    problems.push(`PLAYGROUND_CITIZEN_ID must be a 12-digit citizen ID, got "${playgroundCitizenId}"`);
  }

  const internalSecrets = check(problems, () => parseSecrets(env.INTERNAL_AUTH_SECRET), []);
  if (!env.INTERNAL_AUTH_SECRET) problems.push('INTERNAL_AUTH_SECRET must be set (one or more comma-separated secrets of 32+ characters)');
  const jwksUrl = env.AUTH_JWKS_URL ? check(problems, () => parseHttpUrl(env.AUTH_JWKS_URL!, 'AUTH_JWKS_URL'), undefined) : undefined;
  const jwksFile = env.AUTH_JWKS_FILE ? path.resolve(env.AUTH_JWKS_FILE) : undefined;
  if (nodeEnv === 'production' && (!(jwksUrl || jwksFile) || !env.AUTH_ISSUER || !env.AUTH_AUDIENCE)) {
    problems.push('in production AUTH_JWKS_URL (or AUTH_JWKS_FILE), AUTH_ISSUER and AUTH_AUDIENCE must be set: the development issuer is not trusted');
  }
  const playgroundToken = env.PLAYGROUND_TOKEN || undefined;
  let rateLimitPerMinute: number | undefined;
  if (env.RATE_LIMIT_PER_MINUTE !== undefined) {
    rateLimitPerMinute = Number(env.RATE_LIMIT_PER_MINUTE);
    if (!/^\d+$/.test(env.RATE_LIMIT_PER_MINUTE) || rateLimitPerMinute < 1) problems.push(`RATE_LIMIT_PER_MINUTE must be a positive whole number, got "${env.RATE_LIMIT_PER_MINUTE}"`);
  }
  if (playgroundToken && nodeEnv === 'production') problems.push('PLAYGROUND_TOKEN is for development only');

  if (problems.length) throw new ConfigError(problems);
  return {
    host,
    port,
    supergraphFile,
    subgraphTimeoutMs,
    subgraphUrls,
    nodeEnv,
    production: nodeEnv === 'production',
    playgroundCitizenId,
    playgroundToken,
    rateLimitPerMinute,
    auth: {
      jwksUrl,
      jwksFile,
      issuer: env.AUTH_ISSUER ?? DEV_AUTH_DEFAULTS.issuer,
      audience: env.AUTH_AUDIENCE ?? DEV_AUTH_DEFAULTS.audience,
      internalSecrets,
    },
  };
}

import fs from 'node:fs';
import { issueDevToken, Purpose, PURPOSE_HEADER, Role } from '@nct/auth';
import { AppError, Bilingual, DependencyUnavailableError, ErrorCode } from '@nct/errors';
import type { Logger } from '@nct/logger';
import type { GraphClientConfig, ServiceCredentialConfig } from './config';
import { codeLabel, counter } from './metrics';

/**
 * A subgraph calling the graph (through the gateway) as its service principal
 * `svc-<subgraph>` with its agency's role (docs/consistency.md section 1): one bearer token, a
 * declared purpose, the gateway's access log records the read. Used for the data a *write*
 * needs from another agency (identity from the register, deaths for a payroll run).
 */

/** One GraphQL operation sent through the gateway. */
export interface GraphOperation {
  query: string;
  variables?: Record<string, unknown>;
  /** The purpose declared to the gateway (`x-access-purpose`). */
  purpose: Purpose;
  /** The calling request's id (`ctx.requestId`), sent as `x-request-id` for correlation. */
  requestId?: string;
  /** What is asked for, in the refusal when the graph cannot answer (default: "another agency's data"). */
  what?: Bilingual;
}

/** Sends operations through the gateway; resolves the response's `data`. */
export interface GraphCaller {
  request<T = unknown>(op: GraphOperation): Promise<T>;
}

/** What a subgraph gets besides its models when it builds its schema. */
export interface SubgraphServices {
  graph: GraphCaller;
}

/** The service principal of a subgraph: `svc-<subgraph>`, with the role of its own staff. */
export interface ServicePrincipal {
  subgraph: string;
  role: Role;
}

/** Codes after which nothing was written and the same call may be sent again. */
const RETRYABLE = new Set(['SUBGRAPH_UNAVAILABLE', 'OUTCOME_UNKNOWN', 'RATE_LIMITED', 'DEPENDENCY_UNAVAILABLE']);
const DEFAULT_WHAT: Bilingual = { vi: 'dữ liệu của cơ quan khác', en: "another agency's data" };

const graphCalls = counter('nct_graph_calls_total', 'Calls of this subgraph through the graph (service principal), by outcome', [
  'outcome',
]);

/** The refusal of a write whose data could not be read through the graph: nothing was written. */
export function graphUnavailable(what: Bilingual = DEFAULT_WHAT, reason = 'GRAPH_UNREACHABLE'): DependencyUnavailableError {
  return new DependencyUnavailableError(
    {
      vi: `Không liên lạc được với ${what.vi} qua cổng dữ liệu; chưa ghi gì; hãy gửi lại`,
      en: `Could not reach ${what.en} through the gateway; nothing was written; send it again`,
    },
    { reason },
  );
}

/** A service token, fetched or minted when needed; `invalidate` after the gateway refused it. */
export interface TokenSource {
  token(): Promise<string>;
  invalidate(): void;
}

/** Thrown by a token source that cannot give a token (logged by the caller, never the token). */
class NoToken extends Error {}

/** The token in `file`, read again whenever the file's modification time or size changes (an agent rotates it). */
export function fileTokenSource(file: string): TokenSource {
  let cached: { stamp: string; token: string } | null = null;
  return {
    async token() {
      let stamp: string;
      try {
        const st = await fs.promises.stat(file);
        stamp = `${st.mtimeMs}:${st.size}`;
        if (cached?.stamp === stamp) return cached.token;
        const token = (await fs.promises.readFile(file, 'utf8')).trim();
        if (!token) throw new NoToken(`SERVICE_TOKEN_FILE ${file} is empty`);
        cached = { stamp, token };
        return token;
      } catch (err) {
        if (err instanceof NoToken) throw err;
        throw new NoToken(`SERVICE_TOKEN_FILE ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      }
    },
    invalidate() {
      cached = null;
    },
  };
}

/**
 * A token cached until `renewBeforeMs` before it expires; one fetch at a time (concurrent
 * callers wait for the same one).
 */
function cachedTokenSource(fetchToken: () => Promise<{ token: string; expiresInSeconds: number }>, renewBeforeMs: number): TokenSource {
  let cached: { token: string; renewAt: number } | null = null;
  let inFlight: Promise<string> | null = null;
  return {
    token() {
      // Token lifetimes are real time (the issuer's clock), not the subgraph's business date.
      if (cached && Date.now() < cached.renewAt) return Promise.resolve(cached.token);
      inFlight ??= fetchToken()
        .then(({ token, expiresInSeconds }) => {
          const lifetimeMs = expiresInSeconds * 1000;
          cached = { token, renewAt: Date.now() + Math.max(lifetimeMs - renewBeforeMs, lifetimeMs / 2) };
          return token;
        })
        .finally(() => {
          inFlight = null;
        });
      return inFlight;
    },
    invalidate() {
      cached = null;
    },
  };
}

/** Development only: a token of the repo's own issuer (`issuerDir`), `svc-<subgraph>` with its staff role, renewed before expiry. */
export function devTokenSource(issuerDir: string, principal: ServicePrincipal, ttlSeconds = 3600): TokenSource {
  return cachedTokenSource(
    async () => ({
      token: await issueDevToken(issuerDir, { role: principal.role, subject: `svc-${principal.subgraph}`, ttlSeconds }),
      expiresInSeconds: ttlSeconds,
    }),
    5 * 60_000,
  );
}

/** OpenID Connect client credentials (oauth4webapi): the token is cached until a minute before it expires. */
function oidcTokenSource(config: Extract<ServiceCredentialConfig, { kind: 'oidc' }>, timeoutMs: number): TokenSource {
  return cachedTokenSource(async () => {
    // oauth4webapi is an ES module: loaded only when client credentials are configured.
    const oauth = await import('oauth4webapi');
    const secret = config.clientSecret ?? (await readSecret(config.clientSecretFile!));
    const url = new URL(config.tokenUrl);
    const as = { issuer: url.origin, token_endpoint: config.tokenUrl };
    const client = { client_id: config.clientId };
    // Loopback http only (checked by the configuration): a test or sidecar token endpoint.
    const insecure = url.protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};
    let response: Response;
    try {
      response = await oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretPost(secret), new URLSearchParams(), {
        signal: AbortSignal.timeout(timeoutMs),
        ...insecure,
      });
    } catch (err) {
      throw new NoToken(`the token endpoint cannot be reached (${describe(err)})`);
    }
    try {
      const result = await oauth.processClientCredentialsResponse(as, client, response);
      return { token: result.access_token, expiresInSeconds: result.expires_in ?? 300 };
    } catch (err) {
      throw new NoToken(`the token endpoint refused the client credentials (HTTP ${response.status}, ${describe(err)})`);
    }
  }, 60_000);
}

async function readSecret(file: string): Promise<string> {
  try {
    const secret = (await fs.promises.readFile(file, 'utf8')).trim();
    if (secret) return secret;
  } catch {
    /* reported below */
  }
  throw new NoToken(`SERVICE_CLIENT_SECRET_FILE ${file} cannot be read or is empty`);
}

/** The token source a configuration names, or null when there is none (production without a credential). */
export function tokenSourceFromConfig(config: GraphClientConfig, principal: ServicePrincipal): TokenSource | null {
  const credential = config.credential;
  switch (credential.kind) {
    case 'file':
      return fileTokenSource(credential.file);
    case 'oidc':
      return oidcTokenSource(credential, config.timeoutMs);
    case 'dev':
      return devTokenSource(credential.issuerDir, principal);
    case 'none':
      return null;
  }
}

/** Why a call failed, for the log: an error class or code, never a URL with credentials, a token or variables. */
function describe(err: unknown): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string } } | null;
  if (e?.name === 'TimeoutError') return 'timeout';
  return e?.cause?.code ?? e?.code ?? e?.name ?? 'error';
}

/** The operation's name (`query PersonForCase ...`) for logs; never its variables. */
function operationName(query: string): string {
  return /^\s*(?:query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(query)?.[1] ?? 'anonymous';
}

interface GraphQLErrorJson {
  message?: unknown;
  extensions?: { code?: unknown; messageVi?: unknown; messageEn?: unknown; reason?: unknown; serviceName?: unknown };
}

interface GraphQLResponseJson {
  data?: unknown;
  errors?: GraphQLErrorJson[];
}

function parseJson(text: string): GraphQLResponseJson | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as GraphQLResponseJson) : null;
  } catch {
    return null;
  }
}

export interface GraphCallerOptions {
  /** The gateway's GraphQL URL, or a function giving it (known only once the gateway listens, in tests). */
  gatewayUrl: string | (() => string);
  timeoutMs: number;
  /** Null: no credential configured; every call fails with DEPENDENCY_UNAVAILABLE. */
  tokens: TokenSource | null;
  principal: ServicePrincipal;
  logger: Logger;
}

/** A caller of the graph over HTTP. */
export function createGraphCaller(options: GraphCallerOptions): GraphCaller {
  const { tokens, principal, logger } = options;
  const log = logger.child({ component: 'graph-client', principal: `svc-${principal.subgraph}` });
  return {
    async request<T = unknown>(op: GraphOperation): Promise<T> {
      const what = op.what ?? DEFAULT_WHAT;
      const fields = { operation: operationName(op.query), purpose: op.purpose, requestId: op.requestId };
      const fail = (outcome: string, detail: Record<string, unknown>, message: string, reason?: string) => {
        graphCalls.inc({ outcome });
        log.warn({ ...fields, ...detail }, message);
        return graphUnavailable(what, reason);
      };
      if (!tokens) {
        throw fail(
          'no_credential',
          {},
          'no service credential configured (SERVICE_TOKEN_FILE or SERVICE_OIDC_TOKEN_URL): calls through the graph fail',
          'NO_SERVICE_CREDENTIAL',
        );
      }
      let token: string;
      try {
        token = await tokens.token();
      } catch (err) {
        throw fail('no_token', { cause: err instanceof NoToken ? err.message : describe(err) }, 'no service token', 'NO_SERVICE_TOKEN');
      }
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        [PURPOSE_HEADER]: op.purpose,
      };
      if (op.requestId) headers['x-request-id'] = op.requestId;
      let status: number;
      let body: GraphQLResponseJson | null;
      try {
        const url = typeof options.gatewayUrl === 'function' ? options.gatewayUrl() : options.gatewayUrl;
        const res = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ query: op.query, variables: op.variables ?? {} }),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        status = res.status;
        const text = await res.text();
        body = parseJson(text);
      } catch (err) {
        const cause = describe(err);
        throw fail(
          'unreachable',
          { cause },
          'graph call failed: gateway unreachable or too slow',
          cause === 'timeout' ? 'GRAPH_TIMEOUT' : 'GRAPH_UNREACHABLE',
        );
      }
      const errors: GraphQLErrorJson[] = Array.isArray(body?.errors) ? body.errors : [];
      const codes = errors.map((e) => (typeof e?.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR'));
      const retryable = codes.find((c) => RETRYABLE.has(c));
      if (retryable) {
        // reason: the gateway's code (OUTCOME_UNKNOWN: a write sent through the graph may have run).
        throw fail(codeLabel(retryable), { status, codes }, 'graph call failed: the gateway could not answer', retryable);
      }
      if (errors.length) {
        // The gateway answered but refused: a misconfiguration (FORBIDDEN: the principal's role or
        // purpose) or a refusal of the data asked for (NOT_FOUND...). Kept with its code.
        const first = errors[0];
        const code = codes[0];
        if (code === 'UNAUTHENTICATED') tokens.invalidate();
        graphCalls.inc({ outcome: codeLabel(code) });
        log.warn({ ...fields, status, codes }, 'graph call refused by the gateway');
        const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
        const vi = text(first?.extensions?.messageVi) ?? text(first?.message) ?? code;
        const en = text(first?.extensions?.messageEn) ?? text(first?.message) ?? code;
        const misconfigured = code === 'FORBIDDEN' || code === 'UNAUTHENTICATED';
        throw new AppError(
          code as ErrorCode,
          misconfigured
            ? {
                vi: `Cổng dữ liệu từ chối yêu cầu của dịch vụ ${principal.subgraph}: ${vi}`,
                en: `The gateway refused the ${principal.subgraph} service's request: ${en}`,
              }
            : { vi, en },
          {
            ...(typeof first?.extensions?.reason === 'string' ? { reason: first.extensions.reason } : {}),
            ...(typeof first?.extensions?.serviceName === 'string' ? { serviceName: first.extensions.serviceName } : {}),
          },
        );
      }
      if (status < 200 || status > 299 || !body || !('data' in body)) {
        throw fail('bad_answer', { status }, 'graph call failed: no GraphQL answer from the gateway', 'GRAPH_BAD_ANSWER');
      }
      graphCalls.inc({ outcome: 'ok' });
      return body.data as T;
    },
  };
}

/** The graph caller of a subgraph process, from its configuration (runSubgraphMain). */
export function graphCallerFromConfig(config: GraphClientConfig, principal: ServicePrincipal, logger: Logger): GraphCaller {
  return createGraphCaller({
    gatewayUrl: config.gatewayUrl,
    timeoutMs: config.timeoutMs,
    tokens: tokenSourceFromConfig(config, principal),
    principal,
    logger,
  });
}

/** For subgraph tests: answers every operation with `handler`'s value as `data`; what it throws is thrown. */
export function graphStub(handler: (op: GraphOperation) => unknown): GraphCaller {
  return {
    async request<T = unknown>(op: GraphOperation): Promise<T> {
      return (await handler(op)) as T;
    },
  };
}

/** The default of in-process subgraphs without a graph: every call is refused, nothing is written. */
export const NO_GRAPH: GraphCaller = {
  async request(op: GraphOperation): Promise<never> {
    throw graphUnavailable(op.what, 'NO_GRAPH_CONFIGURED');
  },
};

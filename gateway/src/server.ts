// First: switches Apollo's telemetry off before @apollo/gateway is loaded (see no-phone-home.ts).
import './no-phone-home';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import nodeHttp from 'node:http';
import { createLogger, Logger } from '@nct/logger';
import { cachedCheck, DEFAULT_MAX_BODY_BYTES, metricsPlugin, noPhoneHomePlugins, startHttpServer } from '@nct/subgraph-kit';
import type { GatewayAuth } from './auth';
import { DEFAULT_LIMITS, limitsPlugin, queryArmor, QueryLimits } from './limits';
import { corsHook } from './cors';
import { DEFAULT_SHUTDOWN_GRACE_MS } from './config';
import { DEFAULT_RATE_LIMIT_BURST, DEFAULT_RATE_LIMIT_PER_MINUTE, RateLimiter, RateLimitStore } from './rate-limit';
import { withDocumentedSecurity } from './security-directives';
import { AccessLogWriter, accessLogPlugin, auditUrlFromSupergraph, DEFAULT_AUDIT_TIMEOUT_MS } from './access-log';

import { createGatewayContext, GatewayContext, requestIdHeaderPlugin } from './context';
import { SubgraphDataSource } from './datasource';
import { formatGatewayError } from './errors';
import { citizenIdArgType, idePage, ideRoutes, renderIde } from './ide/page';
import { webAppRoutes, WEB_APP_PREFIX, type WebAppOptions } from './web-app/static-app';
import { devIssuerRoutes, DEV_OIDC_CLIENT, DEV_TOKEN_ENDPOINT } from './web-app/dev-issuer';

export interface GatewayServerOptions {
  supergraphSdl: string;
  /** Client token verification and the internal credential's signing key (see docs/security.md). */
  auth: GatewayAuth;
  host: string;
  port: number;
  /** Subgraph name -> URL; wins over the URL written in the supergraph file. */
  subgraphUrls?: Record<string, string>;
  /** Deadline of each subgraph fetch, body included. */
  subgraphTimeoutMs: number;
  /** Introspection off. */
  production?: boolean;
  /**
   * Serve the IDE (GraphiQL) at `/` and to browsers at `/graphql`. Default: on, except in
   * production, where only an explicit `true` (IDE_ENABLED=true) turns it on.
   */
  ide?: boolean;
  /** Citizen id for the IDE's second tab. */
  ideCitizenId?: string;
  /** Abuse limits (depth, aliases, cost, tokens); defaults in limits.ts. */
  limits?: Partial<QueryLimits>;
  /** Requests per minute per subject, and the burst allowed. */
  rateLimitPerMinute?: number;
  rateLimitBurst?: number;
  /** Where the rate limit's counts live (default this process's memory). */
  rateLimitStore?: RateLimitStore;
  /** Exact origins (`https://host[:port]`) whose browser pages may call the gateway; default none. */
  corsAllowedOrigins?: readonly string[];
  /**
   * Addresses of the load balancers in front of the gateway (TRUSTED_PROXIES); default none.
   * Only a request from one of them has its client address read from `X-Forwarded-For`.
   */
  trustedProxies?: readonly string[];
  /** close(): how long in-flight requests may still take before they are cut. */
  shutdownGraceMs?: number;
  /** Development token the IDE's tabs start with (refused in production). */
  ideToken?: string;
  /**
   * The officials' web app (apps/web/dist) at `/app/` with its runtime configuration; not served
   * when the folder holds no build (docs/web-app.md).
   */
  webApp?: WebAppOptions;
  /**
   * Development sign-in at `/dev-issuer/` (role picker and an OpenID-Connect-style code flow),
   * minting tokens of the development issuer kept in this folder. Refused in production.
   */
  devIssuerDir?: string;
  maxBodyBytes?: number;
  /** Deadline of the access-log write of one request (fail closed after it). */
  auditTimeoutMs?: number;
  /**
   * Readiness requires the audit subgraph to answer its own `/health/ready` (default true):
   * the access log is fail-closed, so without it no personal data can be served. Off only for
   * tests over fake subgraphs that have no audit subgraph.
   */
  readinessRequiresAudit?: boolean;
  /** How long the audit probe's answer is reused by readiness checks (default 5 s). */
  readinessCacheMs?: number;
  /**
   * close(): how long `/health/ready` answers 503 `draining` while requests are still served,
   * before the listener closes and in-flight requests drain (SHUTDOWN_READINESS_DELAY_MS,
   * default 0), so that a load balancer stops sending new requests first.
   */
  shutdownReadinessDelayMs?: number;
  logger?: Logger;
}

export interface RunningGateway {
  /** The GraphQL endpoint, `http://host:port/graphql`. */
  url: string;
  port: number;
  /** The node:http server (tests watch its requests, e.g. CORS preflights). */
  server: nodeHttp.Server;
  /**
   * Graceful stop: `/health/ready` (and `/health`) turn 503 `draining`, after
   * `shutdownReadinessDelayMs` no new connection is accepted, in-flight requests
   * finish (at most `shutdownGraceMs`, then they are cut), then everything is released.
   */
  close(): Promise<void>;
}

export const DEFAULT_READINESS_CACHE_MS = 5_000;
const AUDIT_PROBE_TIMEOUT_MS = 2_000;

/**
 * Whether the audit subgraph answers its own `/health/ready` (200), asked at most once per
 * `cacheMs`. No audit subgraph at all: never ready (the access log is fail-closed).
 */
function auditReadiness(auditUrl: string | null, cacheMs: number): () => Promise<boolean> {
  if (!auditUrl) return async () => false;
  const probe = auditUrl.replace(/\/graphql\/?$/, '') + '/health/ready';
  return cachedCheck(async () => (await fetch(probe, { signal: AbortSignal.timeout(AUDIT_PROBE_TIMEOUT_MS) })).status === 200, cacheMs);
}

function redirectTo(location: string) {
  return (_req: nodeHttp.IncomingMessage, res: nodeHttp.ServerResponse) => {
    res.writeHead(302, { location });
    res.end();
  };
}

/** Apollo Server plugin that makes the IDE the landing page of `/graphql` for browsers. */
function landingPage(html: string): ApolloServerPlugin<GatewayContext> {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}

/**
 * The gateway: Apollo Gateway over a static supergraph (never runtime introspection, so a
 * subgraph that is down cannot stop it from starting), Apollo Server on top, served by the
 * kit's node:http integration with `/health`, a body limit and the offline IDE.
 */
export async function createGatewayServer(options: GatewayServerOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway');
  if (options.production && options.ideToken)
    throw new Error('ideToken is for development only: the IDE never starts signed in in production');
  if (options.production && options.devIssuerDir)
    throw new Error('devIssuerDir is for development only: production signs in with OpenID Connect');
  const showIde = options.ide ?? !options.production;
  const page = showIde
    ? idePage(
        renderIde({
          citizenId: options.ideCitizenId,
          citizenIdType: citizenIdArgType(options.supergraphSdl),
          headers: options.ideToken ? { Authorization: `Bearer ${options.ideToken}`, 'x-access-purpose': 'CARE_COORDINATION' } : undefined,
        }),
      )
    : undefined;

  const devRoutes = options.devIssuerDir ? devIssuerRoutes(options.devIssuerDir) : [];
  // In production the app is served only with an OpenID Connect client to sign in with.
  const appRoutes =
    options.webApp && (options.webApp.oidc || devRoutes.length)
      ? webAppRoutes(
          // In development, without a configured provider, the app's OpenID Connect login runs against the development issuer.
          { ...options.webApp, oidc: options.webApp.oidc ?? (devRoutes.length ? DEV_OIDC_CLIENT : undefined) },
          devRoutes.length ? DEV_TOKEN_ENDPOINT : null,
        )
      : null;
  if (options.webApp && !appRoutes)
    logger.info({ dir: options.webApp.dir }, 'web app not served: no build in its folder, or no OpenID Connect client configured');
  // Without the IDE, `/` leads to the app.
  const rootRedirect = !page && appRoutes ? [{ methods: ['GET', 'HEAD'], path: '/', handle: redirectTo(WEB_APP_PREFIX) }] : [];

  const limits = { ...DEFAULT_LIMITS, ...(options.limits ?? {}) };
  const trustedProxies = new Set(options.trustedProxies ?? []);
  // GraphQL Armor: depth, aliases, directives; field suggestions masked in production (limits.ts).
  const armor = queryArmor(limits, !!options.production);
  const limiter = await RateLimiter.create(
    {
      perMinute: options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
      burst: options.rateLimitBurst ?? DEFAULT_RATE_LIMIT_BURST,
      store: options.rateLimitStore,
    },
    (err) => logger.warn({ err }, 'rate limit store unreachable at start: each replica limits on its own until it answers'),
  );
  const auditUrl = options.subgraphUrls?.audit ?? auditUrlFromSupergraph(options.supergraphSdl);
  const auditReady = auditReadiness(auditUrl, options.readinessCacheMs ?? DEFAULT_READINESS_CACHE_MS);
  const requiresAudit = options.readinessRequiresAudit ?? true;
  // Made before Apollo Server so that its drain plugin can stop it gracefully (close()).
  const httpServer = nodeHttp.createServer();
  const gateway = new ApolloGateway({
    supergraphSdl: withDocumentedSecurity(options.supergraphSdl),
    logger,
    // Apollo's own spans (when a tracer provider is registered): never the document or errors,
    // which may hold personal data (docs/operations.md, "Traces").
    telemetry: { includeDocument: false, recordExceptions: false },
    buildService: ({ name, url }) =>
      new SubgraphDataSource(name, options.subgraphUrls?.[name] ?? url ?? '', options.subgraphTimeoutMs, logger),
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: formatGatewayError,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    introspection: !options.production,
    // No "Did you mean …?" in production (armor masks field suggestions, this the rest).
    hideSchemaDetailsFromClientErrors: !!options.production,
    validationRules: armor.validationRules,
    // index.ts owns SIGINT/SIGTERM; Apollo's own handler would re-raise the signal mid-close.
    stopOnTerminationSignals: false,
    plugins: [
      page ? landingPage(page.html) : ApolloServerPluginLandingPageDisabled(),
      // No usage or schema reports to Apollo, whatever APOLLO_KEY the environment holds.
      ...noPhoneHomePlugins(),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS }),
      ...armor.plugins,
      limitsPlugin(limits),
      requestIdHeaderPlugin(),
      metricsPlugin<GatewayContext>(),
      accessLogPlugin(new AccessLogWriter(auditUrl, options.auditTimeoutMs ?? DEFAULT_AUDIT_TIMEOUT_MS)),
    ],
    parseOptions: { maxTokens: limits.maxTokens },
  });

  // Start listening at once so `/health` can say 503 until the supergraph is loaded;
  // GraphQL requests that arrive meanwhile wait for the start.
  let loaded = false;
  const starting = apollo.start();
  starting.catch(() => undefined); // awaited below; this only avoids an early unhandled rejection
  const http = await startHttpServer({
    apollo,
    host: options.host,
    port: options.port,
    context: (req) => createGatewayContext(logger, req, options.auth, limiter, trustedProxies),
    // Draining is answered by the kit (503 `draining`) before this is asked.
    ready: async () => loaded && (!requiresAudit || (await auditReady())),
    server: httpServer,
    // CORS for the gateway only: subgraphs are internal and never answer other origins.
    onRequest: corsHook(options.corsAllowedOrigins ?? []),
    routes: [...(page ? ideRoutes(page) : []), ...(appRoutes ?? []), ...rootRedirect, ...devRoutes],
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    logger,
  }).catch(async (err: unknown) => {
    await starting.then(
      () => apollo.stop(),
      () => undefined,
    );
    await limiter.close();
    throw err;
  });
  try {
    await starting;
  } catch (err) {
    await http.close();
    await limiter.close();
    throw err;
  }
  loaded = true;

  return {
    url: http.url,
    port: http.port,
    server: httpServer,
    async close() {
      // Readiness 503 first; the listener stays open (requests still served) for the delay.
      http.drain();
      const delay = options.shutdownReadinessDelayMs ?? 0;
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      // The drain plugin: stop accepting, let in-flight requests finish, then stop the gateway.
      await apollo.stop();
      await http.close();
      await limiter.close();
    },
  };
}

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { ANONYMOUS, Identity, INTERNAL_HEADER, InternalClaims, InternalVerifyKey, Purpose, ReplayGuard, verifyInternal } from '@nct/auth';
import { AppError, formatError } from '@nct/errors';
import type { Logger } from '@nct/logger';
import type { RequestContext } from './context';
import { accessRecordPlugin, newAccessRecorder } from './access-record';
import { Clock, systemClock } from './clock';
import { noPhoneHomePlugins } from './no-phone-home';
import { metricsPlugin } from './metrics';

/**
 * A request's context. The request id is the gateway's (claim `rid` of the internal
 * credential); no header is trusted for it. In-process calls (tests) without one get a fresh id.
 */
export function createContext(
  logger: Logger,
  _req?: IncomingMessage,
  caller: { identity: Identity; purpose: Purpose | null; requestId?: string; service?: 'gateway' } = { identity: ANONYMOUS, purpose: null },
  clock: Clock = systemClock,
): RequestContext {
  const requestId = caller.requestId ?? randomUUID();
  return {
    requestId,
    logger: logger.child({ requestId, subject: caller.identity.subject }),
    identity: caller.identity,
    purpose: caller.purpose,
    loaders: new Map(),
    access: newAccessRecorder(),
    clock,
    today: clock.today(),
    ...(caller.service ? { service: caller.service } : {}),
  };
}

/**
 * How a subgraph checks the gateway's credential: its own name (the audience), the public keys,
 * and the process's seen-set of credential ids (one `ReplayGuard` per running subgraph, so a
 * captured credential sent again with its body is refused).
 */
export interface InternalAuth {
  subgraph: string;
  keys: readonly InternalVerifyKey[];
  replayGuard: ReplayGuard;
}

/**
 * Context of a request that reached a subgraph over HTTP: it must carry a valid internal
 * credential from the gateway, made for this subgraph and for exactly the body received
 * (`rawBody`), and not accepted before (`jti`, `auth.replayGuard`), or it is refused with 401
 * before any resolver runs.
 */
export async function authenticatedContext(
  logger: Logger,
  req: IncomingMessage,
  rawBody: Buffer,
  auth: InternalAuth,
  clock: Clock = systemClock,
): Promise<RequestContext> {
  const header = req.headers[INTERNAL_HEADER];
  const claims: InternalClaims | null = await verifyInternal(typeof header === 'string' ? header : undefined, {
    keys: auth.keys,
    subgraph: auth.subgraph,
    body: rawBody,
    replayGuard: auth.replayGuard,
  });
  if (!claims) {
    throw new AppError(
      'UNAUTHENTICATED',
      { vi: 'Chỉ nhận yêu cầu từ cổng API', en: 'Only requests from the gateway are accepted' },
      { http: { status: 401 } },
    );
  }
  return createContext(logger, req, claims, clock);
}

/** Logs each operation once, with its duration and error codes, never its variables. */
export function requestLogPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors }) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const codes = errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
          contextValue.logger.debug({ operationName, ms: Math.round(ms * 10) / 10, errors: codes }, 'graphql request');
        },
        async didEncounterErrors({ errors }) {
          for (const e of errors) {
            if (!e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR') {
              contextValue.logger.error({ err: e.originalError ?? e, path: e.path }, 'resolver error');
            }
          }
        },
      };
    },
  };
}

export function createApolloServer(schema: GraphQLSchema, logger?: Logger, subgraphName = 'subgraph'): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    schema,
    logger,
    formatError,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // Subgraphs must answer `_service { sdl }` for composition tooling; the gateway decides
    // what clients may introspect.
    introspection: true,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // No usage or schema reports to Apollo, whatever APOLLO_KEY the environment holds.
      ...noPhoneHomePlugins(),
      requestLogPlugin(),
      metricsPlugin(),
      accessRecordPlugin(subgraphName),
    ],
  });
}

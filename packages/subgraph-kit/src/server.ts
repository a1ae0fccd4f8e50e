import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { formatError } from '@nct/errors';
import type { Logger } from '@nct/logger';
import type { RequestContext } from './context';

/** Accepts a caller's request id only when it is short and plain; otherwise makes one. */
export function requestIdFrom(req?: IncomingMessage): string {
  const given = req?.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
}

export function createContext(logger: Logger, req?: IncomingMessage): RequestContext {
  const requestId = requestIdFrom(req);
  return { requestId, logger: logger.child({ requestId }), loaders: new Map() };
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

export function createApolloServer(schema: GraphQLSchema, logger?: Logger): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    schema,
    logger,
    formatError,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // Subgraphs must answer `_service { sdl }` for composition tooling; the gateway decides
    // what clients may introspect.
    introspection: true,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), requestLogPlugin()],
  });
}

import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { formatError } from '@nct/errors';

export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

/**
 * What a client sees when a subgraph is down, times out or answers with an HTTP error:
 * the subgraph's name in both languages, never its host, port or the network error.
 */
export function subgraphUnavailable(serviceName: string): GraphQLError {
  const vi = `Dịch vụ ${serviceName} không phản hồi`;
  const en = `The ${serviceName} subgraph is unavailable`;
  return new GraphQLError(`${vi} / ${en}`, {
    extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName, messageVi: vi, messageEn: en },
  });
}

/**
 * Typed errors a subgraph returned in its GraphQL response. The subgraph's own
 * `formatError` already made them safe; the gateway adds `serviceName` and passes them on.
 */
const FORWARDED_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT']);

/** Apollo Server `formatError` for the gateway: `@nct/errors` plus subgraphs' typed errors. */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { code, serviceName } = formatted.extensions ?? {};
  if (typeof serviceName === 'string' && typeof code === 'string' && FORWARDED_CODES.has(code)) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return formatError(formatted, error);
}

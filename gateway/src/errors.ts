import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AppError, formatError } from '@nct/errors';
import { limitsExceeded } from './limits';

export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';
export const OUTCOME_UNKNOWN = 'OUTCOME_UNKNOWN';

/**
 * What a client sees when a subgraph is down, times out or answers with an HTTP error:
 * the subgraph's name in both languages, never its host, port or the network error.
 * `nothingSent`: the connection was refused, the request never left the gateway.
 */
export function subgraphUnavailable(serviceName: string, nothingSent = false): GraphQLError {
  const vi = `Dịch vụ ${serviceName} không phản hồi${nothingSent ? '; yêu cầu chưa được gửi đi' : ''}`;
  const en = `The ${serviceName} subgraph is unavailable${nothingSent ? '; nothing was sent' : ''}`;
  return new GraphQLError(`${vi} / ${en}`, {
    extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName, messageVi: vi, messageEn: en },
  });
}

/** Why the outcome of a write is unknown, in the message. */
export type UnknownCause = 'timeout' | 'connection' | 'answer';
const UNKNOWN_CAUSE: Record<UnknownCause, { vi: string; en: string }> = {
  timeout: { vi: 'quá thời gian chờ', en: 'timed out' },
  connection: { vi: 'mất kết nối', en: 'connection lost' },
  answer: { vi: 'không đọc được câu trả lời', en: 'no readable answer' },
};

/**
 * A mutation sent to a subgraph whose answer never came (timed out, connection broken after
 * the request was sent): the write may or may not have happened. Retrying with the same
 * `idempotencyKey` is safe: the first outcome is returned (docs/consistency.md section 4).
 */
export function outcomeUnknown(serviceName: string, cause: UnknownCause): GraphQLError {
  const c = UNKNOWN_CAUSE[cause];
  const vi = `Không rõ thao tác ghi ở ${serviceName} đã thực hiện hay chưa (${c.vi}); gửi lại với cùng khóa idempotencyKey là an toàn`;
  const en = `The write to ${serviceName} may or may not have happened (${c.en}); retrying with the same idempotencyKey is safe`;
  return new GraphQLError(`${vi} / ${en}`, {
    extensions: { code: OUTCOME_UNKNOWN, serviceName, retrySafeWithSameKey: true, messageVi: vi, messageEn: en },
  });
}

/**
 * Typed errors a subgraph returned in its GraphQL response. The subgraph's own
 * `formatError` already made them safe; the gateway adds `serviceName` and passes them on.
 */
const FORWARDED_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  // The subgraph could not read another agency's data through the graph: nothing was written.
  'DEPENDENCY_UNAVAILABLE',
]);

/**
 * graphql-js's refusal of a document over `parseOptions.maxTokens` (the gateway's token limit);
 * graphql 16 spells it "more that N tokens".
 */
const TOO_MANY_TOKENS = /Document contains more tha[nt] (\d+) tokens/;

/** Apollo Server `formatError` for the gateway: `@nct/errors` plus subgraphs' typed errors. */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { code, serviceName } = formatted.extensions ?? {};
  if (typeof serviceName === 'string' && typeof code === 'string' && FORWARDED_CODES.has(code)) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOO_MANY_TOKENS.exec(formatted.message) : null;
  if (tokens) {
    // The same typed, bilingual refusal as the other limits (the HTTP status is already 400).
    const refusal = limitsExceeded([['tokens', undefined, Number(tokens[1])]]);
    const { http: _http, ...extensions } = refusal.extensions;
    return { message: refusal.message, locations: formatted.locations, extensions };
  }
  const result = formatError(formatted, error);
  // A limit refused by a validation rule (GraphQL Armor, limits.ts) is our AppError, but Apollo
  // Server stamps GRAPHQL_VALIDATION_FAILED on every validation error: give it back its own code.
  const original = appErrorIn(error);
  if (original && result.extensions?.code !== original.code)
    return { ...result, extensions: { ...result.extensions, code: original.code } };
  return result;
}

function appErrorIn(error: unknown): AppError | undefined {
  let current = error;
  for (let i = 0; i < 5 && current; i++) {
    if (current instanceof AppError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

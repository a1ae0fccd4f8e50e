import { GraphQLError, GraphQLFormattedError } from 'graphql';

/**
 * Client-facing errors. Each carries a stable `extensions.code`, a message in Vietnamese
 * and English (`message` is "vi / en", and both are in extensions), and an HTTP status
 * hint. Anything else thrown inside a service is masked by `formatError`.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR'
  // A service this operation depends on (the register, through the graph) could not be reached:
  // nothing was written; the same request may be sent again.
  | 'DEPENDENCY_UNAVAILABLE'
  // A write was sent but no answer came back in time: it may or may not have happened. Retrying
  // with the same idempotency key is safe (the first outcome is returned).
  | 'OUTCOME_UNKNOWN';

export interface Bilingual {
  vi: string;
  en: string;
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
  DEPENDENCY_UNAVAILABLE: 503,
  OUTCOME_UNKNOWN: 504,
};

export class AppError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: Bilingual, details?: Record<string, unknown>) {
    super(`${message.vi} / ${message.en}`, {
      extensions: { code, messageVi: message.vi, messageEn: message.en, ...(details ?? {}) },
    });
    this.code = code;
  }
}

export class BadUserInputError extends AppError {
  constructor(message: Bilingual, details?: Record<string, unknown>) {
    super('BAD_USER_INPUT', message, details);
  }
}
export class NotFoundError extends AppError {
  constructor(message: Bilingual, details?: Record<string, unknown>) {
    super('NOT_FOUND', message, details);
  }
}
export class ConflictError extends AppError {
  constructor(message: Bilingual, details?: Record<string, unknown>) {
    super('CONFLICT', message, details);
  }
}
export class ForbiddenError extends AppError {
  constructor(message: Bilingual, details?: Record<string, unknown>) {
    super('FORBIDDEN', message, details);
  }
}

/** The register (or another agency's data this write needs) could not be reached through the graph; nothing was written. */
export class DependencyUnavailableError extends AppError {
  constructor(message: Bilingual, details?: Record<string, unknown>) {
    super('DEPENDENCY_UNAVAILABLE', message, details);
  }
}

export function httpStatusOf(code: string | undefined): number | undefined {
  return code && code in HTTP_STATUS ? HTTP_STATUS[code as ErrorCode] : undefined;
}

/** MongoDB duplicate-key error (unique index violation), from MongoDB or FerretDB. */
export function isDuplicateKeyError(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  return !!e && (e.code === 11000 || e.code === 11001 || e.cause?.code === 11000);
}

/** Codes that graphql-js / Apollo Server produce for a bad request, safe to show as they are. */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * Apollo Server `formatError`: keeps our typed errors and request errors, masks the rest
 * (no stack traces, no internal hostnames or driver messages leave a service).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrap(error);
  const code = formatted.extensions?.code as string | undefined;
  const safe =
    original instanceof AppError ||
    (code !== undefined && (PASS_THROUGH.has(code) || code === 'SUBGRAPH_UNAVAILABLE' || code === 'OUTCOME_UNKNOWN'));
  if (safe) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Lỗi hệ thống, vui lòng thử lại sau / Internal server error, please try again later',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function unwrap(error: unknown): unknown {
  let current = error;
  for (let i = 0; i < 5; i++) {
    if (current instanceof AppError) return current;
    const next = (current as { originalError?: unknown } | null)?.originalError;
    if (!next) return current;
    current = next;
  }
  return current;
}

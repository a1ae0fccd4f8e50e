import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';

/** Headers an agency's front end sends: the token, the purpose, Apollo's CSRF header, a request id. */
export const CORS_ALLOWED_HEADERS = ['authorization', 'content-type', 'x-access-purpose', 'apollo-require-preflight', 'x-request-id'];
/** Response headers its scripts may read. */
export const CORS_EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'server-timing'];
/** How long a browser may reuse a preflight answer (seconds). */
export const CORS_MAX_AGE_SECONDS = 600;

/**
 * The gateway's CORS answer, with the `cors` package, as a request hook of the kit's HTTP
 * server (`onRequest`): a listed origin gets `Access-Control-Allow-Origin` (its own origin,
 * never `*`) and its preflights are answered 204; any other origin gets no CORS header, so the
 * browser keeps the response from its page. No credentials: callers send bearer tokens, not
 * cookies. An empty list installs nothing: no cross-origin access at all.
 */
export function corsHook(allowedOrigins: readonly string[]): ((req: IncomingMessage, res: ServerResponse) => Promise<boolean>) | undefined {
  if (allowedOrigins.length === 0) return undefined;
  const middleware = cors({
    origin: [...allowedOrigins],
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    credentials: false,
    maxAge: CORS_MAX_AGE_SECONDS,
    optionsSuccessStatus: 204,
  });
  // True when the middleware answered (a preflight: it ends the response), false when the
  // request goes on (it calls next). With static options it does either synchronously.
  return (req, res) =>
    new Promise<boolean>((resolve, reject) => {
      middleware(req, res, (err?: unknown) => (err ? reject(err) : resolve(false)));
      if (res.writableEnded) resolve(true);
    });
}

import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer, BaseContext, HeaderMap } from '@apollo/server';
import type { Logger } from '@nct/logger';
import { MetricsEndpointOptions, metricsEndpointFromEnv, observeHttp, recordReadiness, routeLabel, serveMetrics } from './metrics';

export interface HttpRoute {
  /** HTTP methods this route answers. */
  methods: readonly string[];
  /** The exact path, or with `prefix` every path that starts with it. */
  path: string;
  prefix?: boolean;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): void | Promise<void>;
}

export interface HttpServerOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  /**
   * Builds the request's context. `rawBody` is the exact bytes received (empty for GET): the
   * internal credential is bound to them (its `bh` claim).
   */
  context: (req: IncomingMessage, rawBody: Buffer) => Promise<C>;
  host: string;
  port: number;
  /** Extra routes, tried before `/graphql`. */
  routes?: HttpRoute[];
  /**
   * Readiness: `/health/ready` (and its alias `/health`) answers 200 when this resolves true,
   * 503 otherwise, and 503 `{"status":"draining"}` once `drain()` or `close()` was called.
   * `/health/live` answers 200 while the process runs, draining or not.
   */
  ready?: () => Promise<boolean> | boolean;
  /**
   * `/metrics` (Prometheus text format, the process registry of metrics.ts). Default from the
   * environment: METRICS_ENABLED (default true), METRICS_TOKEN (optional bearer token).
   */
  metrics?: MetricsEndpointOptions;
  /** Request bodies above this are refused with 413. */
  maxBodyBytes?: number;
  /**
   * `/graphql` answers 405 to anything but POST (subgraphs: the gateway only POSTs, with a
   * credential bound to the body; a GET would carry the query in the URL). The gateway keeps GET
   * for its IDE landing page.
   */
  postOnly?: boolean;
  /**
   * Runs first on every request; resolves true when it answered the request itself. The
   * gateway answers CORS here (subgraphs are internal and pass nothing, so they never do).
   */
  onRequest?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean> | boolean;
  /**
   * A server created beforehand, so that the caller can hand it to Apollo's drain plugin
   * (`ApolloServerPluginDrainHttpServer`) when it builds its ApolloServer; default a new one.
   */
  server?: http.Server;
  /**
   * One `info` line per request when it is answered: method, route (the path, never the query
   * string), status, duration and request id (`trace_id` too when tracing is on). Never headers,
   * bodies or variables. Probes and scrapes (`/health*`, `/metrics`) are not logged.
   */
  logger?: Logger;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  server: http.Server;
  /** Readiness turns 503 `{"status":"draining"}` from now on; everything else still answers. */
  drain(): void;
  /** True once drain() or close() was called. */
  readonly draining: boolean;
  /**
   * Stops listening. In-flight requests may finish for `graceMs` (default 0): idle keep-alive
   * connections are closed as they become idle, and whatever is still open after `graceMs` is
   * cut. (The gateway instead stops its ApolloServer first with Apollo's drain plugin.)
   */
  close(graceMs?: number): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

class BodyTooLarge extends Error {}

/** The request id of the request's GraphQL context, for the request log line. */
const requestIds = new WeakMap<IncomingMessage, string>();

function logRequest(logger: Logger, req: IncomingMessage, res: ServerResponse): void {
  // The route label, never the raw path: an unknown path may carry a citizen id.
  const route = routeLabel((req.url ?? '/').split('?')[0]);
  if (route === '/metrics' || route === '/health/*') return;
  const started = process.hrtime.bigint();
  res.once('finish', () => {
    const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
    logger.info({ method: req.method, route, status: res.statusCode, ms, requestId: requestIds.get(req) }, 'request');
  });
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) {
      reject(new BodyTooLarge());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function errorBody(code: string, vi: string, en: string) {
  return { errors: [{ message: `${vi} / ${en}`, extensions: { code, messageVi: vi, messageEn: en } }] };
}

/**
 * A small HTTP integration for Apollo Server on node:http: `/graphql`, `/health` and
 * extra routes, a body size limit, and JSON errors that never include a stack.
 */
export async function startHttpServer<C extends BaseContext>(options: HttpServerOptions<C>): Promise<RunningHttpServer> {
  const { apollo, routes = [], maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  const metrics = options.metrics ?? metricsEndpointFromEnv();
  let draining = false;

  const server = options.server ?? http.createServer();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    observeHttp(req, res);
    if (options.logger) logRequest(options.logger, req, res);
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, errorBody('INTERNAL_SERVER_ERROR', 'Lỗi hệ thống', 'Internal server error'));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    if (options.onRequest && (await options.onRequest(req, res))) return;
    const read = method === 'GET' || method === 'HEAD';
    if (read && url.pathname === '/health/live') {
      sendJson(res, 200, { status: draining ? 'draining' : 'ok' });
      return;
    }
    if (read && (url.pathname === '/health/ready' || url.pathname === '/health')) {
      if (draining) {
        recordReadiness(false);
        sendJson(res, 503, { status: 'draining' });
        return;
      }
      const ok = options.ready ? await options.ready() : true;
      recordReadiness(ok);
      sendJson(res, ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable' });
      return;
    }
    if (read && metrics.enabled && url.pathname === '/metrics') {
      await serveMetrics(req, res, metrics);
      return;
    }
    for (const route of routes) {
      const match = route.prefix ? url.pathname.startsWith(route.path) : url.pathname === route.path;
      if (match && route.methods.includes(method)) {
        await route.handle(req, res, url);
        return;
      }
    }
    if (url.pathname !== '/graphql') {
      sendJson(res, 404, errorBody('NOT_FOUND', 'Không tìm thấy', 'Not found'));
      return;
    }
    if (options.postOnly && method !== 'POST') {
      res.setHeader('allow', 'POST');
      sendJson(res, 405, errorBody('METHOD_NOT_ALLOWED', 'Chỉ chấp nhận POST', 'Only POST is accepted'));
      return;
    }
    let body: unknown = undefined;
    let rawBody: Buffer = Buffer.alloc(0);
    if (method === 'POST') {
      let raw: string;
      try {
        rawBody = await readBody(req, maxBodyBytes);
        raw = rawBody.toString('utf8');
      } catch (err) {
        if (err instanceof BodyTooLarge) {
          sendJson(
            res,
            413,
            errorBody('PAYLOAD_TOO_LARGE', `Yêu cầu vượt quá ${maxBodyBytes} byte`, `Request body exceeds ${maxBodyBytes} bytes`),
          );
          return;
        }
        throw err;
      }
      const type = String(req.headers['content-type'] ?? '');
      if (type.includes('application/json')) {
        try {
          body = raw.length ? JSON.parse(raw) : undefined;
        } catch {
          sendJson(res, 400, errorBody('BAD_REQUEST', 'Nội dung JSON không hợp lệ', 'Malformed JSON body'));
          return;
        }
      } else {
        body = raw;
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: method.toUpperCase(), headers, search: url.search, body },
      context: async () => {
        const context = await options.context(req, rawBody);
        const requestId = (context as { requestId?: unknown }).requestId;
        if (typeof requestId === 'string') requestIds.set(req, requestId);
        return context;
      },
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}/graphql`,
    port,
    server,
    drain() {
      draining = true;
    },
    get draining() {
      return draining;
    },
    close: (graceMs = 0) =>
      new Promise<void>((resolve) => {
        draining = true;
        if (graceMs <= 0) {
          server.close(() => resolve());
          server.closeAllConnections();
          return;
        }
        const idle = setInterval(() => server.closeIdleConnections(), 50);
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearInterval(idle);
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

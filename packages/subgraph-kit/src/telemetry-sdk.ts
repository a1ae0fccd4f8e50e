// The OpenTelemetry SDK and instrumentations. Loaded by telemetry.ts only when tracing is on
// (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT set): when it is off, none
// of these modules is ever required. Nothing here may record personal data (docs/operations.md,
// "Traces"): no headers, no query strings, no GraphQL variables or literal values, no database
// values.
import type { IncomingMessage, RequestOptions } from 'node:http';
import { Attributes } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Instrumentation, registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** Probes and scrapes make no spans (they would drown the traces that matter). */
function ignoredPath(url: string | undefined): boolean {
  const path = (url ?? '/').split('?')[0];
  return path === '/metrics' || path === '/health' || path.startsWith('/health/');
}

/**
 * URL attributes without their query string: a GET /graphql carries the query and its variables
 * (citizen ids) there. These override the instrumentation's own values when the span starts.
 */
function withoutQuery(path: string | undefined, host: string | undefined, scheme = 'http'): Attributes {
  const bare = (path ?? '/').split('?')[0];
  return { 'http.target': bare, 'url.path': bare, 'url.query': '', 'http.url': `${scheme}://${host ?? 'localhost'}${bare}` };
}

/**
 * Values in database statements become `?`: only the shape of a command is recorded. Dotted
 * keys keep their first segment only (`counts.1944-02-29` -> `counts.?`): tally updates put
 * data (dates, codes) in key paths.
 */
export function shapeOnly(command: Record<string, unknown>): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(command, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null) return '?';
    if (seen.has(value)) return '[Circular]';
    seen.add(value);
    if (Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.includes('.') ? `${k.split('.')[0]}.?` : k, v]));
  });
}

/**
 * Patches http, undici (Node's fetch), graphql, mongodb and pino as they are required.
 * @public (loaded with require() only when tracing is on, telemetry.ts)
 */
export function enableInstrumentations(): void {
  const instrumentations: Instrumentation[] = [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (req: IncomingMessage) => ignoredPath(req.url),
      // No request or response header is ever recorded (authorization!): none is listed.
      headersToSpanAttributes: { server: { requestHeaders: [], responseHeaders: [] }, client: { requestHeaders: [], responseHeaders: [] } },
      startIncomingSpanHook: (req: IncomingMessage) => withoutQuery(req.url, req.headers.host),
      startOutgoingSpanHook: (req: RequestOptions) =>
        withoutQuery(req.path ?? undefined, req.host ?? req.hostname ?? undefined, req.protocol?.replace(':', '')),
    }),
    new UndiciInstrumentation({
      ignoreRequestHook: (req) => ignoredPath(req.path),
      headersToSpanAttributes: { requestHeaders: [], responseHeaders: [] },
      startSpanHook: (req) => {
        const bare = req.path.split('?')[0];
        return { 'url.full': `${req.origin}${bare}`, 'url.path': bare, 'url.query': '' };
      },
    }),
    new GraphQLInstrumentation({
      // Literal values in documents become `*`; variables are never recorded.
      allowValues: false,
      mergeItems: true,
      ignoreTrivialResolveSpans: true,
    }),
    new MongoDBInstrumentation({ enhancedDatabaseReporting: false, dbStatementSerializer: shapeOnly }),
    // trace_id and span_id in every log line written inside a span; logs stay on stdout only.
    new PinoInstrumentation({ disableLogSending: true }),
  ];
  registerInstrumentations({ instrumentations });
}

export interface TracerHandle {
  shutdown(): Promise<void>;
}

/**
 * Registers the process's tracer provider: resource `service.name`, W3C trace context,
 * OTLP/HTTP (JSON) export in batches (OTEL_EXPORTER_OTLP_* and OTEL_BSP_* from the environment).
 * @public (loaded with require() only when tracing is on, telemetry.ts)
 */
export function registerProvider(serviceName: string): TracerHandle {
  const provider = new NodeTracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ 'service.name': serviceName })),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return { shutdown: () => provider.shutdown() };
}

// OpenTelemetry traces, off by default (docs/operations.md, "Traces"). Tracing is on only when
// OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set: a configured
// connection, as docs/security.md ("Connections nobody configured") requires. When it is off,
// no tracer provider is registered and no OpenTelemetry SDK module is even loaded.
//
// Two steps, because instrumentations patch modules as they are required:
// 1. `instrumentProcess()` runs as the first import of this package (telemetry-early.ts, first
//    line of index.ts), before http, graphql, mongodb (through mongoose) or pino are loaded. Every
//    entry point loads this package before those: the subgraphs' main.ts (after @nct/registry,
//    which loads nothing) and the gateway's index.ts (right after ./no-phone-home).
// 2. `startTelemetry(name)` registers the tracer provider once the process knows its name
//    (serveStandalone, the gateway's main); spans of instrumentations enabled in step 1 go to it.
import type { TracerHandle } from './telemetry-sdk';

export interface RunningTelemetry {
  serviceName: string;
  /** Flushes the spans still buffered (bounded: a collector that does not answer is given up on). */
  shutdown(): Promise<void>;
}

/** How long a stopping process waits for its last spans to be exported. */
const SHUTDOWN_TIMEOUT_MS = 3_000;

/** The trace endpoint configured, if any (blank means unset). */
export function telemetryEndpoint(env: NodeJS.ProcessEnv = process.env): string | null {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return endpoint || null;
}

/** The exporter speaks OTLP over HTTP with JSON bodies; other protocols are refused at start. */
function checkProtocol(env: NodeJS.ProcessEnv): void {
  const protocol = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL)?.trim();
  if (protocol && protocol !== 'http/json') {
    throw new Error(
      `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL must be "http/json" (the only protocol the platform exports traces with), got "${protocol}"`,
    );
  }
}

let sdk: typeof import('./telemetry-sdk') | null = null;
let running: RunningTelemetry | null = null;

function loadSdk(): typeof import('./telemetry-sdk') {
  if (!sdk) {
    // Required only when tracing is on, so that it costs nothing when off.
    sdk = require('./telemetry-sdk') as typeof import('./telemetry-sdk');
    sdk.enableInstrumentations();
  }
  return sdk;
}

/** Step 1: when tracing is on, patches http, undici, graphql, mongodb and pino. Idempotent. */
export function instrumentProcess(env: NodeJS.ProcessEnv = process.env): void {
  if (telemetryEndpoint(env)) loadSdk();
}

/**
 * Step 2: when tracing is on, registers the process's tracer provider with `service.name`
 * `nct-<name>`, W3C trace context propagation and batched OTLP/HTTP export; returns null (and
 * registers nothing) when it is off. A second call returns the first one's handle.
 */
export function startTelemetry(name: string, env: NodeJS.ProcessEnv = process.env): RunningTelemetry | null {
  if (!telemetryEndpoint(env)) return null;
  if (running) return running;
  checkProtocol(env);
  const serviceName = `nct-${name}`;
  const handle: TracerHandle = loadSdk().registerProvider(serviceName);
  running = {
    serviceName,
    async shutdown() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, SHUTDOWN_TIMEOUT_MS);
        timer.unref();
      });
      try {
        await Promise.race([handle.shutdown().catch(() => undefined), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
  return running;
}

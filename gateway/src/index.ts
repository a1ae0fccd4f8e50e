// First: switches Apollo's telemetry off before anything can load @apollo/gateway.
import './no-phone-home';
// Second: loading the kit first enables the OpenTelemetry instrumentations (only when tracing is
// configured) before graphql, http or pino are required (packages/subgraph-kit/src/telemetry.ts).
import { clockFromEnv, startTelemetry, RunningTelemetry } from '@nct/subgraph-kit';
import fs from 'node:fs';
import { parse } from 'graphql';
import { createLogger } from '@nct/logger';
import { ConfigError, loadConfig } from './config';
import { gatewayAuth } from './auth';
import { createGatewayServer } from './server';

export { createGatewayServer } from './server';
export type { GatewayServerOptions, RunningGateway } from './server';
export { loadConfig, ConfigError } from './config';
export type { GatewayConfig } from './config';
export { composeSupergraph, CompositionError } from './compose';
export { DEFAULT_LIMITS, measureOperation, type QueryLimits, type OperationMeasure } from './limits';
export { QUERY_FAMILIES, countAstNodes, documentAnalyser, parseDocument } from './query-families';
export { gatewayAuth, callerOf, DEV_ISSUER_DIR, type GatewayAuth, type AuthSettings } from './auth';
export { PEOPLE_QUERY, PERSON_QUERY, PERSON_VIEW_FRAGMENT } from './ide/default-query';

/** Reads the supergraph file; a clear message when it is missing or not GraphQL. */
export function readSupergraph(file: string): string {
  let sdl: string;
  try {
    sdl = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (err as Error).message;
    throw new Error(`Cannot read supergraph ${file}: ${reason}. Run "npm run compose" or pass --supergraph FILE.`);
  }
  try {
    parse(sdl);
  } catch (err) {
    throw new Error(`Supergraph ${file} is not valid GraphQL: ${(err as Error).message}`);
  }
  return sdl;
}

async function main(): Promise<void> {
  const logger = createLogger('gateway');
  let config;
  let telemetry: RunningTelemetry | null;
  try {
    config = loadConfig();
    // Traces, when OTEL_EXPORTER_OTLP_ENDPOINT says where to (off by default).
    telemetry = startTelemetry('gateway');
  } catch (err) {
    logger.fatal(err instanceof ConfigError ? err.message : { err }, 'cannot start the gateway');
    process.exit(2);
  }
  try {
    const supergraphSdl = readSupergraph(config.supergraphFile);
    const gateway = await createGatewayServer({
      supergraphSdl,
      auth: await gatewayAuth(config.auth),
      ide: config.ideEnabled,
      ideToken: config.ideToken,
      rateLimitPerMinute: config.rateLimitPerMinute,
      rateLimitBurst: config.rateLimitBurst,
      rateLimitStore: config.rateLimitStore,
      corsAllowedOrigins: config.corsAllowedOrigins,
      trustedProxies: config.trustedProxies,
      shutdownGraceMs: config.shutdownGraceMs,
      shutdownReadinessDelayMs: config.shutdownReadinessDelayMs,
      host: config.host,
      port: config.port,
      subgraphUrls: config.subgraphUrls,
      subgraphTimeoutMs: config.subgraphTimeoutMs,
      production: config.production,
      ideCitizenId: config.ideCitizenId,
      webApp: config.webApp.dir
        ? { dir: config.webApp.dir, provinceCode: config.webApp.provinceCode, oidc: config.webApp.oidc, today: clockFromEnv().today }
        : undefined,
      devIssuerDir: config.webApp.devIssuerDir,
      logger,
    });
    const base = gateway.url.replace(/\/graphql$/, '');
    if (telemetry) logger.info({ service: telemetry.serviceName }, 'exporting traces (OpenTelemetry)');
    logger.info(
      {
        url: gateway.url,
        health: `${base}/health`,
        ide: config.ideEnabled ? `${base}/` : null,
        supergraph: config.supergraphFile,
        subgraphs: config.subgraphUrls,
      },
      `gateway ready at ${gateway.url} (${config.ideEnabled ? `IDE ${base}/` : 'IDE off'}, health ${base}/health)`,
    );

    // Graceful stop: `/health` says 503, no new connection, in-flight requests finish (at most
    // SHUTDOWN_GRACE_MS), then exit. A second signal exits at once.
    const graceMs = config.shutdownGraceMs;
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn({ signal }, 'second signal: exiting without waiting for in-flight requests');
        process.exit(1);
      }
      stopping = true;
      logger.info({ signal, graceMs }, 'stopping the gateway: draining in-flight requests');
      gateway
        .close()
        .then(() => (telemetry ? telemetry.shutdown() : undefined))
        .then(
          () => process.exit(0),
          (err: unknown) => {
            logger.error({ err }, 'error while stopping');
            process.exit(1);
          },
        );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    logger.fatal({ err: err instanceof Error ? err.message : err }, 'cannot start the gateway');
    process.exit(1);
  }
}

if (require.main === module) void main();

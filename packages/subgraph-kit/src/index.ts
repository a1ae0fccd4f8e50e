// First: OpenTelemetry instrumentations (only when tracing is configured) before anything they patch.
import './telemetry-early';
import 'reflect-metadata';

export { buildFederatedSchema, resolverContainer, FEDERATION_LINK } from './federation';
export type { FederatedSchemaOptions } from './federation';
export { DateScalar, MonthScalar } from './scalars';
export { loader, byKey, groupByKey } from './context';
export { systemClock, fixedClock, clockFromEnv } from './clock';
export type { Clock } from './clock';
export type { RequestContext } from './context';
export { PageInfo, pageRequest, encodeCursor, decodeCursor, toPage, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './pagination';
export type { PageRequest } from './pagination';
export { ConnectionType, toConnection } from './connection';
export type { ConnectionValue, Edge } from './connection';
export { SexEnum, type Sex } from './sex';
export { citizenIdArg, dateArg, textArg, foldVietnamese } from './args';
export { startHttpServer, sendJson, DEFAULT_MAX_BODY_BYTES } from './http';
export type { HttpRoute, RunningHttpServer, HttpServerOptions } from './http';
export { createApolloServer, createContext, authenticatedContext, requestLogPlugin, type InternalAuth } from './server';
export { noPhoneHomePlugins } from './no-phone-home';
export { startTelemetry, telemetryEndpoint, type RunningTelemetry } from './telemetry';
export { Access, policyChecker, scopedCommune, assertInScope } from './access';
export { createSubgraph, runSubgraph, serveStandalone, runSubgraphMain, databaseReadiness, DEFAULT_READINESS_CACHE_MS } from './subgraph';
export {
  loadSubgraphConfig,
  shutdownReadinessDelayFromEnv,
  graphClientConfigFromEnv,
  SubgraphConfigError,
  DEFAULT_SUBGRAPH_HOST,
  DEFAULT_GATEWAY_URL,
  LOG_LEVELS,
} from './config';
export type { SubgraphConfig, SubgraphDefaults, GraphClientConfig, ServiceCredentialConfig } from './config';
export { idempotencyKeyArg, idempotent, inTransaction } from './idempotency';
export { IDEMPOTENCY_COLLECTION } from './idempotency.model';
export {
  eventIdArg,
  appliedDeaths,
  receiveDeath,
  APPLIED_DEATHS_COLLECTION,
  type AppliedDeathDoc,
  type DeathReceipt,
} from './register-events';
export {
  graphCallerFromConfig,
  createGraphCaller,
  devTokenSource,
  graphStub,
  graphUnavailable,
  NO_GRAPH,
  type GraphOperation,
  type GraphCaller,
  type GraphCallerOptions,
  type SubgraphServices,
  type ServicePrincipal,
  type TokenSource,
} from './graph-client';
export {
  metricsRegistry,
  metricsPlugin,
  counter,
  histogram,
  gauge,
  codeLabel,
  statusClass,
  routeLabel,
  cachedCheck,
  instrumentPool,
  metricsEndpointFromEnv,
  LATENCY_BUCKETS,
  type MetricsEndpointOptions,
} from './metrics';
export type { SubgraphDefinition, SubgraphInstance, RunningSubgraph, ListenOptions, CreateOptions, BackgroundTask } from './subgraph';
export { accessRecordPlugin, accessReadsOf, newAccessRecorder, ACCESS_LOG_EXTENSION, ACCESS_FIELD_PATTERN } from './access-record';
export type { AccessRecorder, AccessRead } from './access-record';

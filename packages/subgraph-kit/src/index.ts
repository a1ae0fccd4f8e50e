import 'reflect-metadata';

export { buildFederatedSchema, resolverContainer, FEDERATION_LINK } from './federation';
export type { FederatedSchemaOptions } from './federation';
export { DateScalar, MonthScalar } from './scalars';
export { isIsoDate, isIsoMonth, todayInVietnam, ageOn, latestBirthDateForAge, monthOf, daysInMonth } from './dates';
export { loader, byKey, groupByKey } from './context';
export type { RequestContext } from './context';
export { PageInfo, pageRequest, encodeCursor, decodeCursor, toPage, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from './pagination';
export type { PageRequest } from './pagination';
export { citizenIdArg, textArg, foldVietnamese } from './args';
export { startHttpServer, sendJson, DEFAULT_MAX_BODY_BYTES } from './http';
export type { HttpRoute, RunningHttpServer, HttpServerOptions } from './http';
export { createApolloServer, createContext, requestIdFrom, requestLogPlugin } from './server';
export { createSubgraph, runSubgraph, serveStandalone } from './subgraph';
export type { SubgraphDefinition, SubgraphInstance, RunningSubgraph, ListenOptions } from './subgraph';

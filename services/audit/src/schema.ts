import { buildFederatedSchema, resolverContainer } from '@nct/subgraph-kit';
import type { Models } from './models';
import { AccessLogResolver } from './access-log/access-log.resolver';

export function buildSchema(models: Models) {
  return buildFederatedSchema({ resolvers: [AccessLogResolver], container: resolverContainer(models) });
}

// One way for gateway tests to start a gateway over the fake subgraphs of fixtures.ts.
import { createLogger } from '@nct/logger';
import { createGatewayServer, GatewayServerOptions, RunningGateway } from '../src/server';
import { FakeSubgraph, supergraphOf } from './fixtures';

export const QUIET = createLogger('gateway-test', 'silent');

/**
 * A gateway on a free loopback port over `subgraphs`, with the test defaults (2 s subgraph
 * deadline, silent log, readiness without the audit subgraph, which the fakes do not have);
 * `options` win over them.
 */
export function startTestGateway(
  subgraphs: FakeSubgraph[],
  options: Partial<GatewayServerOptions> & Pick<GatewayServerOptions, 'auth'>,
): Promise<RunningGateway> {
  return createGatewayServer({
    supergraphSdl: supergraphOf(...subgraphs),
    host: '127.0.0.1',
    port: 0,
    subgraphTimeoutMs: 2000,
    logger: QUIET,
    readinessRequiresAudit: false,
    ...options,
  });
}

import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';

/**
 * Plugins every Apollo server of the system carries (the gateway's and each subgraph's) so that
 * none reports to Apollo: Apollo Server installs usage reporting by itself when it sees
 * APOLLO_KEY and APOLLO_GRAPH_REF in the environment, and schema reporting when
 * APOLLO_SCHEMA_REPORTING is `true`. A disabled plugin wins over both (docs/security.md,
 * "Connections nobody configured").
 */
export function noPhoneHomePlugins(): ApolloServerPlugin[] {
  return [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled()];
}

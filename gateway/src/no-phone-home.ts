// No connection that nobody configured. The gateway talks to its subgraphs (the audit subgraph
// among them) and, when AUTH_JWKS_URL is set, to the identity provider; to nothing else
// (docs/security.md, "Connections nobody configured").
//
// @apollo/gateway 2.14 does otherwise by default: `new ApolloGateway(...)` probes cloud metadata
// services (169.254.169.254, 100.100.100.200, metadata.google.internal) to describe its host,
// then sends host metrics to Apollo every hour, unless APOLLO_TELEMETRY_DISABLED is `true` or
// `1` (node_modules/@apollo/gateway/src/index.ts and src/utilities/opentelemetry.ts). This
// module sets that switch in the gateway's own process, whatever the environment says, so a
// deployment that forgets it (or sets it to `false`) cannot turn the probes back on. It imports
// nothing and must stay the first import of every gateway module that loads @apollo/gateway
// (index.ts, server.ts): CommonJS runs imports in order. Tested in tests/no-phone-home.test.ts.
//
// Apollo Server's own reporting to Apollo (usage and schema reports, which it switches on by
// itself when it sees APOLLO_KEY / APOLLO_GRAPH_REF / APOLLO_SCHEMA_REPORTING) is shut by
// `noPhoneHomePlugins()` from @nct/subgraph-kit, installed in every Apollo server of the system.

/** Environment switches this module forces in the gateway process, with their values. */
export const PHONE_HOME_SWITCHES: Readonly<Record<string, string>> = { APOLLO_TELEMETRY_DISABLED: 'true' };

for (const [name, value] of Object.entries(PHONE_HOME_SWITCHES)) process.env[name] = value;

import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createLogger } from '@nct/logger';
import { createApolloServer } from '../src/server';

// Every subgraph's Apollo server carries the plugins that keep Apollo's usage and schema
// reporting off (src/no-phone-home.ts; docs/security.md, "Connections nobody configured").
// Seen from outside: with an Apollo key, graph ref and APOLLO_SCHEMA_REPORTING=true in the
// environment, a plain Apollo server over a subgraph schema refuses to start (it would install
// schema reporting, which Apollo does not support for subgraphs); the kit's starts, reporting nothing.

const quiet = createLogger('no-phone-home-test', 'silent');
const schema = () =>
  buildSubgraphSchema({
    typeDefs: parse('extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])\ntype Query { ok: Boolean }'),
  });

const NAMES = ['APOLLO_KEY', 'APOLLO_GRAPH_REF', 'APOLLO_SCHEMA_REPORTING'] as const;
const saved: Record<string, string | undefined> = {};
beforeEach(() => {
  for (const name of NAMES) saved[name] = process.env[name];
  process.env.APOLLO_KEY = 'service:nct-offline:not-a-real-key';
  process.env.APOLLO_GRAPH_REF = 'nct-offline@current';
  process.env.APOLLO_SCHEMA_REPORTING = 'true';
});
afterEach(() => {
  for (const name of NAMES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe("the subgraph kit's Apollo server", () => {
  it('starts with Apollo reporting switched on in the environment, because its reporting plugins are disabled', async () => {
    const server = createApolloServer(schema(), quiet);
    await expect(server.start()).resolves.toBeUndefined();
    await server.stop();
  });

  it('(control) a plain Apollo server in the same environment installs schema reporting', async () => {
    const server = new ApolloServer({ schema: schema(), logger: quiet });
    await expect(server.start()).rejects.toThrow(/Schema reporting/);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { connectDatabase, QueryCounter } from '@nct/db';
import { createGatewayServer, RunningGateway } from '@nct/gateway';
import { SUBGRAPHS, SubgraphName } from '@nct/registry';
import { generateSeed, SeedData } from '@nct/seed';
import { runSubgraph, RunningSubgraph, SubgraphDefinition } from '@nct/subgraph-kit';
import { testMongoUri, uniqueDbName } from '@nct/testing';
import * as association from '@nct/association';
import * as health from '@nct/health';
import * as homeaffairs from '@nct/homeaffairs';
import * as social from '@nct/social';

interface ServiceModule {
  definition: SubgraphDefinition<any>;
  seedDatabase(models: any, data: SeedData): Promise<unknown>;
}

const SERVICES: Record<SubgraphName, ServiceModule> = { homeaffairs, social, health, association };

export const SUPERGRAPH_FILE = path.resolve(__dirname, '../../gateway/supergraph.graphql');

export interface System {
  seed: SeedData;
  gatewayUrl: string;
  subgraphs: Partial<Record<SubgraphName, RunningSubgraph<any>>>;
  connections: Connection[];
  counter: QueryCounter;
  /** Database name of each subgraph in this run. */
  databases: Record<SubgraphName, string>;
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: { data?: T; errors?: any } }>;
  stopSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole system in one test process: every subgraph on its own database (real server)
 * and its own HTTP port, seeded through its own code, and the gateway on the committed
 * supergraph with the URLs pointed at those ports. `down` subgraphs get a port that
 * nobody listens on.
 */
export async function startSystem(options: { people: number; seed?: number; down?: SubgraphName[]; timeoutMs?: number }): Promise<System> {
  const seed = generateSeed({ people: options.people, seed: options.seed ?? 7 });
  const uri = testMongoUri();
  const subgraphs: Partial<Record<SubgraphName, RunningSubgraph<any>>> = {};
  const databases = {} as Record<SubgraphName, string>;
  const urls: Record<string, string> = {};
  for (const info of SUBGRAPHS) {
    databases[info.name] = uniqueDbName(info.name);
    if (options.down?.includes(info.name)) {
      urls[info.name] = 'http://127.0.0.1:9/graphql'; // discard port: connection refused
      continue;
    }
    const service = SERVICES[info.name];
    const running = await runSubgraph(service.definition, { uri, dbName: databases[info.name], host: '127.0.0.1', port: 0 });
    await service.seedDatabase(running.models, seed);
    subgraphs[info.name] = running;
    urls[info.name] = running.url;
  }
  const gateway: RunningGateway = await createGatewayServer({
    supergraphSdl: fs.readFileSync(SUPERGRAPH_FILE, 'utf8'),
    host: '127.0.0.1',
    port: 0,
    subgraphUrls: urls,
    subgraphTimeoutMs: options.timeoutMs ?? 5000,
  });
  const connections = Object.values(subgraphs).map((s) => s!.conn);
  const counter = new QueryCounter(connections);
  return {
    seed,
    gatewayUrl: gateway.url,
    subgraphs,
    connections,
    counter,
    databases,
    async query(query, variables, headers) {
      const res = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(headers ?? {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as any };
    },
    async stopSubgraph(name) {
      const s = subgraphs[name];
      if (!s) return;
      await s.stop();
      delete subgraphs[name];
    },
    async stop() {
      counter.detach();
      await gateway.close();
      for (const s of Object.values(subgraphs)) {
        await s!.conn.dropDatabase();
        await s!.stop();
      }
    },
  };
}

/** Opens a connection to one subgraph database of a run (for checks that nothing changed). */
export function openDatabase(name: string): Promise<Connection> {
  return connectDatabase(testMongoUri(), name);
}

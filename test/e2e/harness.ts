import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DEV_AUDIENCE,
  DEV_ISSUER,
  DevTokenOptions,
  ensureDevIssuer,
  generateInternalKeyPair,
  InternalSigningKey,
  InternalVerifyKey,
  issueDevToken,
  parseSigningKey,
  parseVerifyKeys,
  Purpose,
  Role,
} from '@nct/auth';
import type { Connection } from 'mongoose';
import { QueryCounter } from '@nct/db';
import { createGatewayServer, gatewayAuth, RunningGateway } from '@nct/gateway';
import { SUBGRAPHS, SubgraphName } from '@nct/registry';
import { generateSeed, SeedData } from '@nct/seed';
import { createGraphCaller, devTokenSource, GraphCaller, runSubgraph, RunningSubgraph, SubgraphDefinition } from '@nct/subgraph-kit';
import { createLogger } from '@nct/logger';
import { testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import * as association from '@nct/association';
import * as audit from '@nct/audit';
import * as health from '@nct/health';
import * as homeaffairs from '@nct/homeaffairs';
import * as social from '@nct/social';

interface ServiceModule {
  definition: SubgraphDefinition<any>;
  seedDatabase(models: any, data: SeedData): Promise<unknown>;
}

const SERVICES: Record<SubgraphName, ServiceModule> = { homeaffairs, social, health, association, audit };

export const SUPERGRAPH_FILE = path.resolve(__dirname, '../../gateway/supergraph.graphql');

export interface System {
  seed: SeedData;
  gatewayUrl: string;
  subgraphs: Partial<Record<SubgraphName, RunningSubgraph<any>>>;
  connections: Connection[];
  counter: QueryCounter;
  /** Database name of each subgraph in this run. */
  databases: Record<SubgraphName, string>;
  /** A development-issuer token for a role (the issuer is this run's own). */
  token(role: Role, extra?: Partial<DevTokenOptions>): Promise<string>;
  /** This run's gateway signing key (only the gateway has it; tests sign with it to probe subgraphs). */
  internalSigningKey: InternalSigningKey;
  /** The public key the run's subgraphs verify with. */
  internalVerifyKeys: InternalVerifyKey[];
  /** POST through the gateway; `as` signs in with that role (and purpose, default CARE_COORDINATION). */
  query<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { as?: Role; commune?: string; purpose?: Purpose | null; headers?: Record<string, string> },
  ): Promise<{ status: number; body: { data?: T; errors?: any }; headers: Headers }>;
  stopSubgraph(name: SubgraphName): Promise<void>;
  /**
   * Starts a stopped subgraph again on the same port and database, with the same graph caller,
   * so that the gateway reaches it again (no new seed; `counter` does not see its new connection).
   */
  restartSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole system in one test process: every subgraph on its own database (real server)
 * and its own HTTP port, seeded through its own code, and the gateway on the committed
 * supergraph with the URLs pointed at those ports. `down` subgraphs get a port that
 * nobody listens on.
 */
export async function startSystem(options: { people: number; seed?: number; down?: SubgraphName[]; timeoutMs?: number }): Promise<System> {
  // Seeded as of the run's date, so that "this quarter" and "this year" have data at every pinned date.
  const seed = generateSeed({ people: options.people, seed: options.seed ?? 7, asOf: testToday() });
  const uri = testMongoUri();
  const issuerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nct-e2e-issuer-'));
  const issuer = await ensureDevIssuer(issuerDir);
  // A fresh Ed25519 pair per run: the private key to the gateway, the public key to the subgraphs.
  const pair = generateInternalKeyPair();
  const internalSigningKey = parseSigningKey(pair.signingKey);
  const internalVerifyKeys = parseVerifyKeys(pair.verifyKey);
  const subgraphs: Partial<Record<SubgraphName, RunningSubgraph<any>>> = {};
  const databases = {} as Record<SubgraphName, string>;
  const urls: Record<string, string> = {};
  // Each subgraph calls the graph through this run's gateway (its URL is known once it listens)
  // as svc-<subgraph>, with tokens of this run's issuer (docs/consistency.md section 1).
  let gatewayUrl: string | null = null;
  const graphOf = (name: SubgraphName, role: Role): GraphCaller =>
    createGraphCaller({
      gatewayUrl: () => {
        if (!gatewayUrl) throw new Error('the gateway of this run is not listening yet');
        return gatewayUrl;
      },
      timeoutMs: 5000,
      tokens: devTokenSource(issuerDir, { subgraph: name, role }),
      principal: { subgraph: name, role },
      logger: createLogger(`${name}-graph`),
    });
  const listen = (name: SubgraphName, port: number) =>
    runSubgraph(SERVICES[name].definition, {
      uri,
      dbName: databases[name],
      host: '127.0.0.1',
      port,
      internalVerifyKeys,
      graph: graphOf(name, SERVICES[name].definition.staffRole),
    });
  for (const info of SUBGRAPHS) {
    databases[info.name] = uniqueDbName(info.name);
    if (options.down?.includes(info.name)) {
      urls[info.name] = 'http://127.0.0.1:9/graphql'; // discard port: connection refused
      continue;
    }
    const service = SERVICES[info.name];
    const running = await listen(info.name, 0);
    await service.seedDatabase(running.models, seed);
    subgraphs[info.name] = running;
    urls[info.name] = running.url;
  }
  const gateway: RunningGateway = await createGatewayServer({
    auth: await gatewayAuth({ jwksFile: issuer.jwksFile, issuer: DEV_ISSUER, audience: DEV_AUDIENCE, internalSigningKey }),
    supergraphSdl: fs.readFileSync(SUPERGRAPH_FILE, 'utf8'),
    host: '127.0.0.1',
    port: 0,
    subgraphUrls: urls,
    subgraphTimeoutMs: options.timeoutMs ?? 5000,
  });
  gatewayUrl = gateway.url;
  const connections = Object.values(subgraphs).map((s) => s!.conn);
  const counter = new QueryCounter(connections);
  return {
    seed,
    gatewayUrl: gateway.url,
    subgraphs,
    connections,
    counter,
    databases,
    internalSigningKey,
    internalVerifyKeys,
    token: (role, extra) => issueDevToken(issuerDir, { role, ...(extra ?? {}) }),
    async query(query, variables, opts = {}) {
      const auth: Record<string, string> = {};
      if (opts.as) auth.authorization = `Bearer ${await issueDevToken(issuerDir, { role: opts.as, commune: opts.commune })}`;
      const purpose = opts.purpose === undefined ? 'CARE_COORDINATION' : opts.purpose;
      if (purpose) auth['x-access-purpose'] = purpose;
      const res = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth, ...(opts.headers ?? {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as any, headers: res.headers };
    },
    async stopSubgraph(name) {
      const s = subgraphs[name];
      if (!s) return;
      await s.stop();
      delete subgraphs[name];
    },
    async restartSubgraph(name) {
      if (subgraphs[name]) return;
      if (options.down?.includes(name)) throw new Error(`${name} was started down: it has no port to come back on`);
      subgraphs[name] = await listen(name, Number(new URL(urls[name]).port));
    },
    async stop() {
      fs.rmSync(issuerDir, { recursive: true, force: true });
      counter.detach();
      await gateway.close();
      for (const s of Object.values(subgraphs)) {
        await s!.conn.dropDatabase();
        await s!.stop();
      }
    },
  };
}

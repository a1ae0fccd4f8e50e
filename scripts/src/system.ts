import { ChildProcess, spawn } from 'node:child_process';
import { generateInternalKeyPair, issueDevToken, parseSigningKey, verifyKeyOf } from '@nct/auth';
import { DEV_ISSUER_DIR } from '@nct/gateway';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { connectDatabase, DatabaseServer, provisionDatabase, REPO_ROOT, syncIndexes } from '@nct/db';
import type { Logger } from '@nct/logger';
import { DEFAULT_HOST, GATEWAY_PORT, SUBGRAPHS, SubgraphName, subgraphDatabase, subgraphInfo, subgraphPort } from '@nct/registry';
import { generateSeed, SeedData } from '@nct/seed';
import { clockFromEnv } from '@nct/subgraph-kit';
import * as association from '@nct/association';
import * as audit from '@nct/audit';
import * as health from '@nct/health';
import * as homeaffairs from '@nct/homeaffairs';
import * as social from '@nct/social';

interface SeedableService {
  createModels(conn: Connection): unknown;
  seedDatabase(models: never, data: SeedData): Promise<{ seeded: boolean; counts: Record<string, number> }>;
}

export const SERVICES: Record<SubgraphName, SeedableService> = {
  homeaffairs: homeaffairs as unknown as SeedableService,
  social: social as unknown as SeedableService,
  health: health as unknown as SeedableService,
  association: association as unknown as SeedableService,
  audit: audit as unknown as SeedableService,
};

/**
 * Seeds every subgraph's own database from one deterministic generation, each through its
 * own service code; databases that already hold data are left alone.
 */
export async function seedAll(uri: string, people: number, seed: number, env: NodeJS.ProcessEnv, logger: Logger): Promise<void> {
  let data: SeedData | null = null;
  for (const info of SUBGRAPHS) {
    const conn = await connectDatabase(uri, subgraphDatabase(info, env));
    try {
      const service = SERVICES[info.name];
      const models = service.createModels(conn);
      await syncIndexes(conn);
      // As of the system's date (NCT_TODAY or today): "this quarter" and "this year" have data.
      data ??= generateSeed({ people, seed, asOf: clockFromEnv(env).today() });
      const started = Date.now();
      const result = await service.seedDatabase(models as never, data);
      if (result.seeded) logger.info({ subgraph: info.name, ...result.counts, ms: Date.now() - started }, 'seeded');
      else logger.info({ subgraph: info.name }, 'database already holds data: not seeded');
    } finally {
      await conn.close();
    }
  }
}

async function firstLivingPerson(uri: string, env: NodeJS.ProcessEnv): Promise<{ citizenId: string; communeCode: string } | null> {
  const conn = await connectDatabase(uri, subgraphDatabase(subgraphInfo('homeaffairs'), env));
  try {
    const person = await conn
      .collection('people')
      .findOne({ deathDate: null }, { sort: { citizenId: 1 }, projection: { citizenId: 1, communeCode: 1 } });
    return person ? { citizenId: person.citizenId as string, communeCode: person.communeCode as string } : null;
  } finally {
    await conn.close();
  }
}

export interface RunningSystem {
  db: DatabaseServer;
  /**
   * The run's gateway signing key (private JWK JSON): benchmarks sign their own credentials
   * with it to call subgraphs directly. The subgraph processes only get its public key.
   */
  internalSigningKey: string;
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  children: ChildProcess[];
  stop(): Promise<void>;
  /** Fault tests: SIGKILLs one subgraph's process and waits until it is gone (the others keep running). */
  killSubgraph(name: SubgraphName): Promise<void>;
  /** Starts a subgraph again (killing it first if it still runs): same port and environment, waited for. */
  restartSubgraph(name: SubgraphName): Promise<void>;
  /** The current process of each subgraph and of the gateway, and whether it is still running. */
  processes(): Array<{ name: string; pid: number | undefined; alive: boolean }>;
}

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

function prefixLines(child: ChildProcess, name: string, quiet: boolean): void {
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let i: number;
      while ((i = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        if (!quiet) process.stdout.write(`[${name}] ${line}\n`);
      }
    });
  }
}

async function waitHealthy(url: string, child: ChildProcess, name: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} while starting`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} not healthy at ${url} after ${timeoutMs} ms`);
}

export interface StartOptions {
  dataDir?: string;
  dbPort?: number;
  env?: NodeJS.ProcessEnv;
  people: number;
  seed: number;
  logger: Logger;
  /** Do not echo the children's logs. */
  quiet?: boolean;
}

/** Database, seed, the subgraph processes (four agencies and the access log) and the gateway, each waited for. */
export async function startSystem(options: StartOptions): Promise<RunningSystem> {
  const env = { ...process.env, ...(options.env ?? {}) };
  const { logger } = options;
  const db = await provisionDatabase({ dataDir: options.dataDir, port: options.dbPort, env, log: (m) => logger.info(m) });
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children.reverse()) {
      // (a child that was killed has exitCode null but a signalCode: it is not waited for)
      if (isRunning(child)) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    }
    await db.stop();
  };
  try {
    await seedAll(db.uri, options.people, options.seed, env, logger);
    // One Ed25519 key pair per run, in memory only (never written to disk): the private key goes
    // to the gateway alone, the public key to the subgraphs. A given INTERNAL_SIGNING_KEY is
    // used instead (its public key, unless INTERNAL_VERIFY_KEYS or _FILE say otherwise).
    const internalSigningKey = env.INTERNAL_SIGNING_KEY ?? generateInternalKeyPair().signingKey;
    const publicKey = (verifyKeyOf(parseSigningKey(internalSigningKey)).key.export({ format: 'jwk' }) as { x: string }).x;
    const childEnv: NodeJS.ProcessEnv = { ...env, MONGODB_URI: db.uri };
    if (!env.INTERNAL_VERIFY_KEYS && !env.INTERNAL_VERIFY_KEYS_FILE) childEnv.INTERNAL_VERIFY_KEYS = publicKey;
    delete childEnv.INTERNAL_SIGNING_KEY;
    // Subgraphs call the graph through this gateway as their service principals
    // (docs/consistency.md section 1); in development with tokens of the repo's own issuer.
    childEnv.GATEWAY_URL ??= `http://${env.HOST ?? DEFAULT_HOST}:${Number(env.PORT ?? GATEWAY_PORT)}/graphql`;
    if (env.NODE_ENV !== 'production') childEnv.DEV_ISSUER_DIR ??= DEV_ISSUER_DIR;
    // The IDE opens on a real person (the first living one in the register), signed in as a
    // commune officer of that person's commune (development issuer; never in production).
    const first = await firstLivingPerson(db.uri, env);
    if (first) {
      childEnv.IDE_CITIZEN_ID ??= first.citizenId;
      if (env.NODE_ENV !== 'production' && !env.AUTH_JWKS_URL && !env.AUTH_JWKS_FILE) {
        childEnv.IDE_TOKEN ??= await issueDevToken(DEV_ISSUER_DIR, { role: 'commune-officer', commune: first.communeCode });
      }
    }
    const subgraphUrls = {} as Record<SubgraphName, string>;
    const current = new Map<string, ChildProcess>();
    const startSubgraph = async (name: SubgraphName) => {
      const info = subgraphInfo(name);
      const main = path.join(REPO_ROOT, 'services', info.name, 'dist', 'main.js');
      const child = spawn(process.execPath, [main], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
      // A restarted subgraph takes its predecessor's place, so that stop() stops it.
      const before = current.get(name);
      if (before && children.includes(before)) children[children.indexOf(before)] = child;
      else children.push(child);
      current.set(name, child);
      prefixLines(child, info.name, !!options.quiet);
      const port = subgraphPort(info, env);
      const host = env.HOST ?? DEFAULT_HOST;
      await waitHealthy(`http://${host}:${port}/health`, child, info.name);
      subgraphUrls[info.name] = `http://${host}:${port}/graphql`;
    };
    const killSubgraph = async (name: SubgraphName) => {
      const child = current.get(name);
      if (!child || !isRunning(child)) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    };
    await Promise.all(SUBGRAPHS.map((info) => startSubgraph(info.name)));
    const gatewayMain = path.join(REPO_ROOT, 'gateway', 'dist', 'index.js');
    const gateway = spawn(process.execPath, [gatewayMain, ...(env.SUPERGRAPH_FILE ? ['--supergraph', env.SUPERGRAPH_FILE] : [])], {
      env: { ...childEnv, INTERNAL_SIGNING_KEY: internalSigningKey },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(gateway);
    current.set('gateway', gateway);
    prefixLines(gateway, 'gateway', !!options.quiet);
    const gatewayPort = Number(env.PORT ?? GATEWAY_PORT);
    const gatewayHost = env.HOST ?? DEFAULT_HOST;
    await waitHealthy(`http://${gatewayHost}:${gatewayPort}/health`, gateway, 'gateway');
    return {
      db,
      internalSigningKey,
      gatewayUrl: `http://${gatewayHost}:${gatewayPort}/graphql`,
      subgraphUrls,
      children,
      stop,
      killSubgraph,
      restartSubgraph: async (name) => {
        await killSubgraph(name);
        await startSubgraph(name);
      },
      processes: () => [...current].map(([name, child]) => ({ name, pid: child.pid, alive: isRunning(child) })),
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

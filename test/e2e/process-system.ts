import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER, ensureDevIssuer } from '@nct/auth';
import { freePort, REPO_ROOT } from '@nct/db';
import { createLogger } from '@nct/logger';
import { SUBGRAPHS } from '@nct/registry';
import { installNetworkGuard, networkGuardEnv } from '@nct/testing';
import { RunningSystem, startSystem } from '../../scripts/src/system';

export interface GuardedSystem {
  system: RunningSystem;
  /** The development issuer whose tokens the gateway trusts (`issueDevToken(issuerDir, ...)`). */
  issuerDir: string;
  /** Where the network guard records every non-loopback attempt (`readNetworkGuardLog`). */
  networkLog: string;
  /** Stops the system, removes the guard from this process and deletes the run's folder. */
  stop(): Promise<void>;
}

/**
 * The whole system as `npm start` runs it (scripts/src/system.ts: its own embedded database, each
 * subgraph and the gateway in their own processes, compiled code), on free loopback ports, with
 * a throwaway development issuer and the network guard preloaded in every Node process and
 * installed in this one. `env` adds to (or unsets, with `undefined`) the children's environment.
 */
export async function startGuardedSystem(options: {
  name: string;
  people: number;
  seed: number;
  env: NodeJS.ProcessEnv;
}): Promise<GuardedSystem> {
  // The processes run the compiled code, as `npm start` does; `npm test` builds it first.
  const compiled = [
    path.join('gateway', 'dist', 'index.js'),
    ...SUBGRAPHS.map((info) => path.join('services', info.name, 'dist', 'main.js')),
  ];
  const missing = compiled.filter((file) => !fs.existsSync(path.join(REPO_ROOT, file)));
  if (missing.length) throw new Error(`not built: ${missing.join(', ')}; run "npm run build" (npm test does)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `nct-${options.name}-`));
  const networkLog = path.join(dir, 'network-attempts.jsonl');
  const issuerDir = path.join(dir, 'issuer');
  const issuer = await ensureDevIssuer(issuerDir);
  const ports = await Promise.all([...SUBGRAPHS, null].map(() => freePort()));
  const env: NodeJS.ProcessEnv = {
    ...networkGuardEnv(networkLog),
    HOST: '127.0.0.1',
    PORT: String(ports[SUBGRAPHS.length]),
    ...Object.fromEntries(SUBGRAPHS.map((info, i) => [`${info.name.toUpperCase()}_PORT`, String(ports[i])])),
    // Its own embedded database, as `npm start` has by default (a MONGODB_URI of the
    // developer's would be a configured connection elsewhere, and not what is tested here).
    MONGODB_URI: undefined,
    AUTH_JWKS_FILE: issuer.jwksFile,
    AUTH_ISSUER: DEV_ISSUER,
    AUTH_AUDIENCE: DEV_AUDIENCE,
    // The subgraphs call the graph with tokens of the same throwaway issuer (svc-<subgraph>).
    DEV_ISSUER_DIR: issuerDir,
    ...options.env,
  };
  const uninstallGuard = installNetworkGuard(networkLog);
  let system: RunningSystem;
  try {
    system = await startSystem({
      people: options.people,
      seed: options.seed,
      dataDir: path.join(dir, 'db'),
      dbPort: 0,
      env,
      logger: createLogger(options.name, 'warn'),
      quiet: true,
    });
  } catch (err) {
    uninstallGuard();
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    system,
    issuerDir,
    networkLog,
    async stop() {
      await system.stop();
      uninstallGuard();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

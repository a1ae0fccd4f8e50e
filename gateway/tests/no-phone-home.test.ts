import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createLogger } from '@nct/logger';
import { installNetworkGuard, networkGuardEnv, readNetworkGuardLog } from '@nct/testing';
import { SUPERGRAPH_FILE } from '../src/config';
import { createGatewayServer } from '../src/server';
import { postGraphQL, testAuth } from './fixtures';

// The gateway opens no connection nobody configured (docs/security.md, "Connections nobody
// configured"): Apollo's telemetry is switched off in its own process before @apollo/gateway
// loads (src/no-phone-home.ts), and its Apollo server carries the plugins that keep usage and
// schema reporting off. The whole system is checked end to end in test/e2e/no-phone-home.test.ts.

const GATEWAY_DIR = path.resolve(__dirname, '..');
const quiet = createLogger('no-phone-home-test', 'silent');

let dir: string;
let logFile: string;
const saved: Record<string, string | undefined> = {};
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nct-gw-guard-'));
  logFile = path.join(dir, 'attempts.jsonl');
  for (const name of ['APOLLO_TELEMETRY_DISABLED', 'APOLLO_KEY', 'APOLLO_GRAPH_REF']) saved[name] = process.env[name];
});
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the gateway phones nobody', () => {
  it.each(['../src/index', '../src/server'])('loading %s switches Apollo telemetry off before @apollo/gateway is loaded', (entry) => {
    process.env.APOLLO_TELEMETRY_DISABLED = 'false'; // an environment that asks for the telemetry
    let seen = 'not loaded';
    try {
      jest.isolateModules(() => {
        jest.doMock('@apollo/gateway', () => {
          seen = String(process.env.APOLLO_TELEMETRY_DISABLED);
          return jest.requireActual('@apollo/gateway');
        });
        require(entry);
      });
    } finally {
      jest.dontMock('@apollo/gateway');
    }
    expect(seen).toBe('true');
  });

  /** Constructs an ApolloGateway in a fresh guarded Node process; returns what it tried to reach. */
  async function attemptsOfApolloGateway(telemetrySwitch: string | undefined): Promise<string[]> {
    const env: NodeJS.ProcessEnv = { ...process.env, ...networkGuardEnv(logFile), APOLLO_TELEMETRY_DISABLED: telemetrySwitch };
    const script = `
      const { ApolloGateway } = require('@apollo/gateway');
      new ApolloGateway({ supergraphSdl: require('node:fs').readFileSync(${JSON.stringify(SUPERGRAPH_FILE)}, 'utf8') });
      setTimeout(() => process.exit(0), 2000);`;
    await promisify(execFile)(process.execPath, ['-e', script], { cwd: GATEWAY_DIR, env, timeout: 30_000 });
    const log = readNetworkGuardLog(logFile);
    expect(log.guarded).toHaveLength(1);
    return log.attempts.map((a) => a.target);
  }

  it('is needed: without the switch, @apollo/gateway probes cloud metadata services as soon as it is constructed', async () => {
    const targets = await attemptsOfApolloGateway(undefined);
    expect(targets).toContain('169.254.169.254:80'); // AWS EC2 and Azure instance metadata
    expect(targets.some((t) => t.startsWith('metadata.google.internal'))).toBe(true); // GCP
  });

  it('works: with the switch, @apollo/gateway reaches for nothing', async () => {
    expect(await attemptsOfApolloGateway('true')).toEqual([]);
  });

  /**
   * Serves one operation with an Apollo key and graph ref in the environment, this process
   * guarded, then stops (usage reporting sends what it collected on stop); returns the attempts.
   */
  async function attemptsWithApolloKey(serveOneOperationAndStop: () => Promise<void>): Promise<string[]> {
    process.env.APOLLO_KEY = 'service:nct-offline:not-a-real-key';
    process.env.APOLLO_GRAPH_REF = 'nct-offline@current';
    const uninstall = installNetworkGuard(logFile);
    try {
      await serveOneOperationAndStop();
    } finally {
      uninstall();
    }
    return readNetworkGuardLog(logFile).attempts.map((a) => a.target);
  }

  it('sends no usage report to Apollo, even with APOLLO_KEY and APOLLO_GRAPH_REF set', async () => {
    const { auth } = await testAuth();
    const attempts = await attemptsWithApolloKey(async () => {
      const gateway = await createGatewayServer({
        auth,
        supergraphSdl: fs.readFileSync(SUPERGRAPH_FILE, 'utf8'),
        host: '127.0.0.1',
        port: 0,
        subgraphTimeoutMs: 1000,
        ide: false,
        logger: quiet,
      });
      try {
        expect((await postGraphQL(gateway.url, { query: '{ __typename }' })).status).toBe(200);
      } finally {
        await gateway.close();
      }
    });
    expect(attempts).toEqual([]);
  });

  it('(control) an Apollo server without the disabled plugins does try to report, and is seen doing it', async () => {
    const attempts = await attemptsWithApolloKey(async () => {
      const server = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', logger: quiet });
      const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
      try {
        expect((await postGraphQL(url, { query: '{ ok }' })).status).toBe(200);
      } finally {
        await server.stop();
      }
    });
    expect(attempts).toContain('usage-reporting.api.apollographql.com:443');
  });
});

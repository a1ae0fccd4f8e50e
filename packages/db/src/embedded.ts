import { spawn, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const secantus = require('../secantusdb/install.js') as {
  ensureServer(opts?: { log?: (m: string) => void }): string;
  SECANTUSDB_VERSION: string;
  REPO_ROOT: string;
};

export const REPO_ROOT: string = secantus.REPO_ROOT;
/** Where `npm start` keeps its data between restarts (ignored by git). */
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, '.data', 'db');
export const DEFAULT_EMBEDDED_PORT = 27217;
export const EMBEDDED_VERSION: string = secantus.SECANTUSDB_VERSION;

export interface DatabaseServer {
  uri: string;
  kind: 'external' | 'secantusdb';
  /** Stops a server this process started; no-op for an external one. */
  stop(): Promise<void>;
  /** The server process, when this process started it (SIGSTOP/SIGCONT for fault tests). */
  pid?: number;
}

export interface ProvisionOptions {
  /** Folder for the data files. Default: `.data/db` in the repo. */
  dataDir?: string;
  /** Port on 127.0.0.1; 0 picks a free one. Default 27217. */
  port?: number;
  log?: (message: string) => void;
  env?: Record<string, string | undefined>;
}

/**
 * The database the system runs on: `MONGODB_URI` when set; otherwise an embedded local
 * server that this process starts and owns: SecantusDB (WiredTiger storage, MongoDB wire
 * protocol, a one-node replica set so sessions and transactions work), installed once from
 * PyPI into `.cache/`. Never an in-process mock. See docs/database.md.
 */
export async function provisionDatabase(options: ProvisionOptions = {}): Promise<DatabaseServer> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  if (env.MONGODB_URI) {
    return { uri: env.MONGODB_URI, kind: 'external', stop: async () => undefined };
  }
  const dataDir = path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const port = options.port === 0 ? await freePort() : (options.port ?? DEFAULT_EMBEDDED_PORT);
  fs.mkdirSync(dataDir, { recursive: true });
  const bin = secantus.ensureServer({ log });
  return startSecantus(bin, dataDir, port, log);
}

async function startSecantus(bin: string, dataDir: string, port: number, log: (m: string) => void): Promise<DatabaseServer> {
  const child = spawn(bin, ['--host', '127.0.0.1', '--port', String(port), '--storage-path', dataDir, '--log-level', 'INFO'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  await waitForLine(child, /secantus listening on (\S+)/, 60_000, `SecantusDB (${bin})`);
  // One node that calls itself a replica set: a direct connection avoids the driver looking up
  // the member names it advertises, and still allows sessions and transactions.
  const uri = `mongodb://127.0.0.1:${port}/?directConnection=true`;
  log(`[db] embedded SecantusDB ${EMBEDDED_VERSION} (WiredTiger in ${dataDir}) listening at ${uri}`);
  return { uri, kind: 'secantusdb', stop: () => stopChild(child), pid: child.pid };
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`${what} did not start within ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    const detach = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', fail);
      // Keep draining the pipes so the child never blocks on a full buffer.
      child.stdout?.resume();
      child.stderr?.resume();
    };
    function onData(chunk: Buffer) {
      output = (output + chunk.toString()).slice(-20_000);
      const match = pattern.exec(output);
      if (match) {
        detach();
        resolve(match[1] ?? match[0]);
      }
    }
    function onExit(code: number | null) {
      fail(new Error(`${what} exited with code ${code} before it was ready:\n${output.slice(-2000)}`));
    }
    function fail(err: Error) {
      detach();
      child.kill('SIGKILL');
      reject(err);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', fail);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

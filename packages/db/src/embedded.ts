import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ferret = require('../ferretdb/build.js') as {
  ensureBinary(opts?: { log?: (m: string) => void }): string;
  hasGo(): boolean;
  REPO_ROOT: string;
};

export const REPO_ROOT: string = ferret.REPO_ROOT;
/** Where `npm start` keeps its data between restarts (ignored by git). */
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, '.data', 'db');
export const DEFAULT_EMBEDDED_PORT = 27217;

export interface DatabaseServer {
  uri: string;
  kind: 'external' | 'ferretdb' | 'mongod';
  /** Stops a server this process started; no-op for an external one. */
  stop(): Promise<void>;
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
 * server that this process starts and owns (FerretDB v1 on SQLite, built once with Go;
 * or a `mongod` found on PATH when Go is not available). Never an in-process mock.
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

  if (!ferret.hasGo() && hasMongod()) {
    return startMongod(dataDir, port, log);
  }
  const bin = ferret.ensureBinary({ log });
  return startFerretdb(bin, dataDir, port, log);
}

async function startFerretdb(bin: string, dataDir: string, port: number, log: (m: string) => void): Promise<DatabaseServer> {
  const child = spawn(bin, ['-listen', `127.0.0.1:${port}`, '-sqlite-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const uri = await waitForLine(child, /^READY (\S+)/m, 30_000, `FerretDB (${bin})`);
  log(`[db] embedded FerretDB (SQLite in ${dataDir}) listening at ${uri}`);
  return { uri, kind: 'ferretdb', stop: () => stopChild(child) };
}

function hasMongod(): boolean {
  return spawnSync('mongod', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function startMongod(dataDir: string, port: number, log: (m: string) => void): Promise<DatabaseServer> {
  const child = spawn('mongod', ['--dbpath', dataDir, '--port', String(port), '--bind_ip', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForLine(child, /Waiting for connections/, 60_000, 'mongod');
  const uri = `mongodb://127.0.0.1:${port}/`;
  log(`[db] local mongod (${dataDir}) listening at ${uri}`);
  return { uri, kind: 'mongod', stop: () => stopChild(child) };
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`${what} did not start within ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        // Keep draining the pipes so the child never blocks on a full buffer.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(match[1] ?? match[0]);
      }
    };
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(err);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.once('exit', (code) => fail(new Error(`${what} exited with code ${code} before it was ready:\n${output.slice(-2000)}`)));
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

import fs from 'node:fs';
import path from 'node:path';

/**
 * The network guard (`network-guard.cjs` beside this package's package.json; plain JavaScript so
 * that `node --require` can preload it into compiled processes). Same path from src/ and dist/.
 */
export const NETWORK_GUARD_FILE = path.resolve(__dirname, '..', 'network-guard.cjs');

/** One refused attempt to leave the machine, as the guard records it. */
export interface NetworkAttempt {
  /** `connect`, `udp-send`, `udp-connect`, or the resolver function, e.g. `dns.lookup`. */
  kind: string;
  /** `host:port`, or the name to resolve. */
  target: string;
  pid: number;
  /** The process's main script. */
  script: string;
  /** A few frames of the code that tried. */
  stack: string[];
}

interface GuardModule {
  INSTALLED: string;
  install(file: string): void;
  uninstall(): void;
  isLoopback(host: string | undefined): boolean;
}

const guard = require(NETWORK_GUARD_FILE) as GuardModule;

/** True for 127.0.0.0/8, ::1 (also IPv4-mapped) and `localhost`. */
export const isLoopbackHost: (host: string | undefined) => boolean = guard.isLoopback;

/**
 * Environment for child processes: every Node process started with it (and every process it
 * starts in turn, through NODE_OPTIONS) records its attempts to reach a non-loopback address or
 * to resolve a name into `logFile`, and has them refused.
 */
export function networkGuardEnv(logFile: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const preload = `--require ${JSON.stringify(NETWORK_GUARD_FILE)}`;
  return { NODE_OPTIONS: [env.NODE_OPTIONS, preload].filter(Boolean).join(' '), NCT_NETWORK_GUARD_LOG: logFile };
}

/** Guards this process itself until the returned function is called. */
export function installNetworkGuard(logFile: string): () => void {
  guard.install(logFile);
  return () => guard.uninstall();
}

/** What a guard log holds: the processes that were watched, and what they tried. */
export interface NetworkGuardLog {
  guarded: Array<{ pid: number; script: string }>;
  attempts: NetworkAttempt[];
}

/** Reads a guard log (empty when the file does not exist). */
export function readNetworkGuardLog(logFile: string): NetworkGuardLog {
  const log: NetworkGuardLog = { guarded: [], attempts: [] };
  if (!fs.existsSync(logFile)) return log;
  for (const line of fs.readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const entry = JSON.parse(line) as NetworkAttempt;
    if (entry.kind === guard.INSTALLED) log.guarded.push({ pid: entry.pid, script: entry.script });
    else log.attempts.push(entry);
  }
  return log;
}

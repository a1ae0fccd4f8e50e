import fs from 'node:fs';
import path from 'node:path';
import { issueDevToken, Role } from '@nct/auth';
import { PERSON_QUERY } from '@nct/gateway';
import { SUBGRAPHS } from '@nct/registry';
import { generateSeed } from '@nct/seed';
import { isLoopbackHost, readNetworkGuardLog, testToday } from '@nct/testing';
import type { RunningSystem } from '../../scripts/src/system';
import { GuardedSystem, startGuardedSystem } from './process-system';

// No process of the system may open a connection nobody configured (docs/security.md,
// "Connections nobody configured"). The system is started as `npm start` starts it: the embedded
// database, each subgraph and the gateway in their own processes (scripts/src/system.ts), every
// Node process with the network guard preloaded (packages/testing/network-guard.cjs), which
// records and refuses any attempt to reach a non-loopback address or to resolve a name. This
// test process, the orchestrator in `npm start`'s place, is guarded too. The database is Python:
// its sockets are read from /proc instead.
//
// The environment is the one a careless deployment might have: APOLLO_TELEMETRY_DISABLED unset
// (the gateway must switch Apollo's telemetry off by itself) and an Apollo key, graph ref and
// schema reporting switch present (no Apollo server may start reporting because of them).

const PEOPLE = 40;
const SEED = 3;
/** Apollo's schema reporter waits up to 10 s before its first report; usage reports every 10 s. */
const WATCH_AFTER_START_MS = 12_000;

/** TCP and UDP sockets of a process and its descendants whose remote end is set (not a listener). */
function connectedSockets(rootPid: number): Array<{ pid: number; table: string; local: string; remote: string }> {
  const pids = [rootPid];
  for (let i = 0; i < pids.length; i++) {
    for (const task of safe(() => fs.readdirSync(`/proc/${pids[i]}/task`), [])) {
      const children = safe(() => fs.readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8'), '');
      pids.push(...children.split(/\s+/).filter(Boolean).map(Number));
    }
  }
  const found = [];
  for (const pid of pids) {
    const inodes = new Set<string>();
    for (const fd of safe(() => fs.readdirSync(`/proc/${pid}/fd`), [])) {
      const match = /^socket:\[(\d+)\]$/.exec(safe(() => fs.readlinkSync(`/proc/${pid}/fd/${fd}`), ''));
      if (match) inodes.add(match[1]);
    }
    for (const table of ['tcp', 'tcp6', 'udp', 'udp6']) {
      for (const line of safe(() => fs.readFileSync(`/proc/${pid}/net/${table}`, 'utf8'), '')
        .split('\n')
        .slice(1)) {
        const cols = line.trim().split(/\s+/);
        if (cols.length < 10 || !inodes.has(cols[9])) continue;
        const remote = procAddress(cols[2]);
        if (/^(0\.0\.0\.0|::):0$/.test(remote)) continue; // listening, or unconnected UDP
        found.push({ pid, table, local: procAddress(cols[1]), remote });
      }
    }
  }
  return found;
}

/** `0100007F:1F90` -> `127.0.0.1:8080`; IPv6 likewise (four little-endian 32-bit words). */
function procAddress(hex: string): string {
  const [addr, port] = hex.split(':');
  const words = addr.match(/.{8}/g)!.map((w) => w.match(/../g)!.reverse().join(''));
  const ip =
    words.length === 1
      ? words[0]
          .match(/../g)!
          .map((b) => parseInt(b, 16))
          .join('.')
      : compressIPv6(
          words
            .join('')
            .match(/.{4}/g)!
            .map((g) => parseInt(g, 16).toString(16)),
        );
  return `${ip}:${parseInt(port, 16)}`;
}

function compressIPv6(groups: string[]): string {
  const text = groups.join(':');
  if (text.startsWith('0:0:0:0:0:ffff:')) {
    const [hi, lo] = groups.slice(6).map((g) => parseInt(g, 16));
    return `::ffff:${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  if (text === '0:0:0:0:0:0:0:0') return '::';
  if (text === '0:0:0:0:0:0:0:1') return '::1';
  return text;
}

function safe<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback; // the process or descriptor went away meanwhile
  }
}

const hostOf = (endpoint: string) => endpoint.slice(0, endpoint.lastIndexOf(':'));

describe('no connection that nobody configured', () => {
  let run: GuardedSystem | undefined;
  let system: RunningSystem | undefined;
  let issuerDir: string;
  let logFile: string;
  let startedAt = 0;
  const dbSockets: ReturnType<typeof connectedSockets> = [];

  beforeAll(async () => {
    run = await startGuardedSystem({
      name: 'no-phone-home',
      people: PEOPLE,
      seed: SEED,
      env: {
        LOG_LEVEL: 'warn',
        // Not passed down (this process has it: it loaded gateway/src): the gateway must set it itself.
        APOLLO_TELEMETRY_DISABLED: undefined,
        // A stray Apollo key must switch no reporting on.
        APOLLO_KEY: 'service:nct-offline:not-a-real-key',
        APOLLO_GRAPH_REF: 'nct-offline@current',
        APOLLO_SCHEMA_REPORTING: 'true',
      },
    });
    ({ system, issuerDir, networkLog: logFile } = run);
    startedAt = Date.now();
  }, 120_000);

  afterAll(async () => {
    await run?.stop();
  }, 30_000);

  /** POST through the gateway as a role; refused fields (FORBIDDEN) are fine, nothing else is. */
  async function query(role: Role, purpose: string, body: { query: string; variables?: Record<string, unknown> }, commune?: string) {
    const token = await issueDevToken(issuerDir, { role, commune });
    const res = await fetch(system!.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-access-purpose': purpose },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> };
    expect(res.status).toBe(200);
    expect((json.errors ?? []).map((e) => e.extensions?.code).filter((code) => code !== 'FORBIDDEN')).toEqual([]);
    return json.data;
  }

  it('answers through the gateway: person views and a dashboard question', async () => {
    const seed = generateSeed({ people: PEOPLE, seed: SEED, asOf: testToday() });
    const living = new Set(seed.people.filter((p) => p.deathDate === null).map((p) => p.citizenId));
    const record = seed.health.records.find((r) => living.has(r.citizenId))!;
    const person = seed.people.find((p) => p.citizenId === record.citizenId)!;

    const officer = await query(
      'commune-officer',
      'CARE_COORDINATION',
      { query: PERSON_QUERY, variables: { citizenId: person.citizenId } },
      person.communeCode,
    );
    expect(officer.person.citizenId).toBe(person.citizenId);
    const health = await query('health', 'HEALTH_CARE', { query: PERSON_QUERY, variables: { citizenId: person.citizenId } });
    expect(health.person.healthRecord).not.toBeNull();

    const coverage = await query('coordinator', 'STATISTICS', {
      query: `query Coverage($province: ID!, $year: Int!) {
        communesOf(provinceCode: $province) { code healthCoverage(year: $year) { elderlyCount annualCheck { count suppressed } } }
      }`,
      variables: { province: seed.province.code, year: Number(testToday().slice(0, 4)) },
    });
    expect(coverage.communesOf.length).toBeGreaterThan(0);
  });

  it('keeps the database process on loopback (its sockets, read from /proc)', async () => {
    // Watch Apollo's reporting windows pass, looking at the database's sockets meanwhile.
    const pid = system!.db.pid!;
    expect(system!.db.kind).toBe('secantusdb');
    do {
      dbSockets.push(...connectedSockets(pid));
      await new Promise((r) => setTimeout(r, 1000));
    } while (Date.now() - startedAt < WATCH_AFTER_START_MS);
    expect(dbSockets.filter((s) => !isLoopbackHost(hostOf(s.remote)))).toEqual([]);
    // The subgraphs' connections to it were seen, so the check looked at the right process.
    expect(dbSockets.length).toBeGreaterThan(0);
  }, 60_000);

  it('records no attempt to reach another host or resolve a name, in any Node process', async () => {
    // Stopping flushes Apollo's usage reports, if any were being collected.
    await system!.stop();
    const log = readNetworkGuardLog(logFile);
    // Every process was watched: this one, five subgraphs and the gateway.
    const scripts = log.guarded.map((g) => g.script);
    for (const info of SUBGRAPHS)
      expect(scripts).toContainEqual(expect.stringContaining(path.join('services', info.name, 'dist', 'main.js')));
    expect(scripts).toContainEqual(expect.stringContaining(path.join('gateway', 'dist', 'index.js')));
    expect(log.attempts.map((a) => ({ kind: a.kind, target: a.target, script: a.script, at: a.stack.slice(0, 3) }))).toEqual([]);
  }, 60_000);
});

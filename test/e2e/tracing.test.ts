import http from 'node:http';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import type { ChildProcess } from 'node:child_process';
import { issueDevToken } from '@nct/auth';
import { PERSON_QUERY } from '@nct/gateway';
import { SUBGRAPHS } from '@nct/registry';
import { generateSeed } from '@nct/seed';
import { readNetworkGuardLog, testToday } from '@nct/testing';
import type { RunningSystem } from '../../scripts/src/system';
import { GuardedSystem, startGuardedSystem } from './process-system';

// Traces across the gateway, the subgraphs and their database calls (docs/operations.md,
// "Traces"). The system runs as `npm start` runs it (scripts/src/system.ts: each subgraph and the
// gateway in its own process, compiled code), with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a tiny
// OTLP/HTTP (JSON) receiver in this test. One person view through the gateway must become one
// trace linked across the HTTP hops, and nothing exported may carry the citizen id or the token.

const PEOPLE = 30;
const SEED = 5;

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
  arrayValue?: { values?: OtlpValue[] };
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: OtlpAttribute[];
}
interface ExportRequest {
  resourceSpans?: Array<{
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: Array<{ scope?: { name?: string }; spans?: OtlpSpan[] }>;
  }>;
}
interface Collected extends OtlpSpan {
  service: string;
  scope: string;
  attrs: Record<string, unknown>;
}

const SERVER = 2;
const CLIENT = 3;

function valueOf(v: OtlpValue): unknown {
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.doubleValue !== undefined) return v.doubleValue;
  return v.arrayValue?.values?.map(valueOf);
}

function attributesOf(list: OtlpAttribute[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map((a) => [a.key, valueOf(a.value)]));
}

/** A minimal OTLP/HTTP JSON receiver: keeps every exported span and every raw body. */
async function startReceiver() {
  const spans: Collected[] = [];
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      bodies.push(text);
      if (req.method === 'POST' && req.url === '/v1/traces') {
        const body = JSON.parse(text) as ExportRequest;
        for (const rs of body.resourceSpans ?? []) {
          const service = String(attributesOf(rs.resource?.attributes)['service.name']);
          for (const ss of rs.scopeSpans ?? []) {
            for (const span of ss.spans ?? [])
              spans.push({ ...span, service, scope: ss.scope?.name ?? '', attrs: attributesOf(span.attributes) });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, spans, bodies, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Collects a child's JSON log lines (stdout). */
function collectLogs(child: ChildProcess): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let i: number;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        /* not a log line */
      }
    }
  });
  return lines;
}

describe('traces across gateway, subgraphs and database (OpenTelemetry, OTLP/HTTP JSON)', () => {
  let run: GuardedSystem | undefined;
  let system: RunningSystem | undefined;
  let issuerDir: string;
  let logFile: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;

  beforeAll(async () => {
    receiver = await startReceiver();
    run = await startGuardedSystem({
      name: 'tracing',
      people: PEOPLE,
      seed: SEED,
      env: {
        // Tracing on, and still no connection but configured ones (all loopback here).
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: undefined,
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '200',
        // Request log lines are info: read from the gateway's stdout below.
        LOG_LEVEL: 'info',
      },
    });
    ({ system, issuerDir, networkLog: logFile } = run);
  }, 120_000);

  afterAll(async () => {
    await run?.stop();
    await receiver?.close();
  }, 30_000);

  it('makes one trace of a person view: gateway, subgraphs and database, linked across the HTTP hops, without personal data', async () => {
    const gatewayProcess = system!.children.find((c) => c.spawnargs.some((a) => a.endsWith(path.join('gateway', 'dist', 'index.js'))))!;
    const gatewayLogs = collectLogs(gatewayProcess);

    const seed = generateSeed({ people: PEOPLE, seed: SEED, asOf: testToday() });
    const living = new Set(seed.people.filter((p) => p.deathDate === null).map((p) => p.citizenId));
    const record = seed.health.records.find((r) => living.has(r.citizenId))!;
    const person = seed.people.find((p) => p.citizenId === record.citizenId)!;
    const token = await issueDevToken(issuerDir, { role: 'commune-officer', commune: person.communeCode });
    const res = await fetch(system!.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-access-purpose': 'CARE_COORDINATION' },
      body: JSON.stringify({ query: PERSON_QUERY, variables: { citizenId: person.citizenId } }),
    });
    const json = (await res.json()) as { data?: { person?: { citizenId: string } } };
    expect(res.status).toBe(200);
    expect(json.data?.person?.citizenId).toBe(person.citizenId);
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toBeTruthy();

    // The gateway's server span of this POST /graphql gives the trace id (probes make no spans).
    const spans = receiver!.spans;
    const traceOfRequest = () =>
      spans.find(
        (s) => s.service === 'nct-gateway' && s.kind === SERVER && String(s.attrs['http.target'] ?? s.attrs['url.path']) === '/graphql',
      )?.traceId;
    const complete = () => {
      const traceId = traceOfRequest();
      if (!traceId) return false;
      const services = new Set(spans.filter((s) => s.traceId === traceId).map((s) => s.service));
      return ['nct-gateway', 'nct-homeaffairs', 'nct-social', 'nct-health', 'nct-audit'].every((name) => services.has(name));
    };
    const deadline = Date.now() + 20_000;
    while (!complete() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));

    const traceId = traceOfRequest();
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    const trace = spans.filter((s) => s.traceId === traceId);
    const services = new Set(trace.map((s) => s.service));
    expect(services).toContain('nct-gateway');
    const subgraphs = [...services].filter((name) => SUBGRAPHS.some((info) => `nct-${info.name}` === name));
    expect(subgraphs.length).toBeGreaterThanOrEqual(2);
    expect(subgraphs).toEqual(expect.arrayContaining(['nct-homeaffairs', 'nct-social']));

    // Every subgraph server span of the trace is the child of a gateway client span (the fetch).
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const subgraphServerSpans = trace.filter((s) => s.kind === SERVER && s.service !== 'nct-gateway');
    expect(subgraphServerSpans.length).toBeGreaterThanOrEqual(2);
    for (const span of subgraphServerSpans) {
      const parent = byId.get(span.parentSpanId ?? '');
      expect({ span: span.name, service: span.service, parent: parent && { service: parent.service, kind: parent.kind } }).toEqual({
        span: span.name,
        service: span.service,
        parent: { service: 'nct-gateway', kind: CLIENT },
      });
    }
    // Database calls, under the subgraphs' spans, and GraphQL execution in the subgraphs.
    const dbSpans = trace.filter((s) => s.attrs['db.system'] === 'mongodb' || s.attrs['db.system.name'] === 'mongodb');
    expect(dbSpans.length).toBeGreaterThan(0);
    expect(dbSpans.every((s) => s.service !== 'nct-gateway')).toBe(true);
    const statements = dbSpans.map((s) => String(s.attrs['db.query.text'] ?? s.attrs['db.statement'] ?? ''));
    expect(statements.some((text) => text.includes('"?"'))).toBe(true);
    expect(trace.some((s) => s.scope.includes('graphql') && s.service !== 'nct-gateway')).toBe(true);

    // Nothing exported carries the citizen id, the bearer token or the query's variables: the raw
    // bodies as received (span names, attributes, events, resources) are searched.
    const exported = receiver!.bodies.join('\n');
    expect(exported).toContain(traceId!);
    expect(exported).not.toContain(person.citizenId);
    expect(exported).not.toContain(token);
    expect(exported).not.toContain(token.split('.')[1]);
    expect(exported.toLowerCase()).not.toContain('bearer');
    for (const span of trace) {
      for (const value of Object.values(span.attrs)) expect(String(value)).not.toContain(person.citizenId);
    }
    // Probes and scrapes make no spans.
    expect(
      spans.filter((s) => /\/(health|metrics)/.test(String(s.attrs['http.target'] ?? s.attrs['url.path'] ?? '')) && s.kind === SERVER),
    ).toEqual([]);

    // The gateway's request log line: method, route, status, duration, request id and trace id.
    const deadlineLog = Date.now() + 5_000;
    const requestLine = () => gatewayLogs.find((l) => l.msg === 'request' && l.requestId === requestId);
    while (!requestLine() && Date.now() < deadlineLog) await new Promise((r) => setTimeout(r, 100));
    expect(requestLine()).toMatchObject({ level: 30, method: 'POST', route: '/graphql', status: 200, requestId, trace_id: traceId });
    expect(typeof requestLine()!.ms).toBe('number');
    expect(JSON.stringify(gatewayLogs)).not.toContain(person.citizenId);
    expect(JSON.stringify(gatewayLogs)).not.toContain(token);
  }, 60_000);

  it('connects to nothing but loopback, the collector included', async () => {
    await system!.stop();
    const log = readNetworkGuardLog(logFile);
    expect(log.attempts.map((a) => ({ kind: a.kind, target: a.target, script: a.script }))).toEqual([]);
  }, 60_000);
});

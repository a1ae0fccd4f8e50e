/**
 * The pure parts of the soak test (docs/consistency.md section 5, docs/soak.md): its options,
 * how a client judges an answer (success, retry the same request, a typed refusal, or an
 * answer that is not a typed error), the figures collected, the targets and the printed report.
 */
import { percentile } from './bench-lib';

export type SubgraphUnderTest = 'homeaffairs' | 'social' | 'health' | 'association' | 'audit';
const SUBGRAPH_NAMES: readonly SubgraphUnderTest[] = ['homeaffairs', 'social', 'health', 'association', 'audit'];

export interface SoakOptions {
  /** People in the seeded province. */
  people: number;
  seed: number;
  /** How long the clients start new requests. */
  seconds: number;
  /** Concurrent virtual clients. */
  clients: number;
  /** The subgraph killed (SIGKILL) and restarted, at a third of the run. */
  kill: SubgraphUnderTest;
  /** Seconds between the kill and the restart. */
  downSeconds: number;
  /** Seconds the database is paused (SIGSTOP ... SIGCONT), at two thirds of the run. */
  pauseSeconds: number;
  /** The gateway's SUBGRAPH_TIMEOUT_MS during the run (shorter than the pause). */
  subgraphTimeoutMs: number;
  /** After the run, how long requests still retrying may take to get an answer. */
  graceSeconds: number;
  /** Seed a throwaway database instead of the cached `.data/soak-<people>`. */
  fresh: boolean;
  /** Also send, without a key, the creates whose mutation has no `idempotencyKey` argument yet. */
  allWrites: boolean;
}

export const SOAK_DEFAULTS: SoakOptions = {
  people: 100_000,
  seed: 1,
  seconds: 300,
  clients: 8,
  kill: 'association',
  downSeconds: 5,
  pauseSeconds: 8,
  subgraphTimeoutMs: 5000,
  graceSeconds: 60,
  fresh: false,
  allWrites: false,
};

const USAGE =
  'npm run soak -- [--people N] [--minutes M | --seconds S] [--clients N] [--kill SUBGRAPH] [--down S] [--pause S] ' +
  '[--timeout-ms MS] [--grace S] [--seed N] [--fresh] [--all-writes]';

/** `--people 2000 --minutes 1 ...` over the defaults. */
export function soakOptions(argv: readonly string[], defaults: SoakOptions = SOAK_DEFAULTS): SoakOptions {
  const o = { ...defaults };
  const int = (name: string, raw: string | undefined, min: number, max: number): number => {
    const v = Number(String(raw).replace(/_/g, ''));
    if (raw === undefined || !Number.isFinite(v) || v < min || v > max || Math.round(v * 1000) !== v * 1000)
      throw new Error(`${name} must be a number from ${min} to ${max}, got "${raw}"\nusage: ${USAGE}`);
    return v;
  };
  const set = (flag: string, raw: string | undefined) => {
    switch (flag) {
      case 'people':
        o.people = Math.round(int('--people', raw, 10, 1_000_000));
        break;
      case 'seed':
        o.seed = Math.round(int('--seed', raw, 1, 1_000_000));
        break;
      case 'minutes':
        o.seconds = int('--minutes', raw, 0.25, 24 * 60) * 60;
        break;
      case 'seconds':
        o.seconds = int('--seconds', raw, 15, 24 * 3600);
        break;
      case 'clients':
        o.clients = Math.round(int('--clients', raw, 1, 256));
        break;
      case 'kill':
        if (!(SUBGRAPH_NAMES as readonly string[]).includes(String(raw)))
          throw new Error(`--kill must be one of ${SUBGRAPH_NAMES.join(', ')}, got "${raw}"\nusage: ${USAGE}`);
        o.kill = raw as SubgraphUnderTest;
        break;
      case 'down':
        o.downSeconds = int('--down', raw, 0, 600);
        break;
      case 'pause':
        o.pauseSeconds = int('--pause', raw, 0, 600);
        break;
      case 'timeout-ms':
        o.subgraphTimeoutMs = Math.round(int('--timeout-ms', raw, 100, 600_000));
        break;
      case 'grace':
        o.graceSeconds = int('--grace', raw, 1, 3600);
        break;
      default:
        throw new Error(`unknown option --${flag}\nusage: ${USAGE}`);
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"\nusage: ${USAGE}`);
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (flag === 'fresh' || flag === 'all-writes') {
      if (flag === 'fresh') o.fresh = true;
      else o.allWrites = true;
      continue;
    }
    set(flag, eq > 0 ? arg.slice(eq + 1) : argv[++i]);
  }
  if (o.pauseSeconds > 0 && o.pauseSeconds * 1000 <= o.subgraphTimeoutMs)
    throw new Error(`the pause (${o.pauseSeconds} s) must be longer than the gateway's subgraph timeout (${o.subgraphTimeoutMs} ms)`);
  return o;
}

/**
 * The mutations of a supergraph that take an `idempotencyKey` argument (read from the SDL
 * text: the `type Mutation` block, descriptions and strings left out).
 */
export function mutationsWithKey(sdl: string): Set<string> {
  const text = sdl.replace(/"""[\s\S]*?"""/g, '""').replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
  const start = /^type Mutation\b[^{]*\{/m.exec(text);
  const found = new Set<string>();
  if (!start) return found;
  const body = text.slice(start.index + start[0].length, text.indexOf('\n}', start.index));
  const field = /^\s+([A-Za-z_]\w*)\s*\(/gm;
  for (let m = field.exec(body); m; m = field.exec(body)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < body.length && depth > 0; i++) {
      if (body[i] === '(') depth++;
      else if (body[i] === ')') depth--;
    }
    if (/\bidempotencyKey\s*:/.test(body.slice(m.index + m[0].length, i))) found.add(m[1]);
    field.lastIndex = i;
  }
  return found;
}

// ---- answers -------------------------------------------------------------------------------

/**
 * Codes after which a good client sends the same request again (same idempotency key):
 * "may or may not have been written" (OUTCOME_UNKNOWN), "nothing was done" (the rest). Any
 * HTTP 5xx and any network error are retried too.
 */
export const RETRY_CODES: ReadonlySet<string> = new Set([
  'OUTCOME_UNKNOWN',
  'SUBGRAPH_UNAVAILABLE',
  'DEPENDENCY_UNAVAILABLE',
  'RATE_LIMITED',
  'AUDIT_UNAVAILABLE',
]);

/** Not a typed error: the masked "internal error", or an error without a code. */
const UNTYPED = new Set(['INTERNAL_SERVER_ERROR', 'NO_CODE']);

export type Verdict =
  | { status: 'ok'; codes: []; data: any }
  | { status: 'retry'; codes: string[] }
  | { status: 'refused'; codes: string[]; detail: string }
  | { status: 'untyped'; codes: string[]; detail: string };

/**
 * One answer as a good client reads it. `answer` is the HTTP status and the parsed body, or
 * the network error (no answer at all).
 */
export function classify(answer: { status: number; body: unknown } | { networkError: string }): Verdict {
  if ('networkError' in answer) return { status: 'retry', codes: [answer.networkError] };
  const { status, body } = answer;
  const errors = (body as { errors?: unknown } | null)?.errors;
  const isObject = body !== null && typeof body === 'object' && !Array.isArray(body);
  if (!isObject) {
    const code = `HTTP_${status}_NOT_JSON`;
    return status >= 500 ? { status: 'retry', codes: [code] } : { status: 'untyped', codes: [code], detail: String(body).slice(0, 300) };
  }
  if (!Array.isArray(errors) || errors.length === 0) {
    const data = (body as { data?: unknown }).data;
    if (status === 200 && data !== null && data !== undefined) return { status: 'ok', codes: [], data };
    if (status >= 500) return { status: 'retry', codes: [`HTTP_${status}`] };
    return { status: 'untyped', codes: [`HTTP_${status}`], detail: JSON.stringify(body).slice(0, 300) };
  }
  const codes = [
    ...new Set(
      errors.map((e) => {
        const code = (e as { extensions?: { code?: unknown } } | null)?.extensions?.code;
        return typeof code === 'string' && code ? code : 'NO_CODE';
      }),
    ),
  ].sort();
  if (status >= 500 || codes.some((c) => RETRY_CODES.has(c))) return { status: 'retry', codes };
  const detail = JSON.stringify(errors).slice(0, 500);
  if (codes.some((c) => UNTYPED.has(c))) return { status: 'untyped', codes, detail };
  return { status: 'refused', codes, detail };
}

/** Bounded exponential backoff with jitter: 100 ms, 200 ms, ... at most 2 s. `random` in [0, 1). */
export function backoffMs(attempt: number, random: number): number {
  const base = Math.min(2000, 100 * 2 ** Math.min(attempt, 10));
  return Math.round(base / 2 + (base / 2) * random);
}

// ---- figures -------------------------------------------------------------------------------

export type OpKind = 'read' | 'write';

export interface OpCounts {
  kind: OpKind;
  /** Logical requests started (each may take several attempts). */
  started: number;
  ok: number;
  /** Ended with a typed refusal (CONFLICT, NOT_FOUND...): answered. */
  refused: number;
  /** Ended with an answer that is not a typed error. */
  untyped: number;
  /** Still retrying when the run (and its grace period) ended. */
  pending: number;
  /** Attempts after the first. */
  retries: number;
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

export function latencyOf(ms: number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/** What the end checks found for one kind of write. */
export interface WriteCheck {
  op: string;
  acknowledged: number;
  /** Acknowledged but not found. */
  lost: number;
  /** Found more than once. */
  duplicated: number;
  /** Found, but never sent by this run's clients. */
  unattempted: number;
  /** Found although the client's final answer was a refusal. */
  refusedButWritten: number;
  /** Examples, for the report. */
  problems: string[];
}

export interface FaultEvent {
  atS: number;
  what: string;
}

export interface SoakReport {
  people: number;
  clients: number;
  seconds: number;
  /** Wall time of the whole run including the grace period, s. */
  elapsedS: number;
  faults: FaultEvent[];
  /** HTTP attempts sent; answered = got an HTTP answer (any status). */
  requests: { sent: number; answered: number; noAnswer: number };
  operations: Record<string, OpCounts>;
  /** Per attempt: every error code seen (a network failure as NETWORK / CLIENT_TIMEOUT). */
  errorsByCode: Record<string, number>;
  latency: { all: Latency; reads: Latency; writes: Latency };
  retries: number;
  acknowledged: number;
  lost: number;
  duplicated: number;
  unattempted: number;
  refusedButWritten: number;
  /** Logical requests left without an answer (still pending, or an untyped answer). */
  unanswered: number;
  /** Processes not alive at the end (a restarted subgraph counts by its new process). */
  crashes: string[];
  /** HTTP status of the gateway's /health/ready at the end. */
  ready: number;
  ledgers: { checked: number; unbalanced: string[] };
  writes: WriteCheck[];
  /** Write operations whose mutation has no `idempotencyKey` argument yet: left out, or (allWrites) sent without a key. */
  withoutIdempotencyKey: string[];
  sentWithoutKey: boolean;
  /** Examples of untyped answers and requests left pending. */
  unansweredExamples: string[];
  /** The requests that took longest to get their final answer through retries, each attempt described. */
  longest: string[];
  /** The end checks could not run to completion (the reason). */
  checkFailure?: string;
}

/** Every target the run missed (empty: all met). Timing is never a target. */
export function missedTargets(r: SoakReport): string[] {
  const missed: string[] = [];
  if (r.lost) missed.push(`${r.lost} acknowledged writes lost`);
  if (r.duplicated) missed.push(`${r.duplicated} writes duplicated`);
  if (r.unattempted) missed.push(`${r.unattempted} writes present that were never sent`);
  if (r.refusedButWritten) missed.push(`${r.refusedButWritten} writes present although refused`);
  if (r.unanswered) missed.push(`${r.unanswered} requests unanswered`);
  if (r.crashes.length) missed.push(`processes not running: ${r.crashes.join(', ')}`);
  if (r.ready !== 200) missed.push(`/health/ready answered ${r.ready}`);
  if (r.ledgers.unbalanced.length) missed.push(`ledgers out of balance: ${r.ledgers.unbalanced.join('; ')}`);
  if (r.checkFailure) missed.push(`end checks failed: ${r.checkFailure}`);
  if (r.acknowledged === 0 && !r.checkFailure) missed.push('no write was acknowledged: nothing was checked');
  return missed;
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const num = (n: number) => n.toLocaleString('en-US');

export function formatReport(r: SoakReport): string {
  const lines: string[] = [];
  const row = (cells: Array<string | number>) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push(
    `## Soak: ${num(r.people)} people, ${r.clients} clients, ${f1(r.seconds)} s of load (${f1(r.elapsedS)} s with the grace period)`,
    '',
  );
  lines.push('Faults:', ...r.faults.map((e) => `- at ${f1(e.atS)} s: ${e.what}`), '');
  lines.push(
    `Requests (HTTP attempts): ${num(r.requests.sent)} sent, ${num(r.requests.answered)} answered, ` +
      `${num(r.requests.noAnswer)} without an HTTP answer (network error or client timeout); ${num(r.retries)} retries.`,
    '',
  );
  lines.push('| operation | kind | started | ok | refused | untyped | pending | retries |', '|---|---|---|---|---|---|---|---|');
  for (const [op, c] of Object.entries(r.operations).sort(([a], [b]) => (a < b ? -1 : 1)))
    row([op, c.kind, c.started, c.ok, c.refused, c.untyped, c.pending, c.retries]);
  lines.push('');
  const codes = Object.entries(r.errorsByCode).sort((a, b) => b[1] - a[1]);
  lines.push(`Errors by code (per attempt): ${codes.length ? codes.map(([c, n]) => `${c} ${num(n)}`).join(', ') : 'none'}`, '');
  lines.push('| latency per attempt | n | p50 ms | p95 ms | p99 ms |', '|---|---|---|---|---|');
  for (const [name, l] of [
    ['all', r.latency.all],
    ['reads', r.latency.reads],
    ['writes', r.latency.writes],
  ] as const)
    row([name, l.n, f1(l.p50), f1(l.p95), f1(l.p99)]);
  lines.push('');
  lines.push('| write | acknowledged | lost | duplicated | never sent | refused but written |', '|---|---|---|---|---|---|');
  for (const w of r.writes) row([w.op, w.acknowledged, w.lost, w.duplicated, w.unattempted, w.refusedButWritten]);
  lines.push('');
  if (r.withoutIdempotencyKey.length)
    lines.push(
      `${r.sentWithoutKey ? 'Sent WITHOUT a key' : 'Left out'} (the mutation has no idempotencyKey argument yet): ${r.withoutIdempotencyKey.join(', ')}`,
      '',
    );
  lines.push(
    `Acknowledged writes ${num(r.acknowledged)}; lost ${r.lost}; duplicated ${r.duplicated}; present but never sent ${r.unattempted}; ` +
      `refused but written ${r.refusedButWritten}; unanswered ${r.unanswered}; ledgers checked ${r.ledgers.checked}, ` +
      `out of balance ${r.ledgers.unbalanced.length}; crashed processes ${r.crashes.length}; /health/ready ${r.ready}.`,
  );
  if (r.longest.length) lines.push('', 'Longest requests through retries:', ...r.longest.map((l) => `- ${l}`));
  const problems = [...r.writes.flatMap((w) => w.problems), ...r.ledgers.unbalanced, ...r.unansweredExamples];
  if (r.checkFailure) problems.unshift(`end checks failed: ${r.checkFailure}`);
  if (problems.length) lines.push('', 'Problems:', ...problems.slice(0, 40).map((p) => `- ${p}`));
  const missed = missedTargets(r);
  lines.push('', missed.length ? `TARGETS MISSED: ${missed.join('; ')}` : 'All targets met: 0 lost, 0 duplicated, 0 unanswered, no crash.');
  return lines.join('\n');
}

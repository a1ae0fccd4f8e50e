/**
 * The soak test's clients (docs/soak.md): each has its own development token and role, and
 * runs a weighted mix of reads and writes through the gateway only, as a good client would:
 * every write has a fresh idempotency key, and an answer that says "retry" (OUTCOME_UNKNOWN,
 * SUBGRAPH_UNAVAILABLE, DEPENDENCY_UNAVAILABLE, RATE_LIMITED, AUDIT_UNAVAILABLE, HTTP 5xx,
 * network error) is followed by the SAME request with the SAME key, after a bounded backoff,
 * until an answer comes or the run is abandoned. Every write sent is remembered, with its
 * final answer, for the end checks (soak-checks.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { issueDevToken, type Purpose, type Role } from '@nct/auth';
import { makeCitizenId, PROVINCE_CODES } from '@nct/citizen-id';
import { addDays, addMonths, monthOf } from '@nct/dates';
import { connectDatabase, REPO_ROOT } from '@nct/db';
import { subgraphDatabase, subgraphInfo } from '@nct/registry';
import { PERSON_VIEW } from './bench-lib';
import { backoffMs, classify, mutationsWithKey, type OpCounts, type OpKind, type Verdict } from './soak-lib';

// ---- what is sent --------------------------------------------------------------------------

export interface FundRef {
  fund: 'CLUB_ACTIVITY' | 'CLUB_INCOME_GENERATION' | 'CARE';
  clubId?: string;
  unitCode?: string;
}

/** One write a client sent: what identifies it in the data, and the final answer it got. */
export type WriteRecord = {
  key: string | null;
  /** pending: no final answer (yet); acked: success; refused: a typed refusal; untyped: an answer that is not a typed error. */
  outcome: 'pending' | 'acked' | 'refused' | 'untyped';
  detail?: string;
} & (
  | { op: 'association.recordFundEntry'; ledger: FundRef; reference: string }
  | { op: 'health.recordHealthCheck'; citizenId: string; date: string; facility: string }
  | { op: 'health.recordHomeVisit'; citizenId: string; date: string; visitor: string }
  | { op: 'homeaffairs.reportTaskProgress'; planNumber: string; taskNo: number; text: string }
  | { op: 'homeaffairs.addPlanTask'; planNumber: string; taskNo: number; title: string }
  | { op: 'homeaffairs.registerPerson'; citizenId: string; fullName: string }
  | { op: 'social.recordPaymentCollection'; citizenId: string; month: string; communeCode: string }
);

export type WriteOp = WriteRecord['op'];

/** A write without its outcome, as an operation plans it. */
type WithoutOutcome<W> = W extends unknown ? Omit<W, 'outcome' | 'detail' | 'key'> : never;
type PlannedWrite = WithoutOutcome<WriteRecord>;

interface Planned {
  query: string;
  variables: Record<string, unknown>;
  write?: PlannedWrite;
}

interface OpDef {
  name: string;
  kind: OpKind;
  weight: number;
  /** A create: sent only when its mutation takes `idempotencyKey` (the mutation's name). */
  create?: string;
  /** The request, or null when this client has nothing left to do with it. */
  plan(w: Workload, c: SoakClient): Planned | null;
}

// ---- the data the clients work on ----------------------------------------------------------

export interface Targets {
  /** The commune whose people the reads ask for (a median-sized one). */
  commune: string;
  /** Living people of that commune (citizen IDs). */
  people: string[];
  /** Living people of that commune with a health record there. */
  healthPeople: string[];
  /** Fund books written concurrently by every association client. */
  ledgers: FundRef[];
  /** Payments (the last month's) of people of that commune, shared out between the social clients. */
  payments: Array<{ citizenId: string; month: string; communeCode: string }>;
  /** registerPerson: women born in `birthYear`, serials from `firstSerial` (each client its own block). */
  register: { province: string; birthYear: number; firstSerial: number; perClient: number };
}

export interface SoakClient {
  id: number;
  role: Role;
  purpose: Purpose;
  token: string;
  ops: OpDef[];
  /** Requests planned by this client so far (names keys, references, facilities...). */
  seq: number;
  /** homeaffairs: the client's plan, its tasks (1..tasks) and reports sent. */
  plan?: { planNumber: string; tasks: number; reports: number };
  registered: number;
  /** social: the payments this client records, and how many it has done. */
  payments: Targets['payments'];
  paid: number;
}

const ROLES: Array<{ role: Role; purpose: Purpose }> = [
  { role: 'association', purpose: 'ASSOCIATION_ACTIVITIES' },
  { role: 'health', purpose: 'HEALTH_CARE' },
  { role: 'homeaffairs', purpose: 'REGISTER_MAINTENANCE' },
  { role: 'social', purpose: 'BENEFIT_ADMINISTRATION' },
  { role: 'commune-officer', purpose: 'CARE_COORDINATION' },
];

/** Tasks in each homeaffairs client's plan at the start; reports go to these. */
const SETUP_TASKS = 4;
const MAX_TASKS = 200;
const MAX_REPORTS_PER_TASK = 200;

const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length) % list.length];

/** Letters only (names refuse digits): 0 -> "A", 27 -> "Bb". */
function letters(k: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26);
  } while (k > 0);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const OPS: Record<Role, OpDef[]> = {
  association: [
    {
      name: 'association.fundLedger',
      kind: 'read',
      weight: 3,
      plan: (w) => ({
        query: 'query($l: FundRefInput!) { fundLedger(ledger: $l) { ledgerId balance contributions disbursements entryCount } }',
        variables: { l: pick(w.targets.ledgers, w.random()) },
      }),
    },
    {
      name: 'association.person',
      kind: 'read',
      weight: 2,
      plan: (w) => ({
        query:
          'query($id: ID!) { person(citizenId: $id) { citizenId fullName age membership { branchName cardNumber } clubs { role club { clubId name } } } }',
        variables: { id: pick(w.targets.people, w.random()) },
      }),
    },
    {
      name: 'association.recordFundEntry',
      kind: 'write',
      weight: 5,
      create: 'recordFundEntry',
      plan: (w, c) => {
        const ledger = pick(w.targets.ledgers, w.random());
        const reference = `SOAK-${w.nonce}-${c.id}-${c.seq}`;
        // Mostly contributions; some disbursements, which may be refused when the book is short (CONFLICT).
        const disburse = w.random() < 0.25;
        const amount = (disburse ? 5 + Math.floor(w.random() * 45) : 10 + Math.floor(w.random() * 490)) * 1000;
        return {
          query:
            'mutation($i: RecordFundEntryInput!, $k: String) { recordFundEntry(input: $i, idempotencyKey: $k) { seq reference amount balanceAfter } }',
          variables: {
            i: {
              ledger,
              reference,
              type: disburse ? 'DISBURSEMENT' : 'CONTRIBUTION',
              amount,
              date: addDays(w.today, -Math.floor(w.random() * 20)),
              description: disburse ? 'Chi thăm hỏi hội viên (kiểm thử tải)' : 'Đóng góp hội viên (kiểm thử tải)',
            },
          },
          write: { op: 'association.recordFundEntry', ledger, reference },
        };
      },
    },
  ],
  health: [
    {
      name: 'health.healthChecks',
      kind: 'read',
      weight: 2,
      plan: (w) => ({
        query: 'query($id: ID!) { healthChecks(citizenId: $id, first: 20) { edges { node { date facility resultClass } } } }',
        variables: { id: pick(w.targets.healthPeople, w.random()) },
      }),
    },
    {
      name: 'health.person',
      kind: 'read',
      weight: 2,
      plan: (w) => ({
        query:
          'query($id: ID!) { person(citizenId: $id) { citizenId fullName age healthRecord { openedOn facility } lastHealthCheck { date resultClass } insuranceCard { code validTo } } }',
        variables: { id: pick(w.targets.healthPeople, w.random()) },
      }),
    },
    {
      name: 'health.recordHealthCheck',
      kind: 'write',
      weight: 3,
      create: 'recordHealthCheck',
      plan: (w, c) => {
        const citizenId = pick(w.targets.healthPeople, w.random());
        const date = addDays(w.today, -Math.floor(w.random() * 30));
        const facility = `Trạm Y tế kiểm thử ${w.nonce} ${c.id}-${c.seq}`;
        return {
          query:
            'mutation($i: RecordHealthCheckInput!, $k: String) { recordHealthCheck(input: $i, idempotencyKey: $k) { citizenId date facility } }',
          variables: { i: { citizenId, date, facility, resultClass: pick(['I', 'II', 'III', 'IV'], w.random()) } },
          write: { op: 'health.recordHealthCheck', citizenId, date, facility },
        };
      },
    },
    {
      name: 'health.recordHomeVisit',
      kind: 'write',
      weight: 2,
      create: 'recordHomeVisit',
      plan: (w, c) => {
        const citizenId = pick(w.targets.healthPeople, w.random());
        const date = addDays(w.today, -Math.floor(w.random() * 30));
        const visitor = `Cán bộ trạm ${w.nonce} ${c.id}-${c.seq}`;
        return {
          query:
            'mutation($i: RecordHomeVisitInput!, $k: String) { recordHomeVisit(input: $i, idempotencyKey: $k) { citizenId date visitor } }',
          variables: { i: { citizenId, date, visitor, kind: pick(['HEALTH_MONITORING', 'HOME_CARE'], w.random()), notes: 'Kiểm thử tải' } },
          write: { op: 'health.recordHomeVisit', citizenId, date, visitor },
        };
      },
    },
  ],
  homeaffairs: [
    {
      name: 'homeaffairs.person',
      kind: 'read',
      weight: 2,
      plan: (w) => ({
        query: 'query($id: ID!) { person(citizenId: $id) { citizenId fullName birthDate sex age deathDate residence { code name } } }',
        variables: { id: pick(w.targets.people, w.random()) },
      }),
    },
    {
      name: 'homeaffairs.planTasks',
      kind: 'read',
      weight: 1,
      plan: (_w, c) =>
        c.plan
          ? {
              query:
                'query($p: ID!) { planTasks(planNumber: $p, first: 20) { totalCount edges { node { taskNo status latestPercent } } } }',
              variables: { p: c.plan.planNumber },
            }
          : null,
    },
    {
      name: 'homeaffairs.reportTaskProgress',
      kind: 'write',
      weight: 3,
      create: 'reportTaskProgress',
      plan: (w, c) => {
        if (!c.plan || c.plan.reports >= SETUP_TASKS * MAX_REPORTS_PER_TASK) return null;
        const taskNo = 1 + (c.plan.reports % SETUP_TASKS);
        c.plan.reports++;
        const text = `Báo cáo kiểm thử ${w.nonce} ${c.id}-${c.seq}`;
        return {
          query:
            'mutation($p: ID!, $t: Int!, $i: ProgressReportInput!, $k: String) { reportTaskProgress(planNumber: $p, taskNo: $t, input: $i, idempotencyKey: $k) { taskNo latestPercent } }',
          variables: { p: c.plan.planNumber, t: taskNo, i: { date: w.today, text, percent: Math.floor(w.random() * 100) } },
          write: { op: 'homeaffairs.reportTaskProgress', planNumber: c.plan.planNumber, taskNo, text },
        };
      },
    },
    {
      name: 'homeaffairs.addPlanTask',
      kind: 'write',
      weight: 1,
      create: 'addPlanTask',
      plan: (w, c) => {
        if (!c.plan || c.plan.tasks >= MAX_TASKS) return null;
        const taskNo = ++c.plan.tasks;
        const title = `Nhiệm vụ kiểm thử ${w.nonce} ${c.id}-${c.seq}`;
        return {
          query:
            'mutation($p: ID!, $i: PlanTaskInput!, $k: String) { addPlanTask(planNumber: $p, input: $i, idempotencyKey: $k) { taskNo title } }',
          variables: {
            p: c.plan.planNumber,
            i: { taskNo, title, leadAgency: 'HEALTH', deadline: `${Number(w.today.slice(0, 4)) + 1}-12-31` },
          },
          write: { op: 'homeaffairs.addPlanTask', planNumber: c.plan.planNumber, taskNo, title },
        };
      },
    },
    {
      name: 'homeaffairs.registerPerson',
      kind: 'write',
      weight: 2,
      create: 'registerPerson',
      plan: (w, c) => {
        const r = w.targets.register;
        if (c.registered >= r.perClient) return null;
        const citizenId = makeCitizenId(r.province, 'FEMALE', r.birthYear, r.firstSerial + c.id * r.perClient + c.registered++);
        const fullName = `Lò Thị ${letters(c.id)} ${letters(c.seq)}`;
        return {
          query: 'mutation($i: RegisterPersonInput!, $k: String) { registerPerson(input: $i, idempotencyKey: $k) { citizenId fullName } }',
          variables: {
            i: { citizenId, fullName, birthDate: `${r.birthYear}-03-15`, sex: 'FEMALE', ethnicity: 'Thái', communeCode: w.targets.commune },
          },
          write: { op: 'homeaffairs.registerPerson', citizenId, fullName },
        };
      },
    },
  ],
  social: [
    {
      name: 'social.person',
      kind: 'read',
      weight: 2,
      plan: (w) => ({
        query:
          'query($id: ID!) { person(citizenId: $id) { citizenId fullName monthlyAllowance { status monthlyAmount } socialPension { status monthlyAmount } insuranceCard { code } } }',
        variables: { id: pick(w.targets.people, w.random()) },
      }),
    },
    {
      name: 'social.payroll',
      kind: 'read',
      weight: 1,
      plan: (w) => ({
        query: 'query($c: String!, $m: Month!) { payroll(communeCode: $c, month: $m) { totals { people amount collected pending } } }',
        variables: { c: w.targets.commune, m: addMonths(monthOf(w.today), -1) },
      }),
    },
    {
      // A state change, idempotent by design: no key (docs/consistency.md section 4).
      name: 'social.recordPaymentCollection',
      kind: 'write',
      weight: 3,
      plan: (_w, c) => {
        const p = c.payments[c.paid];
        if (!p) return null;
        c.paid++;
        return {
          query:
            'mutation($id: ID!, $m: Month!) { recordPaymentCollection(citizenId: $id, month: $m, collected: true) { citizenId month status } }',
          variables: { id: p.citizenId, m: p.month },
          write: { op: 'social.recordPaymentCollection', ...p },
        };
      },
    },
  ],
  'commune-officer': [
    {
      name: 'commune-officer.person',
      kind: 'read',
      weight: 4,
      plan: (w) => ({
        query: `query($id: ID!) { person(citizenId: $id) { ${PERSON_VIEW} } }`,
        variables: { id: pick(w.targets.people, w.random()) },
      }),
    },
    {
      name: 'commune-officer.people',
      kind: 'read',
      weight: 2,
      plan: (w) => ({
        query:
          'query($c: String!) { people(first: 20, filter: { communeCode: $c, alive: true }) { edges { node { citizenId fullName age monthlyAllowance { status } membership { branchName } } } } }',
        variables: { c: w.targets.commune },
      }),
    },
    {
      name: 'commune-officer.registerStatistics',
      kind: 'read',
      weight: 1,
      plan: (w) => ({
        query: 'query($c: String) { registerStatistics(communeCode: $c) { total asOf } }',
        variables: { c: w.targets.commune },
      }),
    },
  ],
  coordinator: [],
  auditor: [],
  admin: [],
};

/** Every write operation of the mix, and the mutation it needs an `idempotencyKey` on (null: a state change). */
export const WRITE_OPS: ReadonlyArray<{ op: string; create: string | null }> = Object.values(OPS)
  .flat()
  .filter((o) => o.kind === 'write')
  .map((o) => ({ op: o.name, create: o.create ?? null }));

// ---- the run --------------------------------------------------------------------------------

export interface RetriedRequest {
  op: string;
  client: number;
  key: string | null;
  /** The variables sent (the same on every attempt). */
  variables: string;
  /** Seconds from the start of the run to the first attempt. */
  atS: number;
  totalMs: number;
  outcome: string;
  attempts: Array<{ atS: number; ms: number; codes: string[] }>;
}

export interface Attempt {
  op: string;
  kind: OpKind;
  ms: number;
  /** Answered with an HTTP status (false: network error or client timeout). */
  answered: boolean;
  codes: string[];
}

export class Workload {
  readonly writes: WriteRecord[] = [];
  readonly attempts: Attempt[] = [];
  readonly operations: Record<string, OpCounts> = {};
  readonly unansweredExamples: string[] = [];
  /** Requests that needed more than one attempt, with each attempt (the report shows the longest). */
  readonly retried: RetriedRequest[] = [];
  /** The run's time origin (performance.now()), for the times in `retried`. */
  startedAt = performance.now();
  /** No new requests once set. */
  stopping = false;
  /** Requests still retrying give up once set (they stay "pending"). */
  private readonly abandon = new AbortController();
  private rng: number;

  constructor(
    readonly gatewayUrl: string,
    readonly today: string,
    readonly nonce: string,
    readonly targets: Targets,
    readonly clients: SoakClient[],
    /** Write operations whose mutation has no `idempotencyKey` argument yet (left out, or sent without a key). */
    readonly withoutKey: string[],
    /** Per attempt; a request that takes longer counts as CLIENT_TIMEOUT and is sent again. */
    private readonly clientTimeoutMs = 30_000,
    seed = 1,
  ) {
    this.rng = seed >>> 0 || 1;
  }

  /** Deterministic xorshift: the same mix for the same seed (not the wall clock). */
  random(): number {
    let x = this.rng;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.rng = x >>> 0;
    return this.rng / 0x1_0000_0000;
  }

  giveUp(): void {
    this.abandon.abort();
  }

  /** Runs one client until `stopping`. */
  async runClient(c: SoakClient): Promise<void> {
    while (!this.stopping) {
      let r = this.random() * c.ops.reduce((s, o) => s + o.weight, 0);
      const op = c.ops.find((o) => (r -= o.weight) < 0) ?? c.ops[0];
      c.seq++;
      const planned = op.plan(this, c);
      if (!planned) {
        // Nothing left for this operation (a finite target list): let the others run.
        c.ops = c.ops.filter((o) => o !== op);
        if (!c.ops.length) return;
        continue;
      }
      await this.perform(c, op, planned);
    }
  }

  private counts(op: OpDef): OpCounts {
    return (this.operations[op.name] ??= { kind: op.kind, started: 0, ok: 0, refused: 0, untyped: 0, pending: 0, retries: 0 });
  }

  private async perform(c: SoakClient, op: OpDef, planned: Planned): Promise<void> {
    const counts = this.counts(op);
    counts.started++;
    const key = op.create && !this.withoutKey.includes(op.name) ? `soak-${this.nonce}-${c.id}-${c.seq}` : null;
    const record: WriteRecord | null = planned.write ? ({ ...planned.write, key, outcome: 'pending' } as WriteRecord) : null;
    if (record) this.writes.push(record);
    // A create whose mutation takes no key yet (only with `allWrites`) is sent without one.
    const query = key || !op.create ? planned.query : planned.query.replace(', $k: String', '').replace(', idempotencyKey: $k', '');
    const body = JSON.stringify({ query, variables: key ? { ...planned.variables, k: key } : planned.variables });
    const history: RetriedRequest['attempts'] = [];
    const first = performance.now();
    const keep = (outcome: string) => {
      if (history.length > 1)
        this.retried.push({
          op: op.name,
          client: c.id,
          key,
          variables: JSON.stringify(planned.variables).slice(0, 300),
          atS: (first - this.startedAt) / 1000,
          totalMs: performance.now() - first,
          outcome,
          attempts: history,
        });
    };
    for (let attempt = 0; ; attempt++) {
      if (this.abandon.signal.aborted) {
        counts.pending++;
        keep('pending');
        this.example(`${op.name} (client ${c.id}) still without an answer after ${attempt} attempts: ${body.slice(0, 200)}`);
        return;
      }
      if (attempt > 0) counts.retries++;
      const sent = performance.now();
      const verdict = await this.send(c, op, body);
      history.push({ atS: (sent - this.startedAt) / 1000, ms: performance.now() - sent, codes: verdict.codes });
      if (verdict.status === 'retry') {
        await this.sleep(backoffMs(attempt, this.random()));
        continue;
      }
      if (verdict.status === 'ok') counts.ok++;
      else if (verdict.status === 'refused') counts.refused++;
      else {
        counts.untyped++;
        this.example(
          `${op.name} (client ${c.id}) answered with an untyped error ${verdict.codes.join(',')}: ${verdict.detail}; request ${body.slice(0, 300)}`,
        );
      }
      if (record) {
        record.outcome = verdict.status === 'ok' ? 'acked' : verdict.status;
        if (verdict.status !== 'ok') record.detail = `${verdict.codes.join(',')}: ${verdict.detail}`;
      }
      keep(verdict.status);
      return;
    }
  }

  private example(text: string): void {
    if (this.unansweredExamples.length < 20) this.unansweredExamples.push(text);
  }

  private async send(c: SoakClient, op: OpDef, body: string): Promise<Verdict> {
    const started = performance.now();
    let verdict: Verdict;
    let answered = true;
    // Aborted by the client's own timeout, or when the run gives up.
    const request = new AbortController();
    const timer = setTimeout(() => request.abort(new DOMException('client timeout', 'TimeoutError')), this.clientTimeoutMs);
    const giveUp = () => request.abort(new DOMException('run over', 'AbortError'));
    this.abandon.signal.addEventListener('abort', giveUp);
    try {
      const res = await fetch(this.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}`, 'x-access-purpose': c.purpose },
        body,
        signal: request.signal,
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON: judged as such */
      }
      verdict = classify({ status: res.status, body: parsed });
    } catch (err) {
      answered = false;
      const name = (err as Error).name;
      verdict = classify({ networkError: name === 'TimeoutError' || name === 'AbortError' ? 'CLIENT_TIMEOUT' : 'NETWORK' });
    } finally {
      clearTimeout(timer);
      this.abandon.signal.removeEventListener('abort', giveUp);
    }
    this.attempts.push({ op: op.name, kind: op.kind, ms: performance.now() - started, answered, codes: verdict.codes });
    return verdict;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.abandon.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.abandon.signal.addEventListener('abort', done);
    });
  }
}

// ---- setup ----------------------------------------------------------------------------------

export interface PrepareOptions {
  gatewayUrl: string;
  dbUri: string;
  /** The development issuer the gateway trusts. */
  issuerDir: string;
  /** The system's pinned date (NCT_TODAY). */
  today: string;
  clients: number;
  /** The supergraph the gateway runs (which creates take an idempotency key). */
  supergraphFile?: string;
  /** Also send the creates whose mutation takes no idempotency key yet, without one (to see what a client without keys meets). */
  allWrites?: boolean;
  log(msg: string, extra?: Record<string, unknown>): void;
}

/** The highest serial under a citizen-ID prefix in the register (index range, not a scan). */
async function maxSerial(people: any, prefix: string): Promise<number> {
  const top = await people.findOne(
    { citizenId: { $gte: `${prefix}000000`, $lte: `${prefix}999999` } },
    { sort: { citizenId: -1 }, projection: { _id: 0, citizenId: 1 } },
  );
  return top ? Number((top.citizenId as string).slice(6)) : -1;
}

/** Picks the data to work on (read once from the databases), creates the clients and their plans. */
export async function prepareWorkload(o: PrepareOptions): Promise<Workload> {
  const nonce = Date.now().toString(36).toUpperCase();
  const year = Number(o.today.slice(0, 4));
  const ha = await connectDatabase(o.dbUri, subgraphDatabase(subgraphInfo('homeaffairs')));
  const hl = await connectDatabase(o.dbUri, subgraphDatabase(subgraphInfo('health')));
  const as = await connectDatabase(o.dbUri, subgraphDatabase(subgraphInfo('association')));
  const so = await connectDatabase(o.dbUri, subgraphDatabase(subgraphInfo('social')));
  let targets: Targets;
  try {
    // A median-sized current commune: realistic lists, not the one slowest page of the province.
    const sizes = await ha
      .collection('people')
      .aggregate([{ $match: { deathDate: null } }, { $group: { _id: '$communeCode', n: { $sum: 1 } } }, { $sort: { n: 1, _id: 1 } }])
      .toArray();
    const current = new Set(
      (
        await ha
          .collection('administrative_units')
          .find({ level: 'COMMUNE', validTo: null }, { projection: { _id: 0, code: 1 } })
          .toArray()
      ).map((u) => u.code as string),
    );
    const communes = sizes.filter((s) => current.has(s._id as string));
    if (!communes.length) throw new Error('no current commune with living people in the register');
    const commune = communes[Math.floor(communes.length / 2)]._id as string;
    const people = (
      await ha
        .collection('people')
        .find({ communeCode: commune, deathDate: null }, { projection: { _id: 0, citizenId: 1 } })
        .limit(2000)
        .toArray()
    ).map((p) => p.citizenId as string);
    const living = new Set(people);
    const healthPeople = (
      await hl
        .collection('health_records')
        .find({ communeCode: commune }, { projection: { _id: 0, citizenId: 1 } })
        .limit(2000)
        .toArray()
    )
      .map((r) => r.citizenId as string)
      .filter((id) => living.has(id))
      .slice(0, 300);
    if (!healthPeople.length) throw new Error(`no living person with a health record in commune ${commune}`);
    const clubs = (
      await as
        .collection('clubs')
        .find({}, { projection: { _id: 0, clubId: 1 } })
        .sort({ clubId: 1 })
        .limit(2)
        .toArray()
    ).map((c) => c.clubId as string);
    const ledgers: FundRef[] = [
      { fund: 'CARE', unitCode: commune },
      ...clubs.map((clubId) => ({ fund: 'CLUB_ACTIVITY' as const, clubId })),
      ...clubs.slice(0, 1).map((clubId) => ({ fund: 'CLUB_INCOME_GENERATION' as const, clubId })),
    ];
    const lastMonth = addMonths(monthOf(o.today), -1);
    const payments = (
      await so
        .collection('monthly_payments')
        .find({ communeCode: commune, month: lastMonth }, { projection: { _id: 0, citizenId: 1, month: 1, communeCode: 1, status: 1 } })
        .toArray()
    )
      .filter((p) => living.has(p.citizenId as string))
      // the ones not collected yet first
      .sort((a, b) => Number(a.status === 'COLLECTED') - Number(b.status === 'COLLECTED') || (a.citizenId < b.citizenId ? -1 : 1))
      .map((p) => ({ citizenId: p.citizenId as string, month: p.month as string, communeCode: p.communeCode as string }));
    // registerPerson: free serials of women born 80 years ago, under a province code.
    const birthYear = year - 80;
    const perClient = 5000;
    const need = perClient * o.clients;
    let register: Targets['register'] | null = null;
    for (const code of [...PROVINCE_CODES].sort().reverse()) {
      const top = await maxSerial(ha.collection('people'), makeCitizenId(code, 'FEMALE', birthYear, 0).slice(0, 6));
      if (top + 1 + need <= 999_999) {
        register = { province: code, birthYear, firstSerial: top + 1, perClient };
        break;
      }
    }
    if (!register) throw new Error('no citizen-ID prefix with free serials left');
    targets = { commune, people, healthPeople, ledgers, payments, register };
  } finally {
    await Promise.all([ha.close(), hl.close(), as.close(), so.close()]);
  }

  const supergraphFile = o.supergraphFile ?? path.join(REPO_ROOT, 'gateway', 'supergraph.graphql');
  const keyed = mutationsWithKey(fs.readFileSync(supergraphFile, 'utf8'));
  const withoutKey = WRITE_OPS.filter((w) => w.create && !keyed.has(w.create)).map((w) => w.op);

  const clients: SoakClient[] = [];
  for (let id = 0; id < o.clients; id++) {
    const { role, purpose } = ROLES[id % ROLES.length];
    const commune = role === 'commune-officer' ? targets.commune : null;
    const token = await issueDevToken(o.issuerDir, { role, subject: `soak-${role}-${id}`, ...(commune ? { commune } : {}) });
    const ops = OPS[role].filter((op) => !op.create || keyed.has(op.create) || o.allWrites);
    clients.push({ id, role, purpose, token, ops, seq: 0, registered: 0, payments: [], paid: 0 });
  }
  const social = clients.filter((c) => c.role === 'social');
  targets.payments.forEach((p, i) => social[i % social.length]?.payments.push(p));

  const w = new Workload(o.gatewayUrl, o.today, nonce, targets, clients, withoutKey);
  // Each homeaffairs client reports on the tasks of its own plan (created here, before the faults).
  for (const c of clients.filter((x) => x.role === 'homeaffairs')) {
    const planNumber = `${c.id + 1}/KH-S${nonce}`;
    const keyArg = keyed.has('createImplementationPlan');
    const res = await fetch(o.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}`, 'x-access-purpose': c.purpose },
      body: JSON.stringify({
        query: `mutation($i: ImplementationPlanInput!${keyArg ? ', $k: String' : ''}) { createImplementationPlan(input: $i${keyArg ? ', idempotencyKey: $k' : ''}) { planNumber } }`,
        variables: {
          i: {
            planNumber,
            title: 'Kế hoạch kiểm thử tải',
            date: `${addMonths(monthOf(o.today), -1)}-01`,
            issuingBody: 'UBND tỉnh',
            legalBasis: ['Luật Người cao tuổi 2009'],
            tasks: Array.from({ length: SETUP_TASKS }, (_, k) => ({
              taskNo: k + 1,
              title: `Nhiệm vụ ${k + 1}`,
              leadAgency: 'SOCIAL',
              deadline: `${year + 1}-12-31`,
            })),
          },
          ...(keyArg ? { k: `soak-${nonce}-plan-${c.id}` } : {}),
        },
      }),
    });
    const verdict = classify({ status: res.status, body: await res.json().catch(() => null) });
    if (verdict.status !== 'ok') throw new Error(`setup: createImplementationPlan ${planNumber}: ${JSON.stringify(verdict)}`);
    c.plan = { planNumber, tasks: SETUP_TASKS, reports: 0 };
  }
  o.log('soak setup', {
    nonce,
    commune: targets.commune,
    people: targets.people.length,
    healthPeople: targets.healthPeople.length,
    ledgers: targets.ledgers.length,
    payments: targets.payments.length,
    withoutKey,
  });
  return w;
}

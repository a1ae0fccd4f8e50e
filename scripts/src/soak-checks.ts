/**
 * The soak test's end checks (docs/soak.md), run once the faults are over: every write a
 * client got a success for is present exactly once, nothing is present that no client sent,
 * nothing is present that a client was told was refused, and every fund book used balances
 * (entries chained seq 1..n, each balanceAfter the running sum, balance = contributions -
 * disbursements). Presence is read through the graph where a query exists (fund books, check
 * and visit histories, plan tasks, people, payrolls); the scans for writes nobody sent read
 * the databases directly, narrowed to the run's own targets.
 */
import { issueDevToken, type Purpose, type Role } from '@nct/auth';
import { makeCitizenId } from '@nct/citizen-id';
import { connectDatabase } from '@nct/db';
import { subgraphDatabase, subgraphInfo } from '@nct/registry';
import { classify, type WriteCheck } from './soak-lib';
import type { FundRef, Workload, WriteOp, WriteRecord } from './soak-workload';

type Graph = (query: string, variables: Record<string, unknown>) => Promise<any>;

/** A caller for the checks: retries what says "retry" for up to a minute, throws on anything else. */
async function checker(gatewayUrl: string, issuerDir: string, role: Role, purpose: Purpose): Promise<Graph> {
  const token = await issueDevToken(issuerDir, { role, subject: `soak-check-${role}` });
  return async (query, variables) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      let verdict;
      try {
        const res = await fetch(gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-access-purpose': purpose },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(30_000),
        });
        verdict = classify({ status: res.status, body: await res.json().catch(() => null) });
      } catch (err) {
        verdict = classify({ networkError: (err as Error).name });
      }
      if (verdict.status === 'ok') return verdict.data;
      if (verdict.status !== 'retry' || Date.now() > deadline)
        throw new Error(`check query failed (${verdict.codes.join(',')}): ${query.slice(0, 120)} ${JSON.stringify(variables)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };
}

/** All pages of a connection: `read(after)` returns one page's nodes and pageInfo. */
async function allPages<T>(read: (after: string | null) => Promise<{ nodes: T[]; next: string | null }>): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (let page = 0; page < 10_000; page++) {
    const r = await read(after);
    out.push(...r.nodes);
    if (!r.next) return out;
    after = r.next;
  }
  throw new Error('more than 10,000 pages');
}

const connection = (c: any) => ({
  nodes: (c.edges as Array<{ node: any }>).map((e) => e.node),
  next: c.pageInfo.hasNextPage ? (c.pageInfo.endCursor as string) : null,
});

/** Runs `fn` over `items`, `n` at a time. */
async function inParallel<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/** Judges one kind of write: `found(w)` = how many times it is present; `extra` = present items nobody sent. */
function judge(op: WriteOp, writes: WriteRecord[], found: (w: WriteRecord) => number, extra: string[]): WriteCheck {
  const mine = writes.filter((w) => w.op === op);
  const check: WriteCheck = { op, acknowledged: 0, lost: 0, duplicated: 0, unattempted: extra.length, refusedButWritten: 0, problems: [] };
  const say = (text: string) => {
    if (check.problems.length < 10) check.problems.push(`${op}: ${text}`);
  };
  for (const e of extra) say(`present but never sent: ${e}`);
  for (const w of mine) {
    const n = found(w);
    const what = `${JSON.stringify({ ...w, outcome: undefined, detail: undefined })}`;
    if (w.outcome === 'acked') {
      check.acknowledged++;
      if (n === 0) {
        check.lost++;
        say(`acknowledged but not found: ${what}`);
      }
    }
    if (n > 1) {
      check.duplicated++;
      say(`present ${n} times: ${what} (final answer ${w.outcome}${w.detail ? ` ${w.detail}` : ''})`);
    }
    if (w.outcome === 'refused' && n > 0) {
      check.refusedButWritten++;
      say(`present although the client was told ${w.detail}: ${what}`);
    }
  }
  return check;
}

const ledgerKey = (l: FundRef) => `${l.fund}/${l.clubId ?? l.unitCode}`;

export interface CheckResult {
  writes: WriteCheck[];
  ledgers: { checked: number; unbalanced: string[] };
}

export async function checkWrites(w: Workload, o: { dbUri: string; issuerDir: string }): Promise<CheckResult> {
  const as = await checker(w.gatewayUrl, o.issuerDir, 'association', 'ASSOCIATION_ACTIVITIES');
  const hl = await checker(w.gatewayUrl, o.issuerDir, 'health', 'HEALTH_CARE');
  const ha = await checker(w.gatewayUrl, o.issuerDir, 'homeaffairs', 'REGISTER_MAINTENANCE');
  const so = await checker(w.gatewayUrl, o.issuerDir, 'social', 'BENEFIT_ADMINISTRATION');
  const sent = (op: WriteOp) => w.writes.filter((x) => x.op === op);
  const checks: WriteCheck[] = [];
  const unbalanced: string[] = [];
  const runMark = w.nonce;

  // ---- fund books: every entry of every book the clients wrote to ---------------------------
  const refs = new Map<string, number>();
  for (const ledger of w.targets.ledgers) {
    let head: any = null;
    const entries = await allPages<{ seq: number; reference: string; type: string; amount: number; balanceAfter: number }>(
      async (after) => {
        const d = await as(
          `query($l: FundRefInput!, $a: String) { fundLedger(ledger: $l) { ledgerId balance contributions disbursements entryCount
          entries(first: 100, after: $a) { edges { node { seq reference type amount balanceAfter } } pageInfo { hasNextPage endCursor } } } }`,
          { l: ledger, a: after },
        );
        head = d.fundLedger;
        return connection(d.fundLedger.entries);
      },
    );
    const name = `${ledgerKey(ledger)} (${head.ledgerId})`;
    let balance = 0;
    let contributions = 0;
    let disbursements = 0;
    const problems: string[] = [];
    entries.sort((a, b) => a.seq - b.seq);
    entries.forEach((e, i) => {
      if (e.seq !== i + 1 && problems.length < 3) problems.push(`entry ${i + 1} has seq ${e.seq}`);
      if (e.type === 'CONTRIBUTION') {
        balance += e.amount;
        contributions += e.amount;
      } else {
        balance -= e.amount;
        disbursements += e.amount;
      }
      if (e.balanceAfter !== balance && problems.length < 3)
        problems.push(`seq ${e.seq} (${e.reference}): balanceAfter ${e.balanceAfter}, the entries sum to ${balance}`);
      if (balance < 0 && problems.length < 3) problems.push(`seq ${e.seq}: balance below zero (${balance})`);
      refs.set(`${ledgerKey(ledger)} ${e.reference}`, (refs.get(`${ledgerKey(ledger)} ${e.reference}`) ?? 0) + 1);
    });
    if (head.balance !== balance) problems.push(`balance ${head.balance}, the entries sum to ${balance}`);
    if (head.contributions !== contributions) problems.push(`contributions ${head.contributions}, the entries sum to ${contributions}`);
    if (head.disbursements !== disbursements) problems.push(`disbursements ${head.disbursements}, the entries sum to ${disbursements}`);
    if (head.balance !== head.contributions - head.disbursements)
      problems.push(`balance ${head.balance} != contributions ${head.contributions} - disbursements ${head.disbursements}`);
    if (head.entryCount !== entries.length) problems.push(`entryCount ${head.entryCount}, ${entries.length} entries listed`);
    if (problems.length) unbalanced.push(`${name}: ${problems.join('; ')}`);
  }
  const fundSent = new Set(sent('association.recordFundEntry').map((x) => x.op === 'association.recordFundEntry' && x.reference));
  const fundExtra = [...refs.keys()].filter((k) => k.includes(`SOAK-${runMark}-`) && !fundSent.has(k.slice(k.indexOf(' ') + 1)));
  checks.push(
    judge(
      'association.recordFundEntry',
      w.writes,
      (x) => (x.op === 'association.recordFundEntry' ? (refs.get(`${ledgerKey(x.ledger)} ${x.reference}`) ?? 0) : 0),
      fundExtra,
    ),
  );

  // ---- health checks and home visits: each targeted person's history ------------------------
  const db = await connectDatabase(o.dbUri, subgraphDatabase(subgraphInfo('health')));
  try {
    for (const [op, list, field, collection] of [
      ['health.recordHealthCheck', 'healthChecks', 'facility', 'health_checks'],
      ['health.recordHomeVisit', 'homeVisits', 'visitor', 'home_visits'],
    ] as const) {
      const writes = sent(op) as unknown as Array<{ citizenId: string; date: string } & Record<typeof field, string>>;
      const present = new Map<string, number>();
      const people = [...new Set(writes.map((x) => x.citizenId))];
      await inParallel(people, 4, async (citizenId) => {
        const rows = await allPages<Record<string, string>>(async (after) =>
          connection(
            (
              await hl(
                `query($id: ID!, $a: String) { ${list}(citizenId: $id, first: 100, after: $a) { edges { node { date ${field} } } pageInfo { hasNextPage endCursor } } }`,
                { id: citizenId, a: after },
              )
            )[list],
          ),
        );
        for (const r of rows) {
          const k = `${citizenId} ${r.date} ${r[field]}`;
          present.set(k, (present.get(k) ?? 0) + 1);
        }
      });
      // Written by this run (the run's mark in the text) but never sent: any person of the pool.
      const sentKeys = new Set(writes.map((x) => `${x.citizenId} ${x.date} ${x[field]}`));
      const marked = await db
        .collection(collection)
        .find(
          { citizenId: { $in: w.targets.healthPeople }, [field]: { $regex: ` ${runMark} ` } },
          { projection: { _id: 0, citizenId: 1, date: 1, [field]: 1 } },
        )
        .toArray();
      const extra = marked.map((m) => `${m.citizenId} ${m.date} ${m[field]}`).filter((k) => !sentKeys.has(k));
      checks.push(judge(op, w.writes, (x) => present.get(`${(x as any).citizenId} ${(x as any).date} ${(x as any)[field]}`) ?? 0, extra));
    }
  } finally {
    await db.close();
  }

  // ---- plan tasks and progress reports: each homeaffairs client's plan ----------------------
  const reports = new Map<string, number>();
  const tasks = new Map<string, number>();
  const plans = w.clients.flatMap((c) => (c.plan ? [c.plan.planNumber] : []));
  const reportExtra: string[] = [];
  const taskExtra: string[] = [];
  const reportsSent = new Set(sent('homeaffairs.reportTaskProgress').map((x) => (x as { text: string }).text));
  const tasksSent = new Set(sent('homeaffairs.addPlanTask').map((x) => (x as { title: string }).title));
  for (const planNumber of plans) {
    const rows = await allPages<{ taskNo: number; title: string; reports: Array<{ text: string }> }>(async (after) =>
      connection(
        (
          await ha(
            `query($p: ID!, $a: String) { planTasks(planNumber: $p, first: 100, after: $a) { edges { node { taskNo title reports { text } } } pageInfo { hasNextPage endCursor } } }`,
            { p: planNumber, a: after },
          )
        ).planTasks,
      ),
    );
    for (const t of rows) {
      const tk = `${planNumber} ${t.taskNo} ${t.title}`;
      tasks.set(tk, (tasks.get(tk) ?? 0) + 1);
      if (t.title.includes(runMark) && !tasksSent.has(t.title)) taskExtra.push(tk);
      for (const r of t.reports) {
        const rk = `${planNumber} ${t.taskNo} ${r.text}`;
        reports.set(rk, (reports.get(rk) ?? 0) + 1);
        if (!reportsSent.has(r.text)) reportExtra.push(rk);
      }
    }
  }
  checks.push(
    judge(
      'homeaffairs.reportTaskProgress',
      w.writes,
      (x) => (x.op === 'homeaffairs.reportTaskProgress' ? (reports.get(`${x.planNumber} ${x.taskNo} ${x.text}`) ?? 0) : 0),
      reportExtra,
    ),
  );
  checks.push(
    judge(
      'homeaffairs.addPlanTask',
      w.writes,
      (x) => (x.op === 'homeaffairs.addPlanTask' ? (tasks.get(`${x.planNumber} ${x.taskNo} ${x.title}`) ?? 0) : 0),
      taskExtra,
    ),
  );

  // ---- registered people: through the graph; duplicates and strays from the register --------
  const registered = sent('homeaffairs.registerPerson') as Array<Extract<WriteRecord, { op: 'homeaffairs.registerPerson' }>>;
  const inGraph = new Map<string, number>();
  await inParallel(registered, 4, async (x) => {
    const d = await ha('query($id: ID!) { person(citizenId: $id) { citizenId fullName } }', { id: x.citizenId });
    inGraph.set(x.citizenId, d.person && d.person.fullName === x.fullName ? 1 : 0);
  });
  const r = w.targets.register;
  const reg = await connectDatabase(o.dbUri, subgraphDatabase(subgraphInfo('homeaffairs')));
  let inRegister: string[] = [];
  try {
    inRegister = (
      await reg
        .collection('people')
        .find(
          {
            citizenId: {
              $gte: makeCitizenId(r.province, 'FEMALE', r.birthYear, r.firstSerial),
              $lte: makeCitizenId(r.province, 'FEMALE', r.birthYear, r.firstSerial + w.clients.length * r.perClient - 1),
            },
          },
          { projection: { _id: 0, citizenId: 1 } },
        )
        .toArray()
    ).map((p) => p.citizenId as string);
  } finally {
    await reg.close();
  }
  const registerCount = new Map<string, number>();
  for (const id of inRegister) registerCount.set(id, (registerCount.get(id) ?? 0) + 1);
  const registeredIds = new Set(registered.map((x) => x.citizenId));
  checks.push(
    judge(
      'homeaffairs.registerPerson',
      w.writes,
      (x) => (x.op === 'homeaffairs.registerPerson' ? Math.max(inGraph.get(x.citizenId) ?? 0, registerCount.get(x.citizenId) ?? 0) : 0),
      [...registerCount.keys()].filter((id) => !registeredIds.has(id)),
    ),
  );

  // ---- payment collections: the payroll of each commune and month ---------------------------
  const collections = sent('social.recordPaymentCollection') as Array<Extract<WriteRecord, { op: 'social.recordPaymentCollection' }>>;
  const lines = new Map<string, { n: number; status: string }>();
  for (const group of new Set(collections.map((x) => `${x.communeCode} ${x.month}`))) {
    const [communeCode, month] = group.split(' ');
    const d = await so('query($c: String!, $m: Month!) { payroll(communeCode: $c, month: $m) { lines { citizenId month status } } }', {
      c: communeCode,
      m: month,
    });
    for (const l of d.payroll.lines as Array<{ citizenId: string; month: string; status: string }>) {
      const k = `${l.citizenId} ${l.month}`;
      lines.set(k, { n: (lines.get(k)?.n ?? 0) + 1, status: l.status });
    }
  }
  // "Present" for a state change: the payment shows the state the client set.
  checks.push(
    judge(
      'social.recordPaymentCollection',
      w.writes,
      (x) => {
        if (x.op !== 'social.recordPaymentCollection') return 0;
        const l = lines.get(`${x.citizenId} ${x.month}`);
        return !l ? 0 : l.n > 1 ? l.n : l.status === 'COLLECTED' ? 1 : 0;
      },
      [],
    ),
  );

  return {
    writes: checks.filter((c) => sent(c.op as WriteOp).length > 0 || c.unattempted > 0),
    ledgers: { checked: w.targets.ledgers.length, unbalanced },
  };
}

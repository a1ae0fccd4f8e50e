/** The bench's Markdown tables (for docs/performance.md) and the targets they are judged by. */
import { fmt, growthPercent, percentile, ratio, verdict, type ScenarioResult } from './bench-lib';
import { DASHBOARD_TARGET_MS } from './bench-dashboards';
import type { ReadRun } from './bench-reads';
import type { WriteRun } from './bench-writes';

export const TARGETS = {
  personP95Ms: 50,
  pageP95Ms: 150,
  dashboardMedianMs: DASHBOARD_TARGET_MS,
  writeP95Ms: 50,
  gatewayOverDirect: 1.15,
  growthPercent: 30,
} as const;

export interface SizeRun {
  people: number;
  startMs: number;
  reads: ReadRun;
  writes: WriteRun | null;
  /** Access-log write time per scenario, from the gateway's Server-Timing. */
  auditTimings: Record<string, number[]>;
}

const rps = (r: ScenarioResult) => (r.n ? (r.rps < 10 ? r.rps.toFixed(2) : r.rps.toFixed(0)) : '—');
const errs = (r: ScenarioResult) =>
  r.errors
    ? `${r.errors} (${Object.entries(r.errorCodes ?? {})
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`
    : '0';
const ratioVerdict = (q: number) => (Number.isFinite(q) ? (q <= TARGETS.gatewayOverDirect ? 'PASS' : 'MISS') : 'n/a');

interface Row {
  label: string;
  gateway: ScenarioResult;
  direct: ScenarioResult;
  limitP95: number;
}

function rowsOf(run: SizeRun): Row[] {
  const rows: Row[] = run.reads.pairs.map((p) => ({
    label: p.title,
    gateway: p.gateway,
    direct: p.direct,
    limitP95: p.id === 'person' ? TARGETS.personP95Ms : TARGETS.pageP95Ms,
  }));
  for (const w of run.writes?.pairs ?? [])
    rows.push({ label: `write ${w.agency}.${w.mutation}`, gateway: w.gateway, direct: w.direct, limitP95: TARGETS.writeP95Ms });
  return rows;
}

/** Latency result: a scenario whose requests failed does not pass. */
function latencyVerdict(r: ScenarioResult, limit: number): string {
  if (!r.n) return 'n/a';
  const v = verdict(r.p95Ms, limit);
  return r.errors ? `${v === 'PASS' ? 'PASS' : 'MISS'}, ${r.errors === r.n ? 'all failed' : 'errors'}` : v;
}

export function sizeTables(run: SizeRun): string[] {
  const r = run.reads;
  const out: string[] = [];
  out.push(
    `### ${run.people.toLocaleString('en-US')} people`,
    '',
    `${r.total.toLocaleString('en-US')} people in the register; reads as a commune officer of ${r.commune} (${r.communeSize} people); ` +
      (run.writes ? `writes in commune ${run.writes.writeCommune} (run nonce ${run.writes.nonce}); ` : '') +
      `system ready in ${(run.startMs / 1000).toFixed(0)} s.`,
    '',
    `| scenario | n | gateway median ms | gateway p95 ms | gateway req/s | direct median ms | direct p95 ms | direct req/s | gateway/direct (median) | errors gw/direct | target p95 | p95 | ratio <= ${TARGETS.gatewayOverDirect} |`,
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|:-:|',
  );
  for (const row of rowsOf(run)) {
    const q = ratio(row.gateway.medianMs, row.direct.medianMs);
    out.push(
      `| ${row.label} | ${row.gateway.n}/${row.direct.n} | ${fmt(row.gateway.medianMs)} | ${fmt(row.gateway.p95Ms)} | ${rps(row.gateway)} | ${fmt(row.direct.medianMs)} | ${fmt(row.direct.p95Ms)} | ${rps(row.direct)} | ${fmt(q, 2)} | ${errs(row.gateway)} / ${errs(row.direct)} | < ${row.limitP95} | ${latencyVerdict(row.gateway, row.limitP95)} | ${ratioVerdict(q)} |`,
    );
  }
  if (r.pairs.length) {
    out.push('', 'Identity only, direct from homeaffairs (for comparison):', '');
    for (const p of r.pairs)
      out.push(
        `- ${p.title}: median ${fmt(p.identityOnly.medianMs)} ms, p95 ${fmt(p.identityOnly.p95Ms)} ms, ${rps(p.identityOnly)} req/s`,
      );
  }
  if (r.floor.length) {
    out.push('', 'Database floor (no GraphQL):', '');
    for (const f of r.floor) out.push(`- ${f.name.replace(/^db\. /, '')}: median ${fmt(f.medianMs, 2)} ms, p95 ${fmt(f.p95Ms, 2)} ms`);
  }
  const audited = [...r.pairs.map((p) => p.gateway.name)].filter((n) => run.auditTimings[n]?.length);
  if (audited.length) {
    out.push('', 'Access log: time the gateway spent writing the entries before answering (Server-Timing "audit"):', '');
    for (const name of audited) {
      const t = [...run.auditTimings[name]].sort((a, b) => a - b);
      out.push(`- ${name}: median ${fmt(percentile(t, 50))} ms, p95 ${fmt(percentile(t, 95))} ms`);
    }
  }
  if (r.dashboards.length) {
    out.push(
      '',
      `Cross-agency dashboard questions through the gateway, one request at a time ("first": the first request after the system started):`,
      '',
      `| question | role | first ms | n | median ms | p95 ms | target median < ${TARGETS.dashboardMedianMs} |`,
      '|---|---|--:|--:|--:|--:|:-:|',
      ...r.dashboards.map(
        (d) =>
          `| ${d.id} ${d.title} | ${d.role} | ${fmt(d.firstMs)} | ${d.n} | ${fmt(d.medianMs)} | ${fmt(d.p95Ms)} | ${d.errors ? 'MISS (failed)' : verdict(d.medianMs, TARGETS.dashboardMedianMs)} |`,
      ),
    );
  }
  const failed = [...(run.writes?.pairs ?? []).flatMap((w) => [w.gateway, w.direct]), ...r.dashboards].filter((x) => x.errors && x.note);
  if (failed.length) {
    out.push('', 'First error of each failing scenario:', '');
    for (const f of failed) out.push(`- ${f.name}: ${f.note!.replace(/\s+/g, ' ').slice(0, 240)}`);
  }
  return out;
}

/** Growth of single views and writes (gateway) from one size to the next; judged on the median. */
export function growthTable(a: SizeRun, b: SizeRun): string[] {
  const before = new Map(
    rowsOf(a)
      .filter((x) => !x.label.startsWith('page'))
      .map((x) => [x.label, x.gateway]),
  );
  const out = [
    `### Growth ${a.people.toLocaleString('en-US')} -> ${b.people.toLocaleString('en-US')} people (through the gateway)`,
    '',
    `| scenario | median ms | median ms | growth | p95 ms | p95 ms | growth | median growth < ${TARGETS.growthPercent} % |`,
    '|---|--:|--:|--:|--:|--:|--:|:-:|',
  ];
  for (const row of rowsOf(b)) {
    const x = before.get(row.label);
    if (!x) continue;
    const y = row.gateway;
    const gm = growthPercent(x.medianMs, y.medianMs);
    const gp = growthPercent(x.p95Ms, y.p95Ms);
    out.push(
      `| ${row.label} | ${fmt(x.medianMs)} | ${fmt(y.medianMs)} | ${fmt(gm, 0)} % | ${fmt(x.p95Ms)} | ${fmt(y.p95Ms)} | ${fmt(gp, 0)} % | ${verdict(gm, TARGETS.growthPercent)} |`,
    );
  }
  return out;
}

import type { Connection } from 'mongoose';
import { connectDatabase } from '@nct/db';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { monthOf, addMonths } from '@nct/dates';
import { executeOperation, expectIndexedQueries, readsPerCollection, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, type Models } from '../src';
import type { BenefitCaseDoc, StopReason } from '../src/cases/benefit-case.model';
import { FakeRegister } from './register';

// benefitSummary (AGGREGATES): the cases the payroll pays for a month, per commune and kind.
const TODAY = testToday();
const MONTH = monthOf(TODAY);
const M = (n: number) => addMonths(MONTH, n);
const YEAR = Number(TODAY.slice(0, 4));
const BORN = `${YEAR - 82}-03-01`;
const [C1, C2, C3] = ['03199', '03200', '03201'];

let seq = 0;
const nextId = () => `0121600${String(++seq).padStart(5, '0')}`;

interface CaseSpec {
  kind: 'ALLOWANCE' | 'SOCIAL_PENSION';
  commune: string;
  citizenId?: string;
  startMonth?: string;
  status?: 'ACTIVE' | 'SUSPENDED' | 'STOPPED';
  stopMonth?: string | null;
  stopReason?: StopReason | null;
}
const caseDoc = (s: CaseSpec): BenefitCaseDoc => {
  const citizenId = s.citizenId ?? nextId();
  const n = `QD-${++seq}`;
  const caseId = `${s.kind === 'ALLOWANCE' ? 'TCXH' : 'HTXH'}-${n}`;
  const status = s.status ?? 'ACTIVE';
  const startMonth = s.startMonth ?? M(-6);
  return {
    caseId,
    kind: s.kind,
    citizenId,
    group: s.kind === 'ALLOWANCE' ? ('A5B' as const) : null,
    decisionNumber: n,
    decisionDate: `${addMonths(startMonth, -1)}-10`,
    startMonth,
    status,
    stopMonth: s.stopMonth ?? null,
    stopReason: s.stopReason ?? null,
    communeCode: s.commune,
    openSlot: status === 'STOPPED' ? caseId : citizenId,
    decisionFacts: { birthDate: BORN, deathDate: null, disadvantagedCommune: false },
    history: [{ action: 'OPEN' as const, month: startMonth, on: `${addMonths(startMonth, -1)}-10`, note: null }],
  };
};
const times = (n: number, s: CaseSpec) => Array.from({ length: n }, () => caseDoc(s));

const Q = `query($m: Month!, $c: String) { benefitSummary(month: $m, communeCode: $c) {
  month
  communes { communeCode allowance { count monthlyTotal suppressed } socialPension { count monthlyTotal suppressed } }
  total { communeCode allowance { count monthlyTotal suppressed } socialPension { count monthlyTotal suppressed } } } }`;

describe('benefitSummary: allowance and social pension paid per commune, small cells withheld', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  const register = new FakeRegister();
  const run = (variables: Record<string, unknown>, ctx = sg.context({ role: 'coordinator' }, null)) =>
    executeOperation(sg.apollo, Q, variables, ctx);
  const both = nextId();
  const diedThisMonth = nextId();
  const diedLastMonth = nextId();

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('social_benefit_summary'));
    sg = await createSubgraph(definition, conn, { graph: register.graph });
    const docs = [
      // C1: 6 allowances + one for a person who died this month (still paid this month) = 7;
      // 6 social pensions + a person with both kinds (the payroll pays one, the higher: the
      // social pension here) = 7. Not paid: died last month (stopped from this month), starts next month.
      ...times(6, { kind: 'ALLOWANCE', commune: C1 }),
      caseDoc({ kind: 'ALLOWANCE', commune: C1, citizenId: diedThisMonth, status: 'STOPPED', stopMonth: M(1), stopReason: 'DEATH' }),
      caseDoc({ kind: 'ALLOWANCE', commune: C1, citizenId: both }),
      caseDoc({ kind: 'SOCIAL_PENSION', commune: C1, citizenId: both }),
      caseDoc({ kind: 'ALLOWANCE', commune: C1, citizenId: diedLastMonth, status: 'STOPPED', stopMonth: MONTH, stopReason: 'DEATH' }),
      caseDoc({ kind: 'ALLOWANCE', commune: C1, startMonth: M(1) }),
      ...times(6, { kind: 'SOCIAL_PENSION', commune: C1 }),
      // C2: 3 allowances (withheld), 6 social pensions.
      ...times(3, { kind: 'ALLOWANCE', commune: C2 }),
      ...times(6, { kind: 'SOCIAL_PENSION', commune: C2 }),
      // C3: 6 allowances (complementary: the smallest other), 1 social pension (withheld).
      ...times(6, { kind: 'ALLOWANCE', commune: C3 }),
      ...times(1, { kind: 'SOCIAL_PENSION', commune: C3 }),
    ];
    await sg.models.BenefitCase.create(docs);
    for (const d of docs) register.add(d.citizenId, BORN);
    register.add(diedThisMonth, BORN, { deathDate: `${MONTH}-02` });
    register.add(diedLastMonth, BORN, { deathDate: `${M(-1)}-15` });
  });
  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  it('counts the cases paid for the month per commune, withholds 1-4 with a complementary cell, totals the province', async () => {
    const res = await run({ m: MONTH });
    expect(res.errors).toBeUndefined();
    const s = (res.data as any).benefitSummary;
    expect(s.month).toBe(MONTH);
    const shape = (c: any) => [c.communeCode, c.allowance.count, c.allowance.suppressed, c.socialPension.count, c.socialPension.suppressed];
    expect(s.communes.map(shape)).toEqual([
      [C1, 7, false, 7, false],
      [C2, null, true, null, true], // allowance 3: withheld; pension 6: complementary (the smallest other)
      [C3, null, true, null, true], // allowance 6: complementary (the smallest other); pension 1: withheld
    ]);
    for (const c of s.communes) for (const f of [c.allowance, c.socialPension]) expect(f.monthlyTotal === null).toBe(f.suppressed);
    expect(shape(s.total)).toEqual(['ALL', 16, false, 14, false]);
    expect(s.total.allowance.monthlyTotal).toBeGreaterThan(0);
  });

  it('equals what the payroll pays once each commune is run for the month', async () => {
    const payroll = { people: 0, allowance: 0, pension: 0 };
    let c1Allowance = 0;
    for (const c of [C1, C2, C3]) {
      const r = await executeOperation(
        sg.apollo,
        `mutation { runMonthlyPayments(communeCode: "${c}", month: "${MONTH}") { created } }`,
        undefined,
        sg.context(),
      );
      expect(r.errors).toBeUndefined();
      const p = await executeOperation(
        sg.apollo,
        `{ payroll(communeCode: "${c}", month: "${MONTH}") { lines { citizenId kind amount } totals { people allowanceAmount socialPensionAmount } } }`,
        undefined,
        sg.context(),
      );
      expect(p.errors).toBeUndefined();
      const t = (p.data as any).payroll.totals;
      payroll.people += t.people;
      payroll.allowance += t.allowanceAmount;
      payroll.pension += t.socialPensionAmount;
      if (c === C1) {
        c1Allowance = t.allowanceAmount;
        // the person with both kinds is paid once, on the social pension (counted there)
        expect((p.data as any).payroll.lines.filter((l: any) => l.citizenId === both).map((l: any) => l.kind)).toEqual(['SOCIAL_PENSION']);
      }
    }
    const s = ((await run({ m: MONTH })).data as any).benefitSummary;
    expect(s.total.allowance.count + s.total.socialPension.count).toBe(payroll.people);
    expect(s.total.allowance.monthlyTotal).toBe(payroll.allowance);
    expect(s.total.socialPension.monthlyTotal).toBe(payroll.pension);
    expect(s.communes[0].allowance.monthlyTotal).toBe(c1Allowance);
  });

  it('an earlier month: the death of last month and the next month’s start are in force or not by their months', async () => {
    const s = ((await run({ m: M(-1) })).data as any).benefitSummary;
    // last month the person who died last month was still paid: C1 allowance 8
    expect(s.communes[0].allowance.count).toBe(8);
    expect(s.total.allowance.count).toBe(17);
  });

  it('roles: coordinator the province, a commune officer only their commune, a role without AGGREGATES refused', async () => {
    const officer = sg.context({ role: 'commune-officer', commune: C2 });
    const own = await run({ m: MONTH }, officer);
    expect(own.errors).toBeUndefined();
    const o = (own.data as any).benefitSummary;
    expect(o.communes.map((c: any) => c.communeCode)).toEqual([C2]);
    expect(o.total.allowance).toEqual({ count: null, monthlyTotal: null, suppressed: true }); // 3 in the scope
    expect(o.total.socialPension.count).toBe(6);
    expect((await run({ m: MONTH, c: C2 }, officer)).errors).toBeUndefined();
    expect((await run({ m: MONTH, c: C1 }, officer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await run({ m: MONTH }, sg.context({ role: 'auditor' }, null))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const one = await run({ m: MONTH, c: C1 });
    expect(one.errors).toBeUndefined();
    expect((one.data as any).benefitSummary.communes.map((c: any) => c.communeCode)).toEqual([C1]);
  });

  it.each([['2026-13'], ['202601'], ['2026-1'], [''], ['2014-12'], [M(1)], [`${MONTH}-01`]])('refuses month %j', async (m) => {
    const res = await run({ m });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    // The Month scalar refuses a malformed month; the resolver a month out of range (both bilingual).
    expect(res.errors?.[0].message).toMatch(/YYYY-MM|Invalid Month/);
  });

  it('refuses a malformed commune code', async () => {
    expect((await run({ m: MONTH, c: '3199' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reads each collection once, on an index (province and commune)', async () => {
    const plans = await expectIndexedQueries(conn, async () => {
      expect((await run({ m: MONTH })).errors).toBeUndefined();
      expect((await run({ m: MONTH, c: C1 })).errors).toBeUndefined();
    });
    expect(readsPerCollection(plans)).toEqual({ benefit_cases: 2, social_records: 2 });
  });
});

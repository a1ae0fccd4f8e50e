import type { Connection } from 'mongoose';
import { connectDatabase, QueryCounter } from '@nct/db';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { monthOf, addMonths } from '@nct/dates';
import { executeOperation, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { coverageFrom, definition, rowsFrom, type Models } from '../src';
import { FakeRegister } from './register';

// Everything relative to the run's pinned date (testToday()).
const TODAY = testToday();
const MONTH = monthOf(TODAY);
const YEAR = Number(TODAY.slice(0, 4));
const M = (n: number) => addMonths(MONTH, n);
const BORN_85 = `${YEAR - 86}-01-01`;
const OCTOBER_YEAR = MONTH >= `${YEAR}-10` ? YEAR : YEAR - 1;
// P1 is poor in every year the tests look at: the case's start month (eligibility is judged
// then), this year, and the latest Action Month's year (whatever date the run is pinned to).
const POOR_YEARS = [...new Set([Number(addMonths(MONTH, -4).slice(0, 4)), OCTOBER_YEAR, YEAR])].sort();

const P1 = '012140000101'; // poor, no supporter, 85: group 5a (2.0)
const P2 = '012140000102'; // pension holder via the import
const P3 = '012140000103'; // 5c
const YOUNG = '012140000104'; // 70 this year
const DEAD = '012140000105'; // died six months ago
const OTHERS = Array.from({ length: 97 }, (_, i) => `0121500${String(i).padStart(5, '0')}`);

const rep = (citizenId: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Person',
  citizenId,
  birthDate: BORN_85,
  deathDate: null,
  residenceHistory: [{ communeCode: '03199', villageCode: null, from: '1990-01-01', to: null, disadvantaged: [] }],
  ...extra,
});

describe('social workflows on the real database', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  const register = new FakeRegister();
  const run = (query: string, variables?: Record<string, unknown>, ctx = sg.context()) =>
    executeOperation(sg.apollo, query, variables, ctx);
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await run(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data as any;
  };
  const counts = async () => ({
    cases: await sg.models.BenefitCase.countDocuments({}),
    records: await sg.models.SocialRecord.countDocuments({}),
    payments: await sg.models.MonthlyPayment.countDocuments({}),
  });

  const OPEN = `mutation($input: OpenAllowanceCaseInput!) { openAllowanceCase(input: $input) { caseId group coefficient monthlyAmount status startMonth } }`;
  const openInput = (citizenId: string, group: string, n: string, start = M(-4)) => ({
    citizenId,
    group,
    decisionNumber: n,
    decisionDate: `${addMonths(start, -1)}-10`,
    startMonth: start,
    communeCode: '03199',
    identity: { birthDate: BORN_85, deathDate: null, disadvantagedCommune: false },
  });
  const RUN = `mutation($c: String!, $m: Month!) { runMonthlyPayments(communeCode: $c, month: $m) { created alreadyPresent skippedCases } }`;
  const COLLECT = `mutation($id: ID!, $m: Month!, $c: Boolean!) { recordPaymentCollection(citizenId: $id, month: $m, collected: $c) { month status amount } }`;
  const STATE = 'caseId status suspendedFrom stopMonth stopReason funeralSupport { deathDate amount } allowedActions';
  let caseId: string;

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('social_wf'));
    sg = await createSubgraph(definition, conn, { graph: register.graph });
    for (const id of [P1, P2, P3, ...OTHERS]) register.add(id, BORN_85);
    register.add(YOUNG, `${YEAR - 70}-01-01`);
    register.add(DEAD, BORN_85, { deathDate: `${M(-6)}-01` });
  });
  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  it('records circumstances and poverty idempotently', async () => {
    const POV = `mutation($i: SetPovertyStatusInput!) { setPovertyStatus(input: $i) { communeCode poverty { year status } } }`;
    let d: any;
    for (const year of POOR_YEARS) d = await ok(POV, { i: { citizenId: P1, year, status: 'POOR', communeCode: '03199' } });
    const poverty = POOR_YEARS.map((year) => ({ year, status: 'POOR' }));
    expect(d.setPovertyStatus.poverty).toEqual(poverty);
    await ok(POV, { i: { citizenId: P1, year: YEAR, status: 'POOR', communeCode: '03199' } });
    await ok(`mutation($i: SetCircumstancesInput!) { setCircumstances(input: $i) { noSupporter } }`, {
      i: {
        citizenId: P1,
        communeCode: '03199',
        disability: 'NONE',
        noSupporter: true,
        careFacilityEligible: false,
        otherMonthlyAllowance: false,
      },
    });
    expect((await sg.models.SocialRecord.findOne({ _id: P1 }).lean())?.poverty).toEqual(poverty);
    const before = await counts();
    for (const i of [
      { citizenId: '12345', year: YEAR, status: 'POOR', communeCode: '03199' },
      { citizenId: P1, year: 1999, status: 'POOR', communeCode: '03199' },
      { citizenId: P1, year: YEAR, status: 'POOR', communeCode: '3199' },
    ]) {
      expect((await run(POV, { i })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses to open a case the person is not eligible for, with the reasons, writing nothing', async () => {
    const before = await counts();
    const b = await run(OPEN, { input: openInput(P1, 'A5B', '1/A') });
    expect(b.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_ELIGIBLE' });
    expect(b.errors?.[0].message).toMatch(/Not eligible for group 5b allowance in .*Not aged 75-79/);
    const c = await run(OPEN, { input: openInput(P1, 'A5C', '1/B') });
    expect(c.errors?.[0].message).toMatch(/In group 5a/);
    // Identity comes from the register: its birth and death dates decide, not the input.
    const young = await run(OPEN, { input: { ...openInput(YOUNG, 'A5C', '1/C'), identity: null } });
    expect(young.errors?.[0].message).toMatch(/Under 80/);
    const dead = await run(OPEN, { input: { ...openInput(DEAD, 'A5C', '1/D'), identity: { birthDate: BORN_85 } } });
    expect(dead.errors?.[0].message).toMatch(/Died on/);
    const asserted = await run(OPEN, { input: { ...openInput(P3, 'A5C', '1/F'), identity: { birthDate: `${YEAR - 70}-01-01` } } });
    expect(asserted.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IDENTITY_MISMATCH' });
    const badIdentity = await run(OPEN, { input: { ...openInput(P3, 'A5C', '1/E'), identity: { birthDate: '2099-01-01' } } });
    expect(badIdentity.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
  });

  it('opens an eligible case, with the amount for the age (5a at 85: 2.0 x 500,000)', async () => {
    const d = await ok(OPEN, { input: openInput(P1, 'A5A', '1/QĐ-UBND') });
    expect(d.openAllowanceCase).toMatchObject({
      group: 'A5A',
      coefficient: 2,
      monthlyAmount: 1_000_000,
      status: 'ACTIVE',
      startMonth: M(-4),
    });
    caseId = d.openAllowanceCase.caseId;
    const sp = await run(`mutation($i: OpenSocialPensionCaseInput!) { openSocialPensionCase(input: $i) { caseId } }`, {
      i: {
        citizenId: P1,
        decisionNumber: '2/QĐ',
        decisionDate: `${M(-1)}-01`,
        startMonth: M(0),
        communeCode: '03199',
        identity: { birthDate: BORN_85 },
      },
    });
    expect(sp.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', caseId });
    const d3 = await ok(OPEN, { input: openInput(P3, 'A5C', '3/QĐ-UBND', M(-1)) });
    expect(d3.openAllowanceCase).toMatchObject({ group: 'A5C', monthlyAmount: 500_000 });
  });

  it('pays each person once a month: re-running a month is a no-op', async () => {
    for (const m of [M(-4), M(-3), M(-2)]) {
      expect((await ok(RUN, { c: '03199', m })).runMonthlyPayments).toMatchObject({ created: m === M(-2) ? 1 : 1 });
    }
    const again = await ok(RUN, { c: '03199', m: M(-2) });
    expect(again.runMonthlyPayments).toEqual({ created: 0, alreadyPresent: 1, skippedCases: [] });
    expect(await sg.models.MonthlyPayment.countDocuments({ citizenId: P1 })).toBe(3);
    const dup = sg.models.MonthlyPayment.create({
      _id: `x-${P1}`,
      citizenId: P1,
      month: M(-2),
      caseId,
      kind: 'ALLOWANCE',
      amount: 1,
      communeCode: '03199',
      status: 'PENDING',
    });
    await expect(dup).rejects.toMatchObject({ code: 11000 }); // the unique index {citizenId, month}
    expect((await run(RUN, { c: '03199', m: '2099-01' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('suspends only after three uncollected months; invalid transitions list the allowed ones', async () => {
    const SUSPEND = `mutation($id: ID!, $m: Month!) { suspendCase(caseId: $id, fromMonth: $m) { ${STATE} } }`;
    const RESUME = `mutation($id: ID!, $m: Month!) { resumeCase(caseId: $id, fromMonth: $m) { ${STATE} } }`;
    await ok(COLLECT, { id: P1, m: M(-4), c: false });
    await ok(COLLECT, { id: P1, m: M(-3), c: false });
    const early = await run(SUSPEND, { id: caseId, m: M(-1) });
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', months: [M(-2)] });
    const resumeActive = await run(RESUME, { id: caseId, m: M(-1) });
    expect(resumeActive.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', allowedActions: ['SUSPEND', 'STOP'] });
    await ok(COLLECT, { id: P1, m: M(-2), c: false });
    const s = await ok(SUSPEND, { id: caseId, m: M(-1) });
    expect(s.suspendCase).toMatchObject({ status: 'SUSPENDED', suspendedFrom: M(-1), allowedActions: ['RESUME', 'STOP'] });
    expect((await ok(RUN, { c: '03199', m: M(-1) })).runMonthlyPayments.created).toBe(1); // P3 only; P1 is suspended
    expect(await sg.models.MonthlyPayment.countDocuments({ citizenId: P1, month: M(-1) })).toBe(0);
    // Idempotent by design: the same suspension again is the same state, no second history entry.
    const again = await ok(SUSPEND, { id: caseId, m: M(-1) });
    expect(again.suspendCase).toEqual(s.suspendCase);
    const otherMonth = await run(SUSPEND, { id: caseId, m: M(0) });
    expect(otherMonth.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', allowedActions: ['RESUME', 'STOP'] });
    const r = await ok(RESUME, { id: caseId, m: M(-1) });
    expect(r.resumeCase).toMatchObject({ status: 'ACTIVE', suspendedFrom: null });
    expect((await ok(RESUME, { id: caseId, m: M(-1) })).resumeCase).toEqual(r.resumeCase);
    expect((await sg.models.BenefitCase.findOne({ caseId }).lean())?.history?.map((h) => h.action)).toEqual(['OPEN', 'SUSPEND', 'RESUME']);
    expect((await ok(RUN, { c: '03199', m: M(-1) })).runMonthlyPayments).toMatchObject({ created: 1, alreadyPresent: 1 });
    expect((await run(COLLECT, { id: P1, m: '2020-01', c: true })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('the payroll lists the month’s lines with totals (from the payments collection)', async () => {
    const d = await ok(
      `{ payroll(communeCode: "03199", month: "${M(-1)}") { lines { citizenId amount status kind } totals { people amount pending allowanceAmount } } }`,
    );
    expect(d.payroll.lines).toEqual([
      { citizenId: P1, amount: 1_000_000, status: 'PENDING', kind: 'ALLOWANCE' },
      { citizenId: P3, amount: 500_000, status: 'PENDING', kind: 'ALLOWANCE' },
    ]);
    expect(d.payroll.totals).toEqual({ people: 2, amount: 1_500_000, pending: 2, allowanceAmount: 1_500_000 });
    const other = await run(
      `{ payroll(communeCode: "03199", month: "${M(-1)}") { totals { people } } }`,
      undefined,
      sg.context({ role: 'commune-officer', commune: '03388' }),
    );
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('death (from the register) stops payment from the following month, prepares funeral support, cancels what was not collected', async () => {
    const STOP = `mutation($i: StopCaseInput!) { stopCase(input: $i) { ${STATE} } }`;
    const deathDate = `${M(-3)}-15`;
    // M(-2) was collected before the death was known: it stays, for recovery.
    await ok(COLLECT, { id: P1, m: M(-2), c: true });
    const notDead = await run(STOP, { i: { caseId, reason: 'DEATH' } });
    expect(notDead.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_DECEASED' });
    register.die(P1, deathDate);
    const mismatch = await run(STOP, { i: { caseId, reason: 'DEATH', deathDate: `${M(-3)}-16` } });
    expect(mismatch.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IDENTITY_MISMATCH' });
    expect(mismatch.errors?.[0].message).toContain(`given ${M(-3)}-16, the register has ${deathDate}`);
    const d = await ok(STOP, { i: { caseId, reason: 'DEATH', deathDate } });
    expect(d.stopCase).toMatchObject({
      status: 'STOPPED',
      stopMonth: M(-2),
      stopReason: 'DEATH',
      funeralSupport: { deathDate, amount: 10_000_000 },
      allowedActions: [],
    });
    // Idempotent by design: the same stop again returns the same state and adds no history entry.
    const twice = await ok(STOP, { i: { caseId, reason: 'DEATH' } });
    expect(twice.stopCase).toEqual(d.stopCase);
    expect((await sg.models.BenefitCase.findOne({ caseId }).lean())?.history?.filter((h) => h.action === 'STOP')).toHaveLength(1);
    expect(await sg.models.MonthlyPayment.findOne({ _id: `${P1}:${M(-1)}` }).lean()).toMatchObject({ status: 'CANCELLED' });
    expect((await run(COLLECT, { id: P1, m: M(-1), c: true })).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PAYMENT_CANCELLED',
    });

    const res = await run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { citizenId paymentsAfterDeath { month amount status } paymentsAfterRecordedStop { month } funeralSupport { amount deathDate status } } } }`,
      {
        r: [rep(P1, { deathDate }), rep(P3)],
      },
    );
    expect(res.errors).toBeUndefined();
    const [p1, p3] = (res.data as any)._entities;
    expect(p1.paymentsAfterDeath).toEqual([{ month: M(-2), amount: 1_000_000, status: 'COLLECTED' }]);
    expect(p1.paymentsAfterRecordedStop.map((p: any) => p.month)).toEqual([M(-2)]);
    expect(p1.funeralSupport).toEqual({ amount: 10_000_000, deathDate, status: 'PREPARED' });
    expect(p3).toMatchObject({ paymentsAfterDeath: [], paymentsAfterRecordedStop: [], funeralSupport: null });
  });

  it('imports insurance status: bad rows rejected and change nothing; good rows applied once', async () => {
    const IMPORT = `mutation($csv: String!) { importInsuranceStatus(csv: $csv) { rows applied unchanged rejected { line reason } } }`;
    const csv = [
      'citizenId,status,effectiveFrom,communeCode',
      `${P2},PENSION,2010-03-01,03199`,
      `${P3},SI_MONTHLY_BENEFIT,${YEAR}-01-01,03199`,
      '012140000199,PENSION,2026-02-30,03199',
      '012140000198,RETIRED,2010-01-01,03199',
      '999140000197,PENSION,2010-01-01,03199',
      `${P2},PENSION,2010-03-01,03199`,
    ].join('\n');
    const before = await counts();
    const d = await ok(IMPORT, { csv });
    expect(d.importInsuranceStatus).toEqual({
      rows: 6,
      applied: 2,
      unchanged: 0,
      rejected: [
        { line: 4, reason: 'IMPOSSIBLE_DATE' },
        { line: 5, reason: 'UNKNOWN_STATUS' },
        { line: 6, reason: 'BAD_ID' },
        { line: 7, reason: 'DUPLICATE_ROW' },
      ],
    });
    expect((await counts()).records).toBe(before.records + 2); // P2 and P3 are new records; bad rows wrote nothing
    for (const id of ['012140000199', '012140000198', '999140000197'])
      expect(await sg.models.SocialRecord.countDocuments({ _id: id })).toBe(0);
    const again = await ok(IMPORT, { csv });
    expect(again.importInsuranceStatus).toMatchObject({ applied: 0, unchanged: 2 });
    expect((await run(IMPORT, { csv: 'x,y\n1,2' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      (await run(IMPORT, { csv: `citizenId,status,effectiveFrom,communeCode\n${'1'.repeat(200_001)}` })).errors?.[0].extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual({ ...before, records: before.records + 2 });
  });

  it('social coverage and eligibility through _entities, identical in one batch of 25 and in batches of 5', async () => {
    const COV = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { citizenId
      socialCoverage(asOf: "${TODAY}") { receivesPension insuranceStatus onAllowance allowanceGroup onSocialPension povertyStatus }
      past: socialCoverage(asOf: "${M(-3)}-20") { onAllowance allowanceGroup allowanceStatus povertyStatus(year: ${YEAR}) }
      paymentsAfterDeath { month } paymentHistory { month status } } } }`;
    const ids = [P1, P2, P3, ...OTHERS.slice(0, 22)];
    const big = (await run(COV, { r: ids.map((id) => rep(id, id === P1 ? { deathDate: `${M(-3)}-15` } : {})) })).data as any;
    const small = [];
    for (let i = 0; i < ids.length; i += 5) {
      const res = await run(COV, { r: ids.slice(i, i + 5).map((id) => rep(id, id === P1 ? { deathDate: `${M(-3)}-15` } : {})) });
      expect(res.errors).toBeUndefined();
      small.push(...(res.data as any)._entities);
    }
    expect(big._entities).toEqual(small);
    const [p1, p2, p3, nobody] = big._entities;
    expect(p1.socialCoverage).toEqual({
      receivesPension: false,
      insuranceStatus: 'NONE',
      onAllowance: false,
      allowanceGroup: null,
      onSocialPension: false,
      povertyStatus: 'POOR',
    });
    expect(p1.past).toEqual({ onAllowance: true, allowanceGroup: 'A5A', allowanceStatus: 'STOPPED', povertyStatus: 'POOR' });
    expect(p2.socialCoverage).toMatchObject({ receivesPension: true, insuranceStatus: 'PENSION' });
    expect(p3.socialCoverage).toMatchObject({
      receivesPension: true,
      insuranceStatus: 'SI_MONTHLY_BENEFIT',
      onAllowance: true,
      allowanceGroup: 'A5C',
    });
    expect(nobody.socialCoverage).toEqual({
      receivesPension: false,
      insuranceStatus: 'NONE',
      onAllowance: false,
      allowanceGroup: null,
      onSocialPension: false,
      povertyStatus: 'NONE',
    });

    const ELIG = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { allowanceEligibility(asOf: "${TODAY}") { eligible chosen group coefficient monthlyAmount startMonth reasons { vi en } considered { kind eligible monthlyAmount } } } } }`;
    const e = (await run(ELIG, { r: [rep(P1), rep(P3, { birthDate: `${YEAR - 76}-06-01` })] })).data as any;
    expect(e._entities[0].allowanceEligibility).toMatchObject({ eligible: true, chosen: 'A5A', coefficient: 2, monthlyAmount: 1_000_000 });
    // P3 now has a monthly SI benefit (the import): neither 5c nor the social pension
    expect(e._entities[1].allowanceEligibility).toMatchObject({ eligible: false, chosen: null });
    const limited = await run(ELIG, { r: [rep(P1)] }, sg.context({ role: 'commune-officer', commune: '03388' }));
    expect(limited.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('batches: 100 people cost one query per collection read, as a few do', async () => {
    const Q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { monthlyAllowance { caseId } socialPension { caseId } socialCoverage { onAllowance povertyStatus } paymentsAfterDeath { month } paymentsAfterRecordedStop { month } } } }`;
    const counter = new QueryCounter([conn]);
    const many = await run(Q, { r: [P1, P2, P3, ...OTHERS].map((id) => rep(id)) });
    const forMany = counter.total();
    counter.reset();
    const few = await run(Q, { r: [rep(P1), rep(P2)] });
    const forFew = counter.total();
    counter.detach();
    expect(many.errors).toBeUndefined();
    expect(few.errors).toBeUndefined();
    expect((many.data as any)._entities).toHaveLength(100);
    expect(forMany).toBe(3); // benefit_cases (shared by every field) + social_records + monthly_payments
    expect(forFew).toBe(3);
  });

  it('lists open cases through the indexes, filtered by groups (Q4/Q10 drivers), and poverty rosters', async () => {
    const d = await ok(`{
      a: allowanceCases(filter: { communeCode: "03199", groups: [A5A, A5C], status: ACTIVE }) { totalCount edges { node { citizenId group } } }
      b: allowanceCases(filter: { groups: [A5A, A5D], status: ACTIVE }) { totalCount }
      all: allowanceCases(filter: { communeCode: "03199" }) { totalCount }
      poor: povertyRoster(year: ${YEAR}, statuses: [POOR, NEAR_POOR], communeCode: "03199") { citizenId }
    }`);
    expect(d.a).toEqual({ totalCount: 1, edges: [{ node: { citizenId: P3, group: 'A5C' } }] });
    expect(d.b.totalCount).toBe(0);
    expect(d.all.totalCount).toBe(2);
    expect(d.poor).toEqual([{ citizenId: P1 }]);
    expect(
      (await run(`{ allowanceCases(filter: { group: A5A, groups: [A5C], status: ACTIVE }) { totalCount } }`)).errors?.[0].extensions?.code,
    ).toBe('BAD_USER_INPUT');
  });

  it('Action Month support: recorded once, listed with the list flag, aggregated with small cells withheld', async () => {
    const REC = `mutation($i: RecordActionMonthSupportInput!) { recordActionMonthSupport(input: $i) { supportId onProtectionList amount } }`;
    const input = (citizenId: string, day: string) => ({
      citizenId,
      communeCode: '03199',
      date: `${OCTOBER_YEAR}-10-${day}`,
      kind: 'GIFT',
      description: 'Quà',
      amount: 500_000,
      provider: 'UBND xã',
    });
    const a = await ok(REC, { i: input(P1, '05') });
    expect(a.recordActionMonthSupport).toMatchObject({ onProtectionList: true, amount: 500_000 });
    const b = await ok(REC, { i: input(OTHERS[0], '06') });
    expect(b.recordActionMonthSupport.onProtectionList).toBe(false);
    expect((await run(REC, { i: input(P1, '05') })).errors?.[0].extensions?.code).toBe('CONFLICT');
    for (const bad of [{ date: `${OCTOBER_YEAR}-09-30` }, { amount: -1 }, { description: ' ' }, { citizenId: '1' }]) {
      expect((await run(REC, { i: { ...input(P2, '07'), ...bad } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const d = await ok(`{
      actionMonthSupports(year: ${OCTOBER_YEAR}, communeCode: "03199") { edges { node { citizenId onProtectionList person { citizenId } } } }
      actionMonthReach(year: ${OCTOBER_YEAR}) { communes { communeCode peopleSupported onProtectionLists notOnLists totalAmount } total { peopleSupported } }
    }`);
    expect(d.actionMonthSupports.edges.map((e: any) => [e.node.citizenId, e.node.onProtectionList]).sort()).toEqual(
      [
        [P1, true],
        [OTHERS[0], false],
      ].sort(),
    );
    expect(d.actionMonthReach.communes).toEqual([
      { communeCode: '03199', peopleSupported: null, onProtectionLists: null, notOnLists: null, totalAmount: null },
    ]);
    expect(d.actionMonthReach.total.peopleSupported).toBeNull();
    const coordinator = await run(
      `{ actionMonthReach(year: ${OCTOBER_YEAR}) { total { onProtectionLists } } }`,
      undefined,
      sg.context({ role: 'coordinator' }, null),
    );
    expect(coordinator.errors).toBeUndefined();
    const coordList = await run(
      `{ actionMonthSupports(year: ${OCTOBER_YEAR}) { edges { cursor } } }`,
      undefined,
      sg.context({ role: 'coordinator' }, null),
    );
    expect(coordList.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('what the dashboards answer after every mutation equals the collections read directly', async () => {
    const ids = [P1, P2, P3, OTHERS[0]];
    const docs = {
      records: await sg.models.SocialRecord.find({}).lean<any[]>(),
      cases: await sg.models.BenefitCase.find({}).lean<any[]>(),
      payments: await sg.models.MonthlyPayment.find({}).lean<any[]>(),
    };
    const rows = rowsFrom(ids, docs);
    const res = await run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { citizenId socialCoverage(asOf: "${TODAY}") { receivesPension onAllowance allowanceGroup onSocialPension } paymentHistory { month amount status } } } }`,
      {
        r: ids.map((id) => rep(id)),
      },
    );
    expect(res.errors).toBeUndefined();
    for (const [i, p] of ((res.data as any)._entities as any[]).entries()) {
      const c = coverageFrom(rows.get(ids[i]) ?? null, TODAY);
      expect(p.socialCoverage).toEqual({
        receivesPension: c.receivesPension,
        onAllowance: c.onAllowance,
        allowanceGroup: c.allowanceGroup,
        onSocialPension: c.onSocialPension,
      });
      const paid = docs.payments.filter((d) => d.citizenId === ids[i]).sort((a, b) => (a.month < b.month ? -1 : 1));
      expect(p.paymentHistory).toEqual(paid.map((d) => ({ month: d.month, amount: d.amount, status: d.status })));
    }
    const payroll = await ok(`{ payroll(communeCode: "03199", month: "${M(-1)}") { totals { people amount } } }`);
    // a cancelled payment (P1 died before the month) is not paid
    const month = docs.payments.filter((d) => d.communeCode === '03199' && d.month === M(-1) && d.status !== 'CANCELLED');
    expect(payroll.payroll.totals).toEqual({ people: month.length, amount: month.reduce((a, d) => a + d.amount, 0) });
  });
});

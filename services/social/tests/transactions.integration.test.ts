import type { Connection } from 'mongoose';
import { connectDatabase } from '@nct/db';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { monthOf, addMonths } from '@nct/dates';
import { executeOperation, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, type Models } from '../src';
import type { BenefitCaseDoc } from '../src/cases/benefit-case.model';
import { caseIdFor } from '../src/cases/cases.rules';
import type { MonthlyPaymentDoc, PaymentStatus } from '../src/payments/monthly-payment.model';
import { FakeRegister } from './register';

// Changes that write several documents run in one transaction: a failure in the middle
// (a real duplicate key on the test server) leaves nothing written.
const TODAY = testToday();
const M = (n: number) => addMonths(monthOf(TODAY), n);
const COMMUNE = '03199';

function openCase(citizenId: string, kind: 'ALLOWANCE' | 'SOCIAL_PENSION', decisionNumber: string): BenefitCaseDoc {
  const caseId = caseIdFor(kind, decisionNumber);
  return {
    caseId,
    kind,
    citizenId,
    group: kind === 'ALLOWANCE' ? 'A5C' : null,
    decisionNumber,
    decisionDate: `${M(-7)}-10`,
    startMonth: M(-6),
    status: 'ACTIVE',
    stopMonth: null,
    communeCode: COMMUNE,
    openSlot: citizenId,
    decisionFacts: { birthDate: '1940-01-01', deathDate: null, disadvantagedCommune: false },
    history: [{ action: 'OPEN', month: M(-6), on: `${M(-7)}-10`, note: decisionNumber }],
  };
}

describe('multi-document changes are transactions', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  const register = new FakeRegister();
  const run = (query: string, variables?: Record<string, unknown>) => executeOperation(sg.apollo, query, variables, sg.context());
  const RUN = `mutation($c: String!, $m: Month!) { runMonthlyPayments(communeCode: $c, month: $m) { created alreadyPresent skippedCases } }`;
  const STOP = `mutation($i: StopCaseInput!) { stopCase(input: $i) { status stopMonth funeralSupport { amount } } }`;
  const caseOf = async (caseId: string) => (await sg.models.BenefitCase.findOne({ caseId }).lean<BenefitCaseDoc>())!;

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('social_tx'));
    sg = await createSubgraph(definition, conn, { graph: register.graph });
    for (const id of ['012140000301', '012140000302', '012140000303']) register.add(id, '1940-01-01');
  });
  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });

  describe('the monthly payment run (payments + suspensions after 3 uncollected months)', () => {
    const [P1, P2, P3] = ['012140000301', '012140000302', '012140000303'];
    const A = openCase(P1, 'ALLOWANCE', '1/TX');
    const payment = (citizenId: string, caseId: string, month: string, status: PaymentStatus): MonthlyPaymentDoc => ({
      _id: `${citizenId}:${month}`,
      citizenId,
      month,
      caseId,
      kind: 'ALLOWANCE',
      amount: 500_000,
      communeCode: COMMUNE,
      status,
    });

    beforeAll(async () => {
      await sg.models.BenefitCase.create([A, openCase(P2, 'ALLOWANCE', '2/TX'), openCase(P3, 'ALLOWANCE', '3/TX')]);
      // P1 did not collect the last 3 months: this month's run suspends the case instead of paying it
      await sg.models.MonthlyPayment.create([M(-3), M(-2), M(-1)].map((m) => payment(P1, A.caseId, m, 'UNCOLLECTED')));
    });

    it('a failing insert (a stray payment under another key: duplicate {citizenId, month}) writes neither the suspension nor any payment', async () => {
      await sg.models.MonthlyPayment.create({ ...payment(P3, 'TCXH-STRAY', M(0), 'PENDING'), _id: 'stray' });
      const res = await run(RUN, { c: COMMUNE, m: M(0) });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0].message).toMatch(/nothing was written/);
      expect(await sg.models.MonthlyPayment.find({ month: M(0) }).distinct('_id')).toEqual(['stray']);
      const a = await caseOf(A.caseId);
      expect(a.status).toBe('ACTIVE');
      expect(a.history?.map((h) => h.action)).toEqual(['OPEN']);
    });

    it('without the stray payment the run suspends and pays together; a retry duplicates nothing', async () => {
      await sg.models.MonthlyPayment.deleteOne({ _id: 'stray' });
      const first = await run(RUN, { c: COMMUNE, m: M(0) });
      expect(first.errors).toBeUndefined();
      expect(first.data?.runMonthlyPayments).toEqual({ created: 2, alreadyPresent: 0, skippedCases: [] });
      const a = await caseOf(A.caseId);
      expect(a).toMatchObject({ status: 'SUSPENDED', suspendedFrom: M(0) });
      expect(a.history?.map((h) => [h.action, h.month])).toEqual([
        ['OPEN', M(-6)],
        ['SUSPEND', M(0)],
      ]);
      const again = await run(RUN, { c: COMMUNE, m: M(0) });
      expect(again.data?.runMonthlyPayments).toEqual({ created: 0, alreadyPresent: 2, skippedCases: [] });
      expect((await sg.models.MonthlyPayment.find({ month: M(0) }).distinct('citizenId')).sort()).toEqual([P2, P3]);
      expect((await caseOf(A.caseId)).history).toHaveLength(2);
    });
  });

  describe('stopping a case on death (funeral support + every other open case of the person)', () => {
    it('stops the other open case in the same transaction', async () => {
      const P = '012140000311';
      const [x, y] = [openCase(P, 'ALLOWANCE', '11/TX'), openCase(P, 'SOCIAL_PENSION', '12/TX')];
      await sg.models.BenefitCase.create([x, y]);
      const deathDate = `${M(-2)}-10`;
      register.add(P, '1940-01-01', { deathDate });
      const res = await run(STOP, { i: { caseId: x.caseId, reason: 'DEATH', deathDate } });
      expect(res.errors).toBeUndefined();
      expect(res.data?.stopCase).toMatchObject({ status: 'STOPPED', stopMonth: M(-1) });
      expect(await caseOf(y.caseId)).toMatchObject({
        status: 'STOPPED',
        stopMonth: M(-1),
        stopReason: 'DEATH',
        openSlot: y.caseId,
        funeralSupport: null,
      });
    });

    it('a failure on the second case (duplicate open slot) leaves the first one untouched', async () => {
      const P = '012140000312';
      const [x, y] = [openCase(P, 'ALLOWANCE', '21/TX'), openCase(P, 'SOCIAL_PENSION', '22/TX')];
      // an inconsistent stopped case already holding the slot y would take when stopped
      const blocker = {
        ...openCase('012140000313', 'SOCIAL_PENSION', '23/TX'),
        status: 'STOPPED' as const,
        stopMonth: M(-3),
        openSlot: y.caseId,
      };
      await sg.models.BenefitCase.create([x, y, blocker]);
      register.add(P, '1940-01-01', { deathDate: `${M(-2)}-10` });
      const res = await run(STOP, { i: { caseId: x.caseId, reason: 'DEATH', deathDate: `${M(-2)}-10` } });
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0].message).toMatch(/nothing was changed/);
      for (const c of [x, y]) {
        expect(await caseOf(c.caseId)).toMatchObject({ status: 'ACTIVE', stopMonth: null, funeralSupport: null, openSlot: P });
        expect((await caseOf(c.caseId)).history).toHaveLength(1);
      }
      expect(await sg.models.FuneralSupportItem.countDocuments({ _id: P })).toBe(0);
    });
  });
});

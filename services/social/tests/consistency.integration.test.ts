import type { Connection } from 'mongoose';
import { connectDatabase, trusted } from '@nct/db';
import { createSubgraph, SubgraphInstance } from '@nct/subgraph-kit';
import { addMonths, monthOf } from '@nct/dates';
import { executeOperation, testMongoUri, testToday, uniqueDbName } from '@nct/testing';
import { definition, type Models } from '../src';
import type { BenefitCaseDoc } from '../src/cases/benefit-case.model';
import { FakeRegister } from './register';

// docs/consistency.md sections 2-4, through the subgraph's GraphQL with an in-memory register:
// identity from the register, deaths stop payments whatever the order, retry-safe writes.
const TODAY = testToday();
const MONTH = monthOf(TODAY);
const YEAR = Number(TODAY.slice(0, 4));
const M = (n: number) => addMonths(MONTH, n);
const BORN_86 = `${YEAR - 86}-03-01`; // 5c (80+) and the social pension (75+)
const BORN_78 = `${YEAR - 78}-03-01`; // 75-79: 5b when poor / near-poor in a disadvantaged area
const C1 = '03199';
const C2 = '03388';
let seq = 400;
const nextId = () => `0121400${String(++seq).padStart(5, '0')}`;

const OPEN = `mutation($i: OpenAllowanceCaseInput!, $k: String) {
  openAllowanceCase(input: $i, idempotencyKey: $k) { caseId citizenId group status communeCode monthlyAmount startMonth } }`;
const OPEN_SP = `mutation($i: OpenSocialPensionCaseInput!, $k: String) {
  openSocialPensionCase(input: $i, idempotencyKey: $k) { caseId communeCode monthlyAmount status } }`;
const RUN = `mutation($c: String!, $m: Month!) { runMonthlyPayments(communeCode: $c, month: $m) {
  created alreadyPresent skippedCases stoppedForDeath notInRegister } }`;
const DEATH = `mutation($e: ID!, $c: ID!) { socialApplyDeath(eventId: $e, citizenId: $c) {
  eventId citizenId outcome deathDate stoppedCases cancelledPayments funeralSupport { amount deathDate communeCode status caseId } } }`;
const COLLECT = `mutation($id: ID!, $m: Month!, $c: Boolean!) { recordPaymentCollection(citizenId: $id, month: $m, collected: $c) { month status } }`;

const decision = (citizenId: string, n: string, start = M(-3)) => ({
  citizenId,
  decisionNumber: `${n}/QĐ-UBND`,
  decisionDate: `${addMonths(start, -1)}-10`,
  startMonth: start,
});

describe('consistency with the register, deaths and retries', () => {
  let conn: Connection;
  let sg: SubgraphInstance<Models>;
  const register = new FakeRegister();
  const run = (query: string, variables?: Record<string, unknown>, ctx = sg.context()) =>
    executeOperation(sg.apollo, query, variables, ctx);
  const ok = async (query: string, variables?: Record<string, unknown>, ctx = sg.context()) => {
    const res = await run(query, variables, ctx);
    expect(res.errors).toBeUndefined();
    return res.data as any;
  };
  const registerEvents = () => sg.context({ role: 'homeaffairs', subject: 'svc-homeaffairs' }, 'REGISTER_MAINTENANCE');
  const deliver = (citizenId: string, eventId = `evt-${citizenId}`) => ok(DEATH, { e: eventId, c: citizenId }, registerEvents());
  const counts = async () => ({
    cases: await sg.models.BenefitCase.countDocuments({}),
    payments: await sg.models.MonthlyPayment.countDocuments({}),
    funeral: await sg.models.FuneralSupportItem.countDocuments({}),
    records: await sg.models.SocialRecord.countDocuments({}),
    supports: await sg.models.ActionMonthSupport.countDocuments({}),
  });
  /** A person 86 years old in the register, with an open 5c case from M(-3) paid by `commune`. */
  const beneficiary = async (commune = C1) => {
    const id = nextId();
    register.add(id, BORN_86, { communeCode: commune });
    const d = await ok(OPEN, { i: { ...decision(id, id), group: 'A5C' } });
    return { id, caseId: d.openAllowanceCase.caseId as string };
  };
  /** No payment exists for a month after the month of death, except those collected (docs/consistency.md section 2). */
  const expectNothingPaidAfterDeath = async (citizenId: string, deathDate: string) => {
    const after = await sg.models.MonthlyPayment.find({ citizenId }).lean();
    for (const p of after.filter((x) => x.month > monthOf(deathDate))) expect(['CANCELLED', 'COLLECTED']).toContain(p.status);
  };

  beforeAll(async () => {
    conn = await connectDatabase(testMongoUri(), uniqueDbName('social_consistency'));
    sg = await createSubgraph(definition, conn, { graph: register.graph });
  });
  afterAll(async () => {
    await sg.apollo.stop();
    await conn.dropDatabase();
    await conn.close();
  });
  afterEach(() => {
    register.down = false;
  });

  describe('identity comes from the register; what the caller asserts is only compared', () => {
    it('opens with the register’s birth date and residence commune in the start month (the caller sends neither)', async () => {
      const id = nextId();
      // moved from C2 to C1 two months before the start month
      register.add(id, BORN_86, {
        residenceHistory: [
          { communeCode: C2, from: '1990-01-01', to: `${M(-5)}-14` },
          { communeCode: C1, from: `${M(-5)}-15` },
        ],
      });
      const d = await ok(OPEN, { i: { ...decision(id, '1'), group: 'A5C' } });
      expect(d.openAllowanceCase).toMatchObject({ communeCode: C1, group: 'A5C', monthlyAmount: 500_000, status: 'ACTIVE' });
      const stored = await sg.models.BenefitCase.findOne({ caseId: d.openAllowanceCase.caseId }).lean();
      expect(stored?.decisionFacts).toEqual({ birthDate: BORN_86, deathDate: null, disadvantagedCommune: false });
    });

    it('refuses assertions that differ from the register, naming each field with both values, and writes nothing', async () => {
      const id = nextId();
      register.add(id, BORN_86);
      const before = await counts();
      const res = await run(OPEN, {
        i: {
          ...decision(id, '2'),
          group: 'A5C',
          communeCode: C2,
          identity: { birthDate: `${YEAR - 81}-01-01`, disadvantagedCommune: true },
        },
      });
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'IDENTITY_MISMATCH',
        mismatches: [
          { field: 'identity.birthDate', given: `${YEAR - 81}-01-01`, register: BORN_86 },
          { field: 'identity.disadvantagedCommune', given: true, register: false },
          { field: 'communeCode', given: C2, register: C1 },
        ],
      });
      expect(res.errors?.[0].extensions?.messageVi).toMatch(/sổ đăng ký ghi/);
      expect(res.errors?.[0].message).toContain(`identity.birthDate: given ${YEAR - 81}-01-01, the register has ${BORN_86}`);
      expect(await counts()).toEqual(before);
      // the same assertions matching the register are accepted
      const okRes = await ok(OPEN, {
        i: { ...decision(id, '2'), group: 'A5C', communeCode: C1, identity: { birthDate: BORN_86, disadvantagedCommune: false } },
      });
      expect(okRes.openAllowanceCase.communeCode).toBe(C1);
    });

    it('NOT_FOUND for a person the register does not know; DEPENDENCY_UNAVAILABLE when it cannot be reached; nothing written', async () => {
      const before = await counts();
      const unknown = await run(OPEN, { i: { ...decision(nextId(), '3'), group: 'A5C' } });
      expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_IN_REGISTER' });
      const id = nextId();
      register.add(id, BORN_86);
      register.down = true;
      const down = await run(OPEN_SP, { i: decision(id, '4') });
      expect(down.errors?.[0].extensions?.code).toBe('DEPENDENCY_UNAVAILABLE');
      expect(down.errors?.[0].message).toMatch(/nothing was written/);
      expect(await counts()).toEqual(before);
    });

    it('refuses a start month without a residence in the register (NO_RESIDENCE)', async () => {
      const id = nextId();
      register.add(id, BORN_86, { residenceHistory: [{ communeCode: C1, from: '1990-01-01', to: `${M(-12)}-01` }] });
      const res = await run(OPEN, { i: { ...decision(id, '5'), group: 'A5C' } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_RESIDENCE' });
    });

    it('5b from the register’s dated disadvantaged status of the village (commune OR village), not a flag of today', async () => {
      const id = nextId();
      register.add(id, BORN_78, {
        residenceHistory: [
          {
            communeCode: C1,
            villageCode: '03199-004',
            from: '1990-01-01',
            disadvantaged: [{ from: '2021-06-04', level: 'VILLAGE', legalAct: 'Quyết định 612/QĐ-UBDT' }],
          },
        ],
      });
      const years = [...new Set([Number(M(-3).slice(0, 4)), YEAR])];
      for (const year of years)
        await ok(`mutation($i: SetPovertyStatusInput!) { setPovertyStatus(input: $i) { communeCode } }`, {
          i: { citizenId: id, year, status: 'NEAR_POOR', communeCode: C1 },
        });
      const d = await ok(OPEN, { i: { ...decision(id, '6'), group: 'A5B', identity: { disadvantagedCommune: true } } });
      expect(d.openAllowanceCase).toMatchObject({ group: 'A5B', monthlyAmount: 500_000 });
    });
  });

  describe('the social pension with a small monthly SI benefit (Law 41/2024 Art. 21.1(b), 23.7; Decree 176/2025)', () => {
    const CIRC = `mutation($i: SetCircumstancesInput!) { setCircumstances(input: $i) { pensions { kind monthlyAmount from to } insurance { from status } } }`;
    const circumstances = (citizenId: string, pensions: object[] | null) => ({
      citizenId,
      communeCode: C1,
      disability: 'NONE',
      noSupporter: false,
      careFacilityEligible: false,
      otherMonthlyAllowance: false,
      pensions,
    });

    it('pays the difference up to the level; a retirement pension of any amount excludes', async () => {
      const small = nextId();
      const retired = nextId();
      register.add(small, BORN_86);
      register.add(retired, BORN_86);
      const set = await ok(CIRC, {
        i: circumstances(small, [{ kind: 'MONTHLY_SOCIAL_INSURANCE', monthlyAmount: 300_000, from: '2015-01-01' }]),
      });
      expect(set.setCircumstances).toEqual({
        pensions: [{ kind: 'MONTHLY_SOCIAL_INSURANCE', monthlyAmount: 300_000, from: '2015-01-01', to: null }],
        insurance: [{ from: '2015-01-01', status: 'SI_MONTHLY_BENEFIT' }],
      });
      await ok(CIRC, { i: circumstances(retired, [{ kind: 'RETIREMENT_PENSION', monthlyAmount: 200_000, from: '2015-01-01' }]) });
      const sp = await ok(OPEN_SP, { i: decision(small, '7') });
      expect(sp.openSocialPensionCase).toMatchObject({ status: 'ACTIVE', communeCode: C1 });
      const refused = await run(OPEN_SP, { i: decision(retired, '8') });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_ELIGIBLE' });
      expect(refused.errors?.[0].message).toMatch(/retirement pension \(any amount excludes it\)/);
      // 5c: no pension and no monthly SI benefit of any amount (Decree 20/2021 Art. 5.5(c))
      const a5c = await run(OPEN, { i: { ...decision(small, '9'), group: 'A5C' } });
      expect(a5c.errors?.[0].extensions?.code).toBe('CONFLICT'); // the social pension case is open
      await ok(RUN, { c: C1, m: M(-3) });
      expect(await sg.models.MonthlyPayment.findOne({ citizenId: small, month: M(-3) }).lean()).toMatchObject({
        kind: 'SOCIAL_PENSION',
        amount: 200_000,
      });
    });

    it('refuses overlapping periods; the same circumstances again change nothing', async () => {
      const id = nextId();
      const overlapping = await run(CIRC, {
        i: circumstances(id, [
          { kind: 'RETIREMENT_PENSION', monthlyAmount: 3_000_000, from: '2015-01-01' },
          { kind: 'MONTHLY_SOCIAL_INSURANCE', monthlyAmount: 300_000, from: '2020-01-01', to: '2020-12-31' },
        ]),
      });
      expect(overlapping.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const input = circumstances(id, [{ kind: 'RETIREMENT_PENSION', monthlyAmount: 3_000_000, from: '2015-01-01', to: '2019-12-31' }]);
      const first = await ok(CIRC, { i: input });
      const stamp = (await sg.models.SocialRecord.findOne({ _id: id }).lean<{ updatedAt: Date }>())!.updatedAt;
      const again = await ok(CIRC, { i: input });
      expect(again).toEqual(first);
      expect((await sg.models.SocialRecord.findOne({ _id: id }).lean<{ updatedAt: Date }>())!.updatedAt).toEqual(stamp);
      const POV = `mutation($i: SetPovertyStatusInput!) { setPovertyStatus(input: $i) { poverty { year status } } }`;
      await ok(POV, { i: { citizenId: id, year: YEAR, status: 'POOR', communeCode: C1 } });
      const povStamp = (await sg.models.SocialRecord.findOne({ _id: id }).lean<{ updatedAt: Date }>())!.updatedAt;
      await ok(POV, { i: { citizenId: id, year: YEAR, status: 'POOR', communeCode: C1 } });
      expect((await sg.models.SocialRecord.findOne({ _id: id }).lean<{ updatedAt: Date }>())!.updatedAt).toEqual(povStamp);
    });

    it('reads an older record’s status steps as periods (no amount) and migrates it on the next write', async () => {
      const id = nextId();
      register.add(id, BORN_86);
      await sg.models.SocialRecord.collection.insertOne({
        _id: id as never,
        communeCode: C1,
        poverty: [],
        insurance: [
          { from: '2010-01-01', status: 'SI_MONTHLY_BENEFIT' },
          { from: '2020-01-01', status: 'NONE' },
        ],
        disability: 'NONE',
        noSupporter: false,
        careFacilityEligible: false,
        otherMonthlyAllowance: false,
      });
      const person = { __typename: 'Person', citizenId: id, birthDate: BORN_86, deathDate: null, residenceHistory: [] };
      const d = await ok(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { socialRecord { pensions { kind monthlyAmount from to } } } } }`,
        {
          r: [person],
        },
      );
      expect(d._entities[0].socialRecord.pensions).toEqual([
        { kind: 'MONTHLY_SOCIAL_INSURANCE', monthlyAmount: null, from: '2010-01-01', to: '2019-12-31' },
      ]);
      await ok(CIRC, { i: { ...circumstances(id, null), noSupporter: true } });
      const stored = await sg.models.SocialRecord.findOne({ _id: id }).lean();
      expect(stored).toMatchObject({
        pensions: [{ kind: 'MONTHLY_SOCIAL_INSURANCE', monthlyAmount: null, from: '2010-01-01', to: '2019-12-31' }],
      });
      expect(stored?.insurance).toBeUndefined();
    });
  });

  describe('a death stops payments whatever the order (docs/consistency.md section 2)', () => {
    it('death known before the run: no payment after the month of death, the case stopped in the run, funeral prepared; delivery later changes nothing', async () => {
      const { id, caseId } = await beneficiary();
      const deathDate = `${M(-2)}-20`;
      register.die(id, deathDate);
      const r = await ok(RUN, { c: C1, m: M(-1) });
      expect(r.runMonthlyPayments.stoppedForDeath).toEqual([caseId]);
      expect(await sg.models.MonthlyPayment.countDocuments({ citizenId: id })).toBe(0);
      expect(await sg.models.BenefitCase.findOne({ caseId }).lean()).toMatchObject({
        status: 'STOPPED',
        stopReason: 'DEATH',
        stopMonth: M(-1),
      });
      const funeral = await sg.models.FuneralSupportItem.findOne({ _id: id }).lean();
      expect(funeral).toMatchObject({
        amount: 10_000_000,
        baseMultiple: 20,
        baseLevel: 500_000,
        deathDate,
        status: 'PREPARED',
        source: 'PAYMENT_RUN',
      });
      const receipt = await deliver(id);
      expect(receipt.socialApplyDeath).toMatchObject({ outcome: 'ALREADY_APPLIED', stoppedCases: [], cancelledPayments: 0, deathDate });
      expect(receipt.socialApplyDeath.funeralSupport).toMatchObject({ amount: 10_000_000, caseId });
      // the month of death itself is still paid
      const m2 = await ok(RUN, { c: C1, m: M(-2) });
      expect(m2.runMonthlyPayments.created).toBeGreaterThanOrEqual(1);
      expect(await sg.models.MonthlyPayment.countDocuments({ citizenId: id, month: M(-2) })).toBe(1);
      await expectNothingPaidAfterDeath(id, deathDate);
    });

    it('run first, death delivered later: the pending payment after the month of death is cancelled, one funeral item; a repeat changes nothing', async () => {
      const { id, caseId } = await beneficiary();
      await ok(RUN, { c: C1, m: M(-1) });
      await ok(RUN, { c: C1, m: M(0) });
      expect(await sg.models.MonthlyPayment.countDocuments({ citizenId: id, status: 'PENDING' })).toBe(2);
      register.die(id, `${M(-1)}-03`);
      const first = await deliver(id, 'evt-a');
      expect(first.socialApplyDeath).toMatchObject({
        eventId: 'evt-a',
        citizenId: id,
        outcome: 'APPLIED',
        stoppedCases: [caseId],
        cancelledPayments: 1,
        funeralSupport: { amount: 10_000_000, communeCode: C1, status: 'PREPARED' },
      });
      expect(await sg.models.MonthlyPayment.findOne({ citizenId: id, month: M(0) }).lean()).toMatchObject({ status: 'CANCELLED' });
      expect(await sg.models.MonthlyPayment.findOne({ citizenId: id, month: M(-1) }).lean()).toMatchObject({ status: 'PENDING' });
      const before = await counts();
      const again = await deliver(id, 'evt-a');
      expect(again.socialApplyDeath).toMatchObject({ outcome: 'ALREADY_APPLIED', stoppedCases: [], cancelledPayments: 0 });
      const rerun = await ok(RUN, { c: C1, m: M(0) });
      expect(rerun.runMonthlyPayments.stoppedForDeath).toEqual([]);
      expect(await counts()).toEqual(before);
      expect(await sg.models.FuneralSupportItem.countDocuments({ _id: id })).toBe(1);
      await expectNothingPaidAfterDeath(id, `${M(-1)}-03`);
    });

    it('a payment collected before the death was known stays, for recovery (paymentsAfterDeath)', async () => {
      const { id } = await beneficiary();
      await ok(RUN, { c: C1, m: M(0) });
      await ok(COLLECT, { id, m: M(0), c: true });
      const deathDate = `${M(-2)}-28`;
      register.die(id, deathDate);
      expect((await deliver(id)).socialApplyDeath).toMatchObject({ outcome: 'APPLIED', cancelledPayments: 0 });
      expect(await sg.models.MonthlyPayment.findOne({ citizenId: id, month: M(0) }).lean()).toMatchObject({ status: 'COLLECTED' });
      const d = await ok(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { paymentsAfterDeath { month status } } } }`,
        {
          r: [{ __typename: 'Person', citizenId: id, deathDate }],
        },
      );
      expect(d._entities[0].paymentsAfterDeath).toEqual([{ month: M(0), status: 'COLLECTED' }]);
      await expectNothingPaidAfterDeath(id, deathDate);
    });

    it('delivery before the run: the run pays nothing after the month of death', async () => {
      const { id, caseId } = await beneficiary(C2);
      register.die(id, `${M(-3)}-10`);
      expect((await deliver(id)).socialApplyDeath).toMatchObject({ outcome: 'APPLIED', stoppedCases: [caseId] });
      const r = await ok(RUN, { c: C2, m: M(-1) });
      expect(r.runMonthlyPayments).toMatchObject({ stoppedForDeath: [] });
      expect(await sg.models.MonthlyPayment.countDocuments({ citizenId: id, month: trusted({ $gt: M(-3) }) })).toBe(0);
      await expectNothingPaidAfterDeath(id, `${M(-3)}-10`);
    });

    it('every open case of the person stops, allowance and social pension, from the month after death', async () => {
      const { id, caseId } = await beneficiary();
      const pension: BenefitCaseDoc = {
        caseId: 'HTXH-00000000000000AA',
        kind: 'SOCIAL_PENSION',
        citizenId: id,
        group: null,
        decisionNumber: `SP-${id}`,
        decisionDate: `${M(-2)}-01`,
        startMonth: M(-1),
        status: 'SUSPENDED',
        suspendedFrom: M(0),
        stopMonth: null,
        communeCode: C1,
        openSlot: id,
        history: [],
      };
      // an earlier case stopped (moving away) from a month after the death: it stops from the death too
      const movedAway: BenefitCaseDoc = {
        ...pension,
        caseId: 'TCXH-00000000000000BB',
        kind: 'ALLOWANCE',
        group: 'A5C',
        decisionNumber: `MA-${id}`,
        startMonth: M(-12),
        status: 'STOPPED',
        suspendedFrom: null,
        stopMonth: M(2),
        stopReason: 'MOVED_AWAY',
        openSlot: 'TCXH-00000000000000BB',
      };
      await sg.models.BenefitCase.create([pension, movedAway]);
      register.die(id, `${M(-2)}-15`);
      const receipt = await deliver(id);
      expect([...receipt.socialApplyDeath.stoppedCases].sort()).toEqual([pension.caseId, movedAway.caseId, caseId].sort());
      for (const c of await sg.models.BenefitCase.find({ citizenId: id }).lean())
        expect(c).toMatchObject({ status: 'STOPPED', stopReason: 'DEATH', suspendedFrom: null, openSlot: c.caseId });
      expect((await sg.models.BenefitCase.findOne({ caseId: pension.caseId }).lean())?.stopMonth).toBe(M(-1));
      expect((await sg.models.BenefitCase.findOne({ caseId: movedAway.caseId }).lean())?.stopMonth).toBe(M(-1));
      expect((await deliver(id)).socialApplyDeath).toMatchObject({ outcome: 'ALREADY_APPLIED', stoppedCases: [] });
      // one funeral item, from a case that covered the month of death (the pension started after it)
      expect(receipt.socialApplyDeath.funeralSupport).toMatchObject({ amount: 10_000_000 });
      expect([caseId, movedAway.caseId]).toContain(receipt.socialApplyDeath.funeralSupport.caseId);
      expect(await sg.models.FuneralSupportItem.countDocuments({ _id: id })).toBe(1);
    });

    it('the register, not the event, is the truth (NOT_DECEASED); only svc-homeaffairs for register maintenance', async () => {
      const { id } = await beneficiary();
      expect((await deliver(id)).socialApplyDeath).toMatchObject({ outcome: 'NOT_DECEASED', deathDate: null, stoppedCases: [] });
      expect((await sg.models.BenefitCase.findOne({ citizenId: id }).lean())?.status).toBe('ACTIVE');
      const staff = await run(DEATH, { e: 'evt-x', c: id });
      expect(staff.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const wrongPurpose = await run(DEATH, { e: 'evt-x', c: id }, sg.context({ role: 'homeaffairs' }, 'CARE_COORDINATION'));
      expect(wrongPurpose.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const unknown = await run(DEATH, { e: 'evt-x', c: nextId() }, registerEvents());
      expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      register.down = true;
      const down = await run(DEATH, { e: 'evt-x', c: id }, registerEvents());
      expect(down.errors?.[0].extensions?.code).toBe('DEPENDENCY_UNAVAILABLE');
    });

    it('the run fails closed: register unreachable -> nothing written; a person unknown to the register is not paid', async () => {
      const { id: known } = await beneficiary(C2);
      const stranger = nextId();
      register.add(stranger, BORN_86, { communeCode: C2 });
      const { caseId: strangerCase } = (await ok(OPEN, { i: { ...decision(stranger, stranger), group: 'A5C' } })).openAllowanceCase;
      register.people.delete(stranger);
      const before = await counts();
      register.down = true;
      const down = await run(RUN, { c: C2, m: M(0) });
      expect(down.errors?.[0].extensions?.code).toBe('DEPENDENCY_UNAVAILABLE');
      expect(await counts()).toEqual(before);
      register.down = false;
      const r = await ok(RUN, { c: C2, m: M(0) });
      expect(r.runMonthlyPayments.notInRegister).toEqual([strangerCase]);
      expect(await sg.models.MonthlyPayment.countDocuments({ citizenId: stranger })).toBe(0);
      expect(await sg.models.MonthlyPayment.countDocuments({ citizenId: known, month: M(0) })).toBe(1);
      // asked in chunks of at most 500, one call for the commune
      expect(register.calls[register.calls.length - 1].length).toBeLessThanOrEqual(500);
    });

    it('lists the funeral support prepared, for social staff of the commune', async () => {
      const d = await ok(
        `{ funeralSupportItems(communeCode: "${C1}") { edges { node { citizenId amount status person { citizenId } } } } }`,
      );
      expect(d.funeralSupportItems.edges.length).toBeGreaterThanOrEqual(3);
      for (const e of d.funeralSupportItems.edges) expect(e.node).toMatchObject({ amount: 10_000_000, status: 'PREPARED' });
      const other = await run(
        `{ funeralSupportItems(communeCode: "${C1}") { edges { cursor } } }`,
        undefined,
        sg.context({ role: 'commune-officer', commune: C2 }),
      );
      expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('every mutation is safe to retry (docs/consistency.md section 4)', () => {
    it('a create retried with its key returns the first result and writes nothing; the key with other input is CONFLICT', async () => {
      const id = nextId();
      register.add(id, BORN_86);
      const input = { ...decision(id, 'K1'), group: 'A5C' };
      const first = await ok(OPEN, { i: input, k: 'open-K1-0001' });
      const before = await counts();
      const retry = await ok(OPEN, { i: input, k: 'open-K1-0001' });
      expect(retry).toEqual(first);
      expect(await counts()).toEqual(before);
      // without the key the same decision is a duplicate (refused), as before
      expect((await run(OPEN, { i: input })).errors?.[0].extensions?.code).toBe('CONFLICT');
      const reused = await run(OPEN, { i: { ...input, decisionNumber: 'K2/QĐ-UBND' }, k: 'open-K1-0001' });
      expect(reused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
      expect((await run(OPEN, { i: input, k: 'short' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      // a refusal stores nothing: the same key works once the input is right
      const sp = nextId();
      register.add(sp, BORN_86);
      const refused = await run(OPEN_SP, { i: { ...decision(sp, 'K3'), communeCode: C2 }, k: 'open-sp-K3-01' });
      expect(refused.errors?.[0].extensions?.reason).toBe('IDENTITY_MISMATCH');
      const spFirst = await ok(OPEN_SP, { i: decision(sp, 'K3'), k: 'open-sp-K3-02' });
      expect(await ok(OPEN_SP, { i: decision(sp, 'K3'), k: 'open-sp-K3-02' })).toEqual(spFirst);
    });

    it('Action Month support and the insurance import, retried with their keys', async () => {
      const REC = `mutation($i: RecordActionMonthSupportInput!, $k: String) { recordActionMonthSupport(input: $i, idempotencyKey: $k) { supportId amount } }`;
      const october = MONTH >= `${YEAR}-10` ? YEAR : YEAR - 1;
      const i = {
        citizenId: nextId(),
        communeCode: C1,
        date: `${october}-10-05`,
        kind: 'GIFT',
        description: 'Quà',
        amount: 300_000,
        provider: 'UBND xã',
      };
      const first = await ok(REC, { i, k: 'support-0001' });
      expect(await ok(REC, { i, k: 'support-0001' })).toEqual(first);
      expect((await run(REC, { i })).errors?.[0].extensions?.code).toBe('CONFLICT');
      const IMPORT = `mutation($csv: String!, $k: String) { importInsuranceStatus(csv: $csv, idempotencyKey: $k) { rows applied unchanged } }`;
      const csv = `citizenId,status,effectiveFrom,communeCode\n${nextId()},PENSION,2012-01-01,${C1}`;
      const imported = await ok(IMPORT, { csv, k: 'import-0001' });
      expect(imported.importInsuranceStatus).toEqual({ rows: 1, applied: 1, unchanged: 0 });
      expect(await ok(IMPORT, { csv, k: 'import-0001' })).toEqual(imported); // the first report, not "unchanged"
      expect((await ok(IMPORT, { csv })).importInsuranceStatus).toEqual({ rows: 1, applied: 0, unchanged: 1 });
    });

    it('state changes retried change nothing: stop, collection, payment run', async () => {
      const { id, caseId } = await beneficiary();
      await ok(RUN, { c: C1, m: M(-1) });
      const collected = await ok(COLLECT, { id, m: M(-1), c: true });
      const stamp = (await sg.models.MonthlyPayment.findOne({ citizenId: id, month: M(-1) }).lean<{ updatedAt: Date }>())!.updatedAt;
      expect(await ok(COLLECT, { id, m: M(-1), c: true })).toEqual(collected);
      expect((await sg.models.MonthlyPayment.findOne({ citizenId: id, month: M(-1) }).lean<{ updatedAt: Date }>())!.updatedAt).toEqual(
        stamp,
      );
      const before = await counts();
      expect((await ok(RUN, { c: C1, m: M(-1) })).runMonthlyPayments.created).toBe(0);
      expect(await counts()).toEqual(before);
      const STOP = `mutation($i: StopCaseInput!) { stopCase(input: $i) { status stopMonth stopReason allowedActions } }`;
      const stop = { caseId, reason: 'MOVED_AWAY', stopMonth: M(1) };
      const s1 = await ok(STOP, { i: stop });
      expect(await ok(STOP, { i: stop })).toEqual(s1);
      expect((await sg.models.BenefitCase.findOne({ caseId }).lean())?.history?.map((h) => h.action)).toEqual(['OPEN', 'STOP']);
      expect((await run(STOP, { i: { ...stop, stopMonth: M(2) } })).errors?.[0].extensions?.code).toBe('CONFLICT');
    });
  });
});

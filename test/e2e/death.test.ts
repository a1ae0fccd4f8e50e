import type { Purpose, Role } from '@nct/auth';
import { addMonths, monthOf, yearOf } from '@nct/dates';
import type { AllowanceCaseSeed, PersonSeed } from '@nct/seed';
import { testToday } from '@nct/testing';
import { startSystem, System } from './harness';

// Death reaches every agency (docs/consistency.md section 2), end to end through the real
// gateway, as the roles a deployment uses: the register (homeaffairs) records a death and its
// outbox tells social, health and association (`<subgraph>ApplyDeath` as svc-homeaffairs); the
// payroll run asks the register itself, whatever the order; a subscriber that is down gets
// the event later, applied once; a run that cannot reach the register writes nothing.
//
// The outbox worker of the in-process homeaffairs would run a pass every 5 s
// (OUTBOX_INTERVAL_MS, read when the subgraph starts): it is off for this file, so that each
// delivery happens when a test asks for it (`deliverRegisterEvents`, the operators' pass).

const TODAY = testToday();
/** M: the month of the deaths (the month before today's: a death is never in the future). */
const M = addMonths(monthOf(TODAY), -1);
const M1 = addMonths(M, 1);
const M2 = addMonths(M, 2); // the latest month a run accepts (today's month + 1)

const PURPOSE: Partial<Record<Role, Purpose>> = {
  homeaffairs: 'REGISTER_MAINTENANCE',
  social: 'BENEFIT_ADMINISTRATION',
  health: 'HEALTH_CARE',
  association: 'ASSOCIATION_ACTIVITIES',
};

interface Delivery {
  eventId: string;
  subscriber: string;
  citizenId: string;
  eventDate: string;
  state: 'PENDING' | 'DELIVERED';
  attempts: number;
  nextAttemptAt: string | null;
  outcome: string | null;
  lastError: string | null;
  deliveredAt: string | null;
}

interface PayrollLine {
  citizenId: string;
  month: string;
  caseId: string;
  amount: number;
  status: string;
}

const DELIVERIES = `query Deliveries($after: String) {
  registerEventDeliveries(first: 100, after: $after) {
    edges { node { eventId subscriber citizenId eventDate state attempts nextAttemptAt outcome lastError deliveredAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const DELIVER = `mutation { deliverRegisterEvents { attempted delivered failed } }`;
const RECORD_DEATH = `mutation RecordDeath($id: ID!, $date: Date!) { recordDeath(citizenId: $id, deathDate: $date) { citizenId deathDate } }`;
const RUN = `mutation Run($commune: String!, $month: Month!) {
  runMonthlyPayments(communeCode: $commune, month: $month) { communeCode month created alreadyPresent stoppedForDeath notInRegister }
}`;
const PAYROLL = `query Payroll($commune: String!, $month: Month!) {
  payroll(communeCode: $commune, month: $month) { lines { citizenId month caseId amount status } }
}`;
const SOCIAL_PERSON = `query SocialPerson($id: ID!) {
  person(citizenId: $id) {
    deathDate
    monthlyAllowance { caseId status stopMonth baseLevel }
    funeralSupport { citizenId communeCode deathDate caseId kind amount baseLevel baseMultiple legalAct status preparedOn }
    paymentsAfterDeath { month status }
    paymentHistory { month caseId amount status }
  }
}`;
const FUNERAL_ITEMS = `query FuneralItems($commune: String, $after: String) {
  funeralSupportItems(communeCode: $commune, first: 100, after: $after) {
    edges { node { citizenId caseId amount status } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const SOCIAL_APPLY = `mutation Apply($eventId: ID!, $id: ID!) {
  socialApplyDeath(eventId: $eventId, citizenId: $id) {
    eventId citizenId outcome deathDate stoppedCases cancelledPayments funeralSupport { amount caseId }
  }
}`;

describe('death reaches every agency (register outbox, payroll run, through the gateway)', () => {
  let system: System;
  const savedInterval = process.env.OUTBOX_INTERVAL_MS;

  beforeAll(async () => {
    process.env.OUTBOX_INTERVAL_MS = '0';
    system = await startSystem({ people: 200 });
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
    if (savedInterval === undefined) delete process.env.OUTBOX_INTERVAL_MS;
    else process.env.OUTBOX_INTERVAL_MS = savedInterval;
  });

  /** A call through the gateway as `as`, with that role's purpose; any GraphQL error fails the test, with its content. */
  async function call<T = any>(as: Role, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await system.query<T>(query, variables, { as, purpose: PURPOSE[as] });
    if (res.body.errors) throw new Error(`${as}: ${JSON.stringify(res.body.errors)}`);
    expect(res.status).toBe(200);
    return res.body.data as T;
  }

  async function deliveriesOf(citizenId: string): Promise<Record<string, Delivery>> {
    const out: Record<string, Delivery> = {};
    let after: string | null = null;
    for (;;) {
      const page: any = (await call('homeaffairs', DELIVERIES, { after })).registerEventDeliveries;
      for (const { node } of page.edges as Array<{ node: Delivery }>) if (node.citizenId === citizenId) out[node.subscriber] = node;
      if (!page.pageInfo.hasNextPage) return out;
      after = page.pageInfo.endCursor;
    }
  }

  const deliver = async () =>
    (await call('homeaffairs', DELIVER)).deliverRegisterEvents as { attempted: number; delivered: number; failed: number };
  const recordDeath = (citizenId: string, date: string) => call('homeaffairs', RECORD_DEATH, { id: citizenId, date });
  const run = async (commune: string, month: string) => (await call('social', RUN, { commune, month })).runMonthlyPayments;
  const payroll = async (commune: string, month: string): Promise<PayrollLine[]> =>
    (await call('social', PAYROLL, { commune, month })).payroll.lines;
  const socialPerson = async (citizenId: string) => (await call('social', SOCIAL_PERSON, { id: citizenId })).person;
  async function funeralItemsOf(citizenId: string, commune: string | null = null): Promise<Array<{ citizenId: string; caseId: string }>> {
    const out: Array<{ citizenId: string; caseId: string }> = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await call('social', FUNERAL_ITEMS, { commune, after })).funeralSupportItems;
      out.push(...page.edges.map((e: any) => e.node).filter((n: any) => n.citizenId === citizenId));
      if (!page.pageInfo.hasNextPage) return out;
      after = page.pageInfo.endCursor;
    }
  }
  /**
   * What the schema's queries do not show of a case (`AllowanceCase` has no stop reason and no
   * history; only the mutations' `CaseState` has the reason): the stored case, its stop reason
   * and how many times its history says it was stopped for a death.
   */
  async function storedCase(
    caseId: string,
  ): Promise<{ status: string; stopMonth: string | null; stopReason: string | null; deathStops: number }> {
    const doc: any = await system.subgraphs.social!.models.BenefitCase.findOne({ caseId }).lean();
    const history = doc.history as Array<{ action: string; note: string | null }>;
    return {
      status: doc.status,
      stopMonth: doc.stopMonth,
      stopReason: doc.stopReason ?? null,
      deathStops: history.filter((t) => t.action === 'STOP' && !!t.note?.startsWith('DEATH')).length,
    };
  }
  /** Stopped for DEATH from M+1, once. */
  const STOPPED_FOR_DEATH = { status: 'STOPPED', stopMonth: M1, stopReason: 'DEATH', deathStops: 1 };

  // ---- who dies: living people paid an allowance since before M, from the seed ------------------
  const used = new Set<string>();
  /** The commune of scenario 1: its M+1 and M+2 have been run. */
  let commune1 = '';
  interface Beneficiary {
    person: PersonSeed;
    allowance: AllowanceCaseSeed;
  }
  function beneficiaries(): Beneficiary[] {
    const people = new Map(system.seed.people.map((p) => [p.citizenId, p]));
    const pensioners = new Set(system.seed.social.socialPensionCases.map((c) => c.citizenId));
    return system.seed.social.allowanceCases
      .filter((c) => c.status === 'ACTIVE' && c.stopMonth === null && c.startMonth <= M && !pensioners.has(c.citizenId))
      .map((allowance) => ({ allowance, person: people.get(allowance.citizenId)! }))
      .filter((b) => b.person && b.person.deathDate === null && !used.has(b.person.citizenId))
      .sort((a, b) => a.person.citizenId.localeCompare(b.person.citizenId));
  }
  function take(what: string, ok: (b: Beneficiary) => boolean = () => true): Beneficiary {
    const found = beneficiaries().find(ok);
    if (!found) throw new Error(`the seed (200 people at ${TODAY}) has no living allowance beneficiary for ${what}`);
    used.add(found.person.citizenId);
    return found;
  }

  /** The caseId of an allowance case, as the person's view shows it. */
  const caseIdOf = async (citizenId: string): Promise<string> => (await socialPerson(citizenId)).monthlyAllowance.caseId;

  describe('1. a beneficiary dies in M; one delivery pass tells social, health and association', () => {
    let p: Beneficiary;
    let caseId: string;
    let year: number;
    let undelivered: string;
    const deathDate = `${M}-10`;

    it('prepares: an undelivered celebration, and payments run for M and M+1 (a PENDING one after M)', async () => {
      // The calendar ages celebrated this year and next (the association's rule).
      const rules = new Map<number, { calendarAges: number[]; calendarAgeAtLeast: number }>();
      for (const y of [Number(TODAY.slice(0, 4)), Number(TODAY.slice(0, 4)) + 1]) {
        const q = `query Rule($y: Int!) { longevityCelebrationRule(year: $y) { calendarAges calendarAgeAtLeast } }`;
        rules.set(y, (await call('association', q, { y })).longevityCelebrationRule);
      }
      const celebrationYears = (b: Beneficiary): number[] =>
        [...rules]
          .filter(([y, r]) => {
            const age = y - yearOf(b.person.birthDate);
            return r.calendarAges.includes(age) || age >= r.calendarAgeAtLeast;
          })
          .map(([y]) => y);
      const withRecords = (b: Beneficiary) =>
        system.seed.health.records.some((r) => r.citizenId === b.person.citizenId) &&
        system.seed.association.memberships.some((m) => m.citizenId === b.person.citizenId);
      // Someone with a health record, a membership and a celebration not delivered (the seed delivers some).
      const CELEBRATION = `query C($id: ID!, $y: Int!) { person(citizenId: $id) { membership { status } longevityCelebration(year: $y) { status commune { code } } } }`;
      let found: { b: Beneficiary; year: number; recorded: boolean } | null = null;
      for (const b of beneficiaries().filter(withRecords)) {
        for (const y of celebrationYears(b)) {
          const c = (await call('association', CELEBRATION, { id: b.person.citizenId, y })).person.longevityCelebration;
          if (c && c.status !== 'DELIVERED') found = { b, year: y, recorded: c.commune !== null };
          if (found) break;
        }
        if (found) break;
      }
      if (!found)
        throw new Error(
          `the seed (200 people at ${TODAY}) has no allowance beneficiary with a health record, a membership and an undelivered celebration`,
        );
      p = take('scenario 1', (b) => b.person.citizenId === found!.b.person.citizenId);
      year = found.year;
      commune1 = p.allowance.communeCode;
      const id = p.person.citizenId;
      if (!found.recorded) {
        const RECORD = `mutation Celebrate($input: RecordCelebrationInput!) { recordCelebrationDelivery(input: $input) { status } }`;
        await call('association', RECORD, { input: { citizenId: id, year, communeCode: p.person.communeCode, status: 'PLANNED' } });
      }
      const before = (await call('association', CELEBRATION, { id, y: year })).person;
      expect(before.membership).toEqual({ status: 'ACTIVE' });
      expect(['PLANNED', 'NOT_DELIVERED']).toContain(before.longevityCelebration.status);
      expect(before.longevityCelebration.commune).not.toBeNull(); // recorded
      undelivered = before.longevityCelebration.status;

      await run(p.allowance.communeCode, M);
      await run(p.allowance.communeCode, M1);
      const lines = await payroll(p.allowance.communeCode, M1);
      expect(lines.filter((l) => l.citizenId === id).map((l) => l.status)).toEqual(['PENDING']);
      caseId = await caseIdOf(id);
      expect((await socialPerson(id)).monthlyAllowance).toMatchObject({ status: 'ACTIVE', stopMonth: null });
    });

    it('the register records the death: one PENDING entry per subscriber, nothing sent yet', async () => {
      const id = p.person.citizenId;
      expect((await recordDeath(id, deathDate)).recordDeath).toEqual({ citizenId: id, deathDate });
      const entries = await deliveriesOf(id);
      expect(Object.keys(entries).sort()).toEqual(['association', 'health', 'social']);
      for (const e of Object.values(entries))
        expect(e).toMatchObject({ state: 'PENDING', attempts: 0, eventDate: deathDate, outcome: null });
      // social has not heard of it: the case is still ACTIVE
      expect((await socialPerson(id)).monthlyAllowance.status).toBe('ACTIVE');
    });

    it('one delivery pass: social, health and association each APPLIED, the entries DELIVERED', async () => {
      expect(await deliver()).toEqual({ attempted: 3, delivered: 3, failed: 0 });
      const entries = await deliveriesOf(p.person.citizenId);
      for (const subscriber of ['social', 'health', 'association']) {
        expect(entries[subscriber]).toMatchObject({
          state: 'DELIVERED',
          outcome: 'APPLIED',
          attempts: 0,
          lastError: null,
          nextAttemptAt: null,
        });
        expect(entries[subscriber].deliveredAt).toEqual(expect.any(String));
      }
    });

    it('social: the case STOPPED for DEATH from M+1, the M+1 payment CANCELLED, funeral support >= 20 x the base level', async () => {
      const id = p.person.citizenId;
      const view = await socialPerson(id);
      expect(view.deathDate).toBe(deathDate);
      expect(view.monthlyAllowance).toMatchObject({ caseId, status: 'STOPPED', stopMonth: M1 });
      const item = view.funeralSupport;
      expect(item).toMatchObject({
        citizenId: id,
        communeCode: p.allowance.communeCode,
        deathDate,
        caseId,
        kind: 'ALLOWANCE',
        status: 'PREPARED',
      });
      // the base level in force on the date of death: the stopped case shows its last paid month (M)
      expect(item.baseLevel).toBe(view.monthlyAllowance.baseLevel);
      expect(item.baseMultiple).toBeGreaterThanOrEqual(20);
      expect(item.amount).toBeGreaterThanOrEqual(20 * item.baseLevel);
      expect(await funeralItemsOf(id, p.allowance.communeCode)).toHaveLength(1);
      // the PENDING payment of M+1 that existed is cancelled; M (the month of death) stays
      expect(view.paymentHistory.filter((x: PayrollLine) => x.month > M).map((x: PayrollLine) => [x.month, x.status])).toEqual([
        [M1, 'CANCELLED'],
      ]);
      expect(view.paymentHistory.some((x: PayrollLine) => x.month === M && x.status !== 'CANCELLED')).toBe(true);
      expect(view.paymentsAfterDeath).toEqual([]);
      expect(await storedCase(caseId)).toEqual(STOPPED_FOR_DEATH);
    });

    it('payment runs for M+1 and M+2 pay nothing to the dead person', async () => {
      const id = p.person.citizenId;
      const commune = p.allowance.communeCode;
      await run(commune, M1);
      await run(commune, M2);
      expect((await payroll(commune, M1)).filter((l) => l.citizenId === id).map((l) => l.status)).toEqual(['CANCELLED']);
      expect((await payroll(commune, M2)).filter((l) => l.citizenId === id)).toEqual([]);
      expect((await socialPerson(id)).paymentsAfterDeath).toEqual([]);
    });

    it('health: the record closed on the date of death', async () => {
      const q = `query H($id: ID!) { person(citizenId: $id) { healthRecord { closedOn closedReason } } }`;
      expect((await call('health', q, { id: p.person.citizenId })).person.healthRecord).toEqual({
        closedOn: deathDate,
        closedReason: 'DECEASED',
      });
    });

    it('association: the membership DECEASED, the undelivered celebration cancelled', async () => {
      const id = p.person.citizenId;
      const q = `query A($id: ID!, $y: Int!) { person(citizenId: $id) { membership { status endedOn } longevityCelebration(year: $y) { status } } }`;
      const view = (await call('association', q, { id, y: year })).person;
      expect(view.membership).toEqual({ status: 'DECEASED', endedOn: deathDate });
      // The graph shows no celebration for someone who died before it (by design); the stored record says why.
      expect(view.longevityCelebration).toBeNull();
      const stored: any = await system.subgraphs.association!.models.Celebration.findOne({ citizenId: id, year }).lean();
      expect(stored).toMatchObject({ status: 'CANCELLED_DECEASED', cancelledOn: deathDate, cancelledFrom: undelivered });
    });

    it('a second pass sends nothing; socialApplyDeath again is ALREADY_APPLIED and changes nothing', async () => {
      const id = p.person.citizenId;
      expect(await deliver()).toEqual({ attempted: 0, delivered: 0, failed: 0 });
      const before = await socialPerson(id);
      const eventId = (await deliveriesOf(id)).social.eventId;
      const receipt = (await call('homeaffairs', SOCIAL_APPLY, { eventId, id })).socialApplyDeath;
      expect(receipt).toEqual({
        eventId,
        citizenId: id,
        outcome: 'ALREADY_APPLIED',
        deathDate,
        stoppedCases: [],
        cancelledPayments: 0,
        funeralSupport: { amount: before.funeralSupport.amount, caseId },
      });
      expect(await socialPerson(id)).toEqual(before);
      expect(await funeralItemsOf(id)).toHaveLength(1);
      expect(await storedCase(caseId)).toEqual(STOPPED_FOR_DEATH);
    });
  });

  describe('2. order reversed: the payroll run learns the death from the register before any delivery', () => {
    let p: Beneficiary;
    let caseId: string;
    const deathDate = `${M}-20`;

    it('the run for the month after death pays nothing to the dead person and stops the case itself', async () => {
      // a commune whose M+1 has not been run yet
      p = take('scenario 2', (b) => b.allowance.communeCode !== commune1);
      const id = p.person.citizenId;
      const commune = p.allowance.communeCode;
      caseId = await caseIdOf(id);
      await recordDeath(id, deathDate);
      const pending = await deliveriesOf(id);
      expect(Object.values(pending).map((e) => e.state)).toEqual(['PENDING', 'PENDING', 'PENDING']);

      const report = await run(commune, M1);
      expect(report.stoppedForDeath).toEqual([caseId]);
      expect((await payroll(commune, M1)).filter((l) => l.citizenId === id)).toEqual([]);
      const view = await socialPerson(id);
      expect(view.monthlyAllowance).toMatchObject({ caseId, status: 'STOPPED', stopMonth: M1 });
      expect(await storedCase(caseId)).toEqual(STOPPED_FOR_DEATH);
      expect(view.funeralSupport).toMatchObject({ deathDate, caseId, status: 'PREPARED' });
      expect(view.funeralSupport.amount).toBeGreaterThanOrEqual(20 * view.funeralSupport.baseLevel);
      expect(view.paymentsAfterDeath).toEqual([]);
      // nothing was delivered meanwhile
      expect(Object.values(await deliveriesOf(id)).every((e) => e.state === 'PENDING')).toBe(true);
    });

    it('the later delivery changes nothing in social: no second funeral item, one stop', async () => {
      const id = p.person.citizenId;
      const before = await socialPerson(id);
      expect(await deliver()).toEqual({ attempted: 3, delivered: 3, failed: 0 });
      const entries = await deliveriesOf(id);
      expect(entries.social).toMatchObject({ state: 'DELIVERED' });
      expect(['ALREADY_APPLIED', 'APPLIED']).toContain(entries.social.outcome);
      expect(entries.health).toMatchObject({ state: 'DELIVERED', outcome: 'APPLIED' });
      expect(entries.association).toMatchObject({ state: 'DELIVERED' });
      expect(await socialPerson(id)).toEqual(before);
      expect(await funeralItemsOf(id)).toHaveLength(1);
      expect(await storedCase(caseId)).toEqual(STOPPED_FOR_DEATH);
    });
  });

  describe('3. a subscriber that is down gets the event later, applied once', () => {
    let p: Beneficiary;
    let caseId: string;
    const deathDate = `${M}-05`;

    it('social down: its entry fails and stays pending (one attempt, next try later); health and association delivered', async () => {
      p = take('scenario 3');
      const id = p.person.citizenId;
      caseId = await caseIdOf(id);
      await system.stopSubgraph('social');
      await recordDeath(id, deathDate);
      expect(await deliver()).toEqual({ attempted: 3, delivered: 2, failed: 1 });
      const entries = await deliveriesOf(id);
      expect(entries.health).toMatchObject({ state: 'DELIVERED', outcome: 'APPLIED' });
      expect(entries.association).toMatchObject({ state: 'DELIVERED' });
      expect(entries.social).toMatchObject({ state: 'PENDING', attempts: 1, outcome: null, deliveredAt: null });
      expect(entries.social.lastError).toMatch(/^DEPENDENCY_UNAVAILABLE/);
      // the next try is after the backoff: later than the deliveries of the same pass, and not due now
      expect(Date.parse(entries.social.nextAttemptAt!)).toBeGreaterThan(Date.parse(entries.health.deliveredAt!));
      expect(await deliver()).toEqual({ attempted: 0, delivered: 0, failed: 0 });
    });

    it('social back: a later pass (once the backoff is over) delivers it; the effect is there once', async () => {
      const id = p.person.citizenId;
      await system.restartSubgraph('social');
      // the first retry is 5 s after the failure (outbox.rules.ts): passes until it is due
      let social: Delivery | undefined;
      for (let i = 0; i < 40; i++) {
        await deliver();
        social = (await deliveriesOf(id)).social;
        if (social?.state === 'DELIVERED') break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(social).toMatchObject({ state: 'DELIVERED', outcome: 'APPLIED', attempts: 1 });
      const view = await socialPerson(id);
      expect(view.monthlyAllowance).toMatchObject({ caseId, status: 'STOPPED', stopMonth: M1 });
      expect(view.funeralSupport).toMatchObject({ deathDate, caseId, status: 'PREPARED' });
      expect(await funeralItemsOf(id)).toHaveLength(1);
      expect(await storedCase(caseId)).toEqual(STOPPED_FOR_DEATH);
      const again = (await call('homeaffairs', SOCIAL_APPLY, { eventId: social!.eventId, id })).socialApplyDeath;
      expect(again).toMatchObject({ outcome: 'ALREADY_APPLIED', stoppedCases: [], cancelledPayments: 0 });
      expect(await storedCase(caseId)).toEqual(STOPPED_FOR_DEATH);
    }, 60_000);
  });

  describe('4. the payroll run fails closed when the register is down', () => {
    it('DEPENDENCY_UNAVAILABLE, and no payment written', async () => {
      // a commune with someone to pay in M+2 whose M+2 has not been run (scenario 1 ran its commune's)
      const { allowance } = take('scenario 4', (b) => b.allowance.communeCode !== commune1);
      const commune = allowance.communeCode;
      expect(await payroll(commune, M2)).toEqual([]);

      await system.stopSubgraph('homeaffairs');
      const res = await system.query(RUN, { commune, month: M2 }, { as: 'social', purpose: 'BENEFIT_ADMINISTRATION' });
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', reason: 'SUBGRAPH_UNAVAILABLE' });
      expect(res.body.errors[0].extensions.messageEn).toBe(
        'Could not reach the resident register (home affairs) through the gateway; nothing was written; send it again',
      );

      await system.restartSubgraph('homeaffairs');
      expect(await payroll(commune, M2)).toEqual([]);
      // with the register back, the same run pays
      const report = await run(commune, M2);
      expect(report.created).toBeGreaterThan(0);
      expect((await payroll(commune, M2)).some((l) => l.citizenId === allowance.citizenId && l.status === 'PENDING')).toBe(true);
    });
  });
});

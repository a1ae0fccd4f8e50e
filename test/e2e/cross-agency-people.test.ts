import { startSystem, System } from './harness';
import { aliveOn, caseCovers, communeWithBoth, SeedView, seedView, sorted, testToday } from './cross-agency.helpers';
import { ageOn, calendarAge, monthOf, quarterOf, yearOf } from '@nct/dates';

// Cross-agency questions that produce lists of people (domain.md, "Cross-agency questions the
// dashboards must answer": 1, 2, 3, 4, 8, 9, 10), each run through the gateway with the query
// documented in docs/cross-agency.md, as a role the access model allows (a commune officer of
// the commune), and compared with an answer computed here from the seed data alone.

describe('cross-agency lists of people, end to end', () => {
  let system: System;
  let v: SeedView;
  let ASOF: string; // the seed's reference date: passed wherever the API takes a date
  let YEAR: number;
  const TODAY = testToday();

  beforeAll(async () => {
    system = await startSystem({ people: 2000 });
    v = seedView(system.seed);
    ASOF = system.seed.asOf;
    YEAR = Number(ASOF.slice(0, 4));
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  });

  const ok = (res: { status: number; body: { data?: any; errors?: any } }) => {
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    return res.body.data;
  };

  // ---- shared facts, restated from domain.md ----------------------------------------------
  /** Pension or monthly social-insurance benefit: the insurance agency's latest status on or before the day. */
  const receivesPension = (id: string, day: string): boolean => {
    const entries = (v.socialRecordOf(id)?.insurance ?? []).filter((e) => e.from <= day).sort((a, b) => a.from.localeCompare(b.from));
    const last = entries[entries.length - 1];
    return last?.status === 'PENSION' || last?.status === 'SI_MONTHLY_BENEFIT';
  };
  /** On the allowance / social pension: a case of that kind covering the month (suspended included). */
  const onCase = (id: string, kind: 'ALLOWANCE' | 'SOCIAL_PENSION', day: string): boolean =>
    v.casesOf(id).some((c) => c.kind === kind && caseCovers(c, monthOf(day)));
  const povertyIn = (id: string, year: number): string => v.socialRecordOf(id)?.poverty.find((p) => p.year === year)?.status ?? 'NONE';

  /** The commune with the longest list: the largest `_entities` batches the subgraphs answer. */
  const largest = (size: (commune: string) => number): string =>
    [...system.seed.communes].sort((a, b) => size(b.code) - size(a.code) || a.code.localeCompare(b.code))[0].code;

  it('Q1: people 80+ with no pension, no social pension and no allowance', async () => {
    // Rule (Decree 20/2021 group 5c gap): alive, a full 80 or more on the day, no pension or
    // monthly SI benefit, no social-pension case and no allowance case covering the month.
    const roster80 = (c: string) => v.peopleIn(c).filter((p) => aliveOn(p, ASOF) && ageOn(p.birthDate, ASOF) >= 80);
    const uncovered = (id: string) => !receivesPension(id, ASOF) && !onCase(id, 'ALLOWANCE', ASOF) && !onCase(id, 'SOCIAL_PENSION', ASOF);
    const mixed = communeWithBoth(
      system.seed,
      (c) => roster80(c).filter((p) => uncovered(p.citizenId)).length,
      (c) => roster80(c).filter((p) => !uncovered(p.citizenId)).length,
    );
    const big = largest((c) => roster80(c).length);
    expect(roster80(big).length).toBeGreaterThanOrEqual(20);
    // The commune's officer on the mixed commune; social staff (any commune) on the largest list.
    for (const [commune, as] of [
      [mixed, 'commune-officer'],
      [big, 'social'],
    ] as const) {
      const roster = roster80(commune);
      const expected = sorted(roster.filter((p) => uncovered(p.citizenId)).map((p) => p.citizenId));
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(roster.length);

      const data = ok(
        await system.query(
          `query Q1($commune: String!, $asOf: Date) {
            elderlyRoster(communeCode: $commune, filter: { minAge: 80, alive: true, asOf: $asOf }) {
              citizenId fullName
              socialCoverage(asOf: $asOf) { receivesPension onAllowance onSocialPension }
            }
          }`,
          { commune, asOf: ASOF },
          { as, commune: as === 'commune-officer' ? commune : undefined, purpose: 'BENEFIT_ADMINISTRATION' },
        ),
      );
      const rows = data.elderlyRoster as any[];
      // The roster: everybody alive aged 80+ in the commune, ordered by citizen ID.
      expect(rows.map((r) => r.citizenId)).toEqual(sorted(roster.map((p) => p.citizenId)));
      for (const r of rows) {
        expect(r.fullName).toBe(v.person.get(r.citizenId)!.fullName);
        expect(r.socialCoverage).toEqual({
          receivesPension: receivesPension(r.citizenId, ASOF),
          onAllowance: onCase(r.citizenId, 'ALLOWANCE', ASOF),
          onSocialPension: onCase(r.citizenId, 'SOCIAL_PENSION', ASOF),
        });
      }
      const answer = rows.filter(
        (r) => !r.socialCoverage.receivesPension && !r.socialCoverage.onAllowance && !r.socialCoverage.onSocialPension,
      );
      expect(answer.map((r) => r.citizenId)).toEqual(expected);
    }
  });

  it('Q2: poor or near-poor people aged 70-74 not on the social pension', async () => {
    // Rule (Social Insurance Law 2024, from 2025-07-01): alive, a full 70-74 on the day, the
    // household POOR or NEAR_POOR in the year, and no social-pension case covering the month.
    const band = (c: string) =>
      v.peopleIn(c).filter((p) => aliveOn(p, ASOF) && ageOn(p.birthDate, ASOF) >= 70 && ageOn(p.birthDate, ASOF) <= 74);
    const poor = (id: string) => ['POOR', 'NEAR_POOR'].includes(povertyIn(id, YEAR));
    const commune = communeWithBoth(
      system.seed,
      (c) => band(c).filter((p) => poor(p.citizenId) && !onCase(p.citizenId, 'SOCIAL_PENSION', ASOF)).length,
      (c) => band(c).filter((p) => poor(p.citizenId) && onCase(p.citizenId, 'SOCIAL_PENSION', ASOF)).length,
    );
    const big = largest((c) => band(c).length);
    expect(band(big).length).toBeGreaterThanOrEqual(20);
    for (const [c, as] of [
      [commune, 'commune-officer'],
      [big, 'social'],
    ] as const) {
      const roster = band(c);
      const expected = sorted(
        roster.filter((p) => poor(p.citizenId) && !onCase(p.citizenId, 'SOCIAL_PENSION', ASOF)).map((p) => p.citizenId),
      );
      // the chosen commune has both answers; the largest one is there for the size of its batch
      if (c === commune) expect(expected.length).toBeGreaterThan(0);

      const data = ok(
        await system.query(
          `query Q2($commune: String!, $year: Int!, $asOf: Date) {
            elderlyRoster(communeCode: $commune, filter: { minAge: 70, maxAge: 74, alive: true, asOf: $asOf }) {
              citizenId fullName
              socialCoverage(asOf: $asOf) { onSocialPension povertyStatus(year: $year) }
            }
          }`,
          { commune: c, year: YEAR, asOf: ASOF },
          { as, commune: as === 'commune-officer' ? c : undefined, purpose: 'BENEFIT_ADMINISTRATION' },
        ),
      );
      const rows = data.elderlyRoster as any[];
      expect(rows.map((r) => r.citizenId)).toEqual(sorted(roster.map((p) => p.citizenId)));
      for (const r of rows) {
        expect(r.socialCoverage).toEqual({
          onSocialPension: onCase(r.citizenId, 'SOCIAL_PENSION', ASOF),
          povertyStatus: povertyIn(r.citizenId, YEAR),
        });
      }
      const answer = rows.filter(
        (r) => ['POOR', 'NEAR_POOR'].includes(r.socialCoverage.povertyStatus) && !r.socialCoverage.onSocialPension,
      );
      expect(answer.map((r) => r.citizenId)).toEqual(expected);
      // Negative cases were there: poor people of the band already on the social pension.
      if (c === commune)
        expect(rows.some((r) => ['POOR', 'NEAR_POOR'].includes(r.socialCoverage.povertyStatus) && r.socialCoverage.onSocialPension)).toBe(
          true,
        );
    }
  });

  it('Q3: club priority members with no health check this year', async () => {
    // Rule: members flagged priority in any club of the commune who are elderly (a full 60+
    // today, from the club's copy of the birth date), with no periodic check dated in the year.
    // The commune officer sees only the derived yes/no fact (CARE_FOLLOW_UP), no health data.
    const clubCommune = new Map(system.seed.association.clubs.map((c) => [c.clubId, c.communeCode]));
    const priority = (c: string) =>
      new Set(
        system.seed.association.clubMemberships
          .filter((m) => m.priority && clubCommune.get(m.clubId) === c && ageOn(m.birthDate, TODAY) >= 60)
          .map((m) => m.citizenId),
      );
    const checkedIn = (id: string, year: number) => v.checksOf(id).some((k) => k.date.startsWith(`${year}-`));
    const commune = communeWithBoth(
      system.seed,
      (c) => [...priority(c)].filter((id) => !checkedIn(id, YEAR)).length,
      (c) => [...priority(c)].filter((id) => checkedIn(id, YEAR)).length,
    );
    const members = sorted(priority(commune));
    const expected = members.filter((id) => !checkedIn(id, YEAR));
    expect(expected.length).toBeGreaterThan(0);

    const data = ok(
      await system.query(
        `query Q3($commune: String!, $year: Int!) {
          clubPriorityMembers(communeCode: $commune) { citizenId fullName healthCheckDue(year: $year) }
        }`,
        { commune, year: YEAR },
        { as: 'commune-officer', commune, purpose: 'CARE_COORDINATION' },
      ),
    );
    const rows = data.clubPriorityMembers as any[];
    expect(rows.map((r) => r.citizenId)).toEqual(members);
    for (const r of rows) expect(r.fullName).toBe(v.person.get(r.citizenId)!.fullName);
    expect(rows.filter((r) => r.healthCheckDue === true).map((r) => r.citizenId)).toEqual(expected);
    expect(rows.filter((r) => r.healthCheckDue === false).map((r) => r.citizenId)).toEqual(members.filter((id) => checkedIn(id, YEAR)));
  });

  it('Q4: allowance recipients without a valid BHYT card', async () => {
    // Rule (Decree 20/2021: allowance recipients are entitled to a BHYT card): active allowance
    // cases of the commune whose person has no card valid on the day (both ends inclusive).
    const active = (c: string) => v.social.cases.filter((k) => k.kind === 'ALLOWANCE' && k.status === 'ACTIVE' && k.communeCode === c);
    const validCard = (id: string, day: string) => v.cardsOf(id).some((k) => k.validFrom <= day && day <= k.validTo);
    const commune = communeWithBoth(
      system.seed,
      (c) => active(c).filter((k) => !validCard(k.citizenId, ASOF)).length,
      (c) => active(c).filter((k) => validCard(k.citizenId, ASOF)).length,
    );
    const cases = active(commune);
    const expected = sorted(cases.filter((k) => !validCard(k.citizenId, ASOF)).map((k) => k.citizenId));
    expect(expected.length).toBeGreaterThan(0);

    const nodes: any[] = [];
    let after: string | null = null;
    let total = -1;
    do {
      const data = ok(
        await system.query(
          `query Q4($commune: String!, $after: String, $asOf: Date) {
            allowanceCases(filter: { communeCode: $commune, status: ACTIVE }, first: 100, after: $after) {
              totalCount pageInfo { hasNextPage endCursor }
              edges { node { citizenId group person { fullName insuranceCardValid(asOf: $asOf) } } }
            }
          }`,
          { commune, after, asOf: ASOF },
          { as: 'commune-officer', commune, purpose: 'BENEFIT_ADMINISTRATION' },
        ),
      );
      total = data.allowanceCases.totalCount;
      nodes.push(...data.allowanceCases.edges.map((e: any) => e.node));
      after = data.allowanceCases.pageInfo.hasNextPage ? data.allowanceCases.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBe(cases.length);
    expect(sorted(nodes.map((n) => `${n.citizenId}:${n.group}`))).toEqual(sorted(cases.map((k) => `${k.citizenId}:${k.group}`)));
    for (const n of nodes) expect(n.person.insuranceCardValid).toBe(validCard(n.citizenId, ASOF));
    expect(sorted(nodes.filter((n) => n.person.insuranceCardValid === false).map((n) => n.citizenId))).toEqual(expected);
  });

  it('Q8: the year’s longevity-celebration list of a commune, excluding the deceased, with status', async () => {
    // Rule (Law on the Elderly 2009, Art. 21): calendar ages 70, 75, 80, 85, 90, 95, and every
    // year from 100 (age = year - birth year); people who died are left out; the status is the
    // association's record for the year (DELIVERED / NOT_DELIVERED / PLANNED), PLANNED when none.
    const rule = ok(
      await system.query(
        `query Q8rule($year: Int!) { rule: longevityCelebrationRule(year: $year) { calendarAges calendarAgeAtLeast } }`,
        { year: YEAR },
        { as: 'commune-officer', commune: system.seed.communes[0].code },
      ),
    ).rule;
    expect(rule).toEqual({ calendarAges: [70, 75, 80, 85, 90, 95], calendarAgeAtLeast: 100 });
    const celebrated = (p: { birthDate: string }) => {
      const age = calendarAge(yearOf(p.birthDate), YEAR);
      return [70, 75, 80, 85, 90, 95].includes(age) || age >= 100;
    };
    const commune = communeWithBoth(
      system.seed,
      (c) => v.peopleIn(c).filter((p) => celebrated(p) && aliveOn(p, ASOF)).length,
      (c) => v.peopleIn(c).filter((p) => celebrated(p) && !aliveOn(p, ASOF)).length, // deceased with a celebrated age
    );
    const record = (id: string) => v.association.celebrations.find((c) => c.citizenId === id && c.year === YEAR);
    const big = largest((c) => v.peopleIn(c).filter((p) => celebrated(p) && aliveOn(p, ASOF)).length);
    // The commune's officer on a commune with deceased to leave out; association staff on the longest list.
    for (const [c, as] of [
      [commune, 'commune-officer'],
      [big, 'association'],
    ] as const) {
      const list = v.peopleIn(c).filter((p) => celebrated(p) && aliveOn(p, ASOF));
      const data = ok(
        await system.query(
          `query Q8list($commune: String!, $year: Int!, $ages: [Int!], $atLeast: Int, $asOf: Date) {
            elderlyRoster(communeCode: $commune, filter: { calendarYear: $year, calendarAges: $ages, calendarAgeAtLeast: $atLeast, alive: true, asOf: $asOf }) {
              citizenId fullName birthDate
              longevityCelebration(year: $year) { age status deliveredOn reason }
            }
          }`,
          { commune: c, year: YEAR, ages: rule.calendarAges, atLeast: rule.calendarAgeAtLeast, asOf: ASOF },
          { as, commune: as === 'commune-officer' ? c : undefined, purpose: 'ASSOCIATION_ACTIVITIES' },
        ),
      );
      const rows = data.elderlyRoster as any[];
      expect(rows.map((r) => r.citizenId)).toEqual(sorted(list.map((p) => p.citizenId)));
      for (const r of rows) {
        const rec = record(r.citizenId);
        expect(r.birthDate).toBe(v.person.get(r.citizenId)!.birthDate);
        expect(r.longevityCelebration).toEqual({
          age: calendarAge(yearOf(r.birthDate), YEAR),
          status: rec?.status ?? 'PLANNED',
          deliveredOn: rec?.deliveredOn ?? null,
          reason: rec?.reason ?? null,
        });
      }
      // Several statuses show up, and the deceased of the commune with a celebrated age are out.
      expect(new Set(rows.map((r) => r.longevityCelebration.status)).size).toBeGreaterThan(1);
      const deceased = v
        .peopleIn(c)
        .filter((p) => celebrated(p) && !aliveOn(p, ASOF))
        .map((p) => p.citizenId);
      expect(rows.filter((r) => deceased.includes(r.citizenId))).toEqual([]);
      if (c === commune) expect(deceased.length).toBeGreaterThan(0);
      if (c === big) expect(rows.length).toBeGreaterThan(10); // a real batch, not one or two people
    }
  });

  it('Q9: allowances still paid after death', async () => {
    // Rule (Decree 20/2021): payment stops from the month after death, so any payment for a
    // month after the register's death month is wrong. The list: the commune's deceased with
    // such payments (month, amount, case).
    const dead = (c: string) => v.peopleIn(c).filter((p) => !aliveOn(p, ASOF));
    const after = (p: { citizenId: string; deathDate: string | null }) =>
      v.paymentsOf(p.citizenId).filter((x) => x.month > monthOf(p.deathDate!));
    const commune = communeWithBoth(
      system.seed,
      (c) => dead(c).filter((p) => after(p).length > 0).length,
      (c) => dead(c).filter((p) => after(p).length === 0).length,
    );
    const deceased = dead(commune);

    const data = ok(
      await system.query(
        `query Q9($commune: String!) {
          elderlyRoster(communeCode: $commune, filter: { alive: false }) {
            citizenId fullName deathDate
            paymentsAfterDeath { month amount caseId kind status }
          }
        }`,
        { commune },
        { as: 'commune-officer', commune, purpose: 'BENEFIT_ADMINISTRATION' },
      ),
    );
    const rows = data.elderlyRoster as any[];
    // The roster defaults to today: everybody who died on or before today (all seeded deaths are).
    expect(rows.map((r) => r.citizenId)).toEqual(
      sorted(
        v
          .peopleIn(commune)
          .filter((p) => !aliveOn(p, TODAY))
          .map((p) => p.citizenId),
      ),
    );
    for (const r of rows) {
      const p = v.person.get(r.citizenId)!;
      expect(r.deathDate).toBe(p.deathDate);
      const expected = after(p).map((x) => ({ month: x.month, amount: x.amount, caseId: x.caseId, kind: x.kind, status: x.status }));
      expect([...r.paymentsAfterDeath].sort((a: any, b: any) => a.month.localeCompare(b.month))).toEqual(
        expected.sort((a, b) => a.month.localeCompare(b.month)),
      );
    }
    const answer = rows.filter((r) => r.paymentsAfterDeath.length > 0).map((r) => r.citizenId);
    expect(answer).toEqual(sorted(deceased.filter((p) => after(p).length > 0).map((p) => p.citizenId)));
    expect(answer.length).toBeGreaterThan(0);
    expect(answer.length).toBeLessThan(rows.length);
  });

  it('Q10: group 5a/5d beneficiaries with no home visit this quarter', async () => {
    // Rule: active allowance cases of groups 5a (poor, no supporter) and 5d (cared for in the
    // community) with no home visit recorded in the quarter.
    const quarter = quarterOf(ASOF);
    const inQuarter = (day: string) => quarterOf(day) === quarter;
    const cases = (c: string) =>
      v.social.cases.filter(
        (k) => k.kind === 'ALLOWANCE' && k.status === 'ACTIVE' && k.communeCode === c && (k.group === 'A5A' || k.group === 'A5D'),
      );
    const visited = (id: string) => v.visitsOf(id).some((x) => inQuarter(x.date));
    const commune = communeWithBoth(
      system.seed,
      (c) => cases(c).filter((k) => !visited(k.citizenId)).length,
      (c) => cases(c).filter((k) => visited(k.citizenId)).length,
    );
    const expected = sorted(
      cases(commune)
        .filter((k) => !visited(k.citizenId))
        .map((k) => k.citizenId),
    );
    expect(expected.length).toBeGreaterThan(0);

    const data = ok(
      await system.query(
        `query Q10($commune: String!, $quarter: String!, $after: String) {
          allowanceCases(filter: { communeCode: $commune, groups: [A5A, A5D], status: ACTIVE }, first: 100, after: $after) {
            totalCount pageInfo { hasNextPage endCursor }
            edges { node { citizenId group person { homeVisitedInQuarter(quarter: $quarter) } } }
          }
        }`,
        { commune, quarter, after: null },
        { as: 'commune-officer', commune, purpose: 'CARE_COORDINATION' },
      ),
    );
    const conn = data.allowanceCases;
    expect(conn.totalCount).toBe(cases(commune).length);
    expect(conn.pageInfo.hasNextPage).toBe(false);
    const nodes = conn.edges.map((e: any) => e.node);
    expect(sorted(nodes.map((n: any) => n.citizenId))).toEqual(sorted(cases(commune).map((k) => k.citizenId)));
    for (const n of nodes) expect(['A5A', 'A5D']).toContain(n.group);
    expect(sorted(nodes.filter((n: any) => n.person.homeVisitedInQuarter === false).map((n: any) => n.citizenId))).toEqual(expected);
    expect(nodes.some((n: any) => n.person.homeVisitedInQuarter === true)).toBe(true);
  });
});

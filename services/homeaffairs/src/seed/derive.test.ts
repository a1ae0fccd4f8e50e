import { generateSeed } from '@nct/seed';
import { deriveHomeaffairsSeed, SEED_PLAN_NUMBER } from './derive';
import { isOverdue } from '../plans/plans.rules';
import { termProblems } from '../organisations/organisations.rules';

describe('derived homeaffairs seed', () => {
  const data = generateSeed({ people: 200 });
  const extra = deriveHomeaffairsSeed(data);

  it('is deterministic', () => {
    expect(deriveHomeaffairsSeed(generateSeed({ people: 200 }))).toEqual(extra);
  });

  it('has the province board and one association per commune, with valid 5-year terms', () => {
    expect(extra.associationUnits).toHaveLength(1 + data.communes.length);
    expect(extra.associationUnits[0]).toMatchObject({ adminUnitCode: '12', level: 'PROVINCE', type: 'REPRESENTATIVE_BOARD' });
    for (const u of extra.associationUnits) {
      const terms = extra.leadershipTerms.filter((t) => t.adminUnitCode === u.adminUnitCode);
      expect(terms.length).toBeGreaterThanOrEqual(1);
      terms.forEach((t, i) => {
        expect(termProblems(t, { establishedOn: u.establishment.date, otherTerms: terms.slice(0, i), today: data.asOf })).toEqual([]);
      });
    }
  });

  it('has the Conclusion 58 plan with ~15 tasks in every state, some overdue and some not', () => {
    expect(extra.plans).toHaveLength(1);
    expect(extra.plans[0].legalBasis[0]).toMatch(/58-KL\/TW/);
    const tasks = extra.planTasks.filter((t) => t.planNumber === SEED_PLAN_NUMBER);
    expect(tasks).toHaveLength(15);
    expect(new Set(tasks.map((t) => t.status))).toEqual(new Set(['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED']));
    const overdue = tasks.filter((t) => isOverdue(t, data.asOf));
    expect(overdue.length).toBeGreaterThan(2);
    expect(overdue.length).toBeLessThan(tasks.length - 2);
    for (const t of tasks) for (const r of t.reports) expect(r.date <= data.asOf).toBe(true);
  });
});

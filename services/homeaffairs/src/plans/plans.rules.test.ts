import {
  allowedTransitions,
  isOverdue,
  planProblems,
  planProgressOf,
  reportProblems,
  taskProblems,
  validateTaskStatusRules,
} from './plans.rules';
import { TASK_STATUS_RULES } from './rules/task-status';

describe('task status transitions (NOT_STARTED -> IN_PROGRESS -> DONE; any -> CANCELLED)', () => {
  it.each([
    ['NOT_STARTED', ['IN_PROGRESS', 'CANCELLED']],
    ['IN_PROGRESS', ['DONE', 'CANCELLED']],
    ['DONE', ['CANCELLED']],
    ['CANCELLED', []],
  ] as const)('%s -> %j', (from, to) => {
    expect(allowedTransitions(from, '2026-11-01')).toEqual(to);
  });

  it.each([
    ['missing state', [{ ...TASK_STATUS_RULES[0], transitions: { ...TASK_STATUS_RULES[0].transitions, DONE: undefined as never } }]],
    ['to itself', [{ ...TASK_STATUS_RULES[0], transitions: { ...TASK_STATUS_RULES[0].transitions, DONE: ['DONE' as const] } }]],
    ['unknown status', [{ ...TASK_STATUS_RULES[0], open: ['WAITING' as never] }]],
    ['no legal act', [{ ...TASK_STATUS_RULES[0], legalAct: '' }]],
  ])('refuses a malformed table: %s', (_l, rows) => {
    expect(() => validateTaskStatusRules(rows)).toThrow(/rule table task-status/);
  });
});

describe('overdue and progress (Q13)', () => {
  const tasks = [
    { leadAgency: 'SOCIAL' as const, status: 'IN_PROGRESS' as const, deadline: '2026-10-31' }, // overdue
    { leadAgency: 'SOCIAL' as const, status: 'NOT_STARTED' as const, deadline: '2026-11-01' }, // due today: not yet
    { leadAgency: 'HEALTH' as const, status: 'DONE' as const, deadline: '2026-01-01' }, // done: never overdue
    { leadAgency: 'HEALTH' as const, status: 'CANCELLED' as const, deadline: '2026-01-01' },
    { leadAgency: 'OTHER' as const, status: 'NOT_STARTED' as const, deadline: '2025-01-01' }, // overdue
  ];
  it('counts by lead agency and status, overdue by agency', () => {
    expect(tasks.map((t) => isOverdue(t, '2026-11-01'))).toEqual([true, false, false, false, true]);
    expect(planProgressOf(tasks, '2026-11-01')).toEqual({
      totalTasks: 5,
      cells: [
        { leadAgency: 'SOCIAL', status: 'NOT_STARTED', count: 1 },
        { leadAgency: 'SOCIAL', status: 'IN_PROGRESS', count: 1 },
        { leadAgency: 'HEALTH', status: 'DONE', count: 1 },
        { leadAgency: 'HEALTH', status: 'CANCELLED', count: 1 },
        { leadAgency: 'OTHER', status: 'NOT_STARTED', count: 1 },
      ],
      overdue: [
        { leadAgency: 'SOCIAL', count: 1 },
        { leadAgency: 'OTHER', count: 1 },
      ],
      overdueTotal: 2,
    });
  });
});

describe('plan, task and report inputs', () => {
  const plan = {
    planNumber: '125/KH-UBND',
    title: 'Kế hoạch thực hiện Kết luận 58-KL/TW',
    date: '2023-12-15',
    issuingBody: 'UBND tỉnh Lai Châu',
    legalBasis: ['Kết luận 58-KL/TW'],
  };
  it.each([
    [{ planNumber: '125-KH' }, 'planNumber'],
    [{ planNumber: '{"$gt":""}' }, 'planNumber'],
    [{ date: '2023-02-29' }, 'date'],
    [{ date: '2027-01-01' }, 'date'],
    [{ legalBasis: [] }, 'legalBasis'],
    [{ title: ' ' }, 'title'],
  ])('refuses plan %j', (change, field) => {
    expect(planProblems({ ...plan, ...change }, '2026-11-01').map((p) => p.field)).toContain(field);
  });

  const task = {
    taskNo: 1,
    title: 'Rà soát',
    leadAgency: 'HOME_AFFAIRS' as const,
    cooperatingAgencies: ['ASSOCIATION' as const],
    deadline: '2024-06-30',
  };
  it.each([
    [{ taskNo: 0 }, 'taskNo'],
    [{ leadAgency: 'OTHER' as const }, 'leadBody'],
    [{ leadBody: 'Sở Tài chính' }, 'leadBody'],
    [{ cooperatingAgencies: ['HOME_AFFAIRS' as const] }, 'cooperatingAgencies'],
    [{ cooperatingAgencies: ['SOCIAL' as const, 'SOCIAL' as const] }, 'cooperatingAgencies'],
    [{ deadline: '2023-12-14' }, 'deadline'],
    [{ deadline: '2024-04-31' }, 'deadline'],
  ])('refuses task %j', (change, field) => {
    expect(taskProblems({ ...task, ...change }, plan.date).map((p) => p.field)).toContain(field);
  });
  it('accepts a task led by another body', () => {
    expect(taskProblems({ ...task, leadAgency: 'OTHER', leadBody: 'Sở Tài chính' }, plan.date)).toEqual([]);
  });

  it.each([
    [{ percent: 101 }, 'percent'],
    [{ percent: 50.5 }, 'percent'],
    [{ date: '2026-11-02' }, 'date'],
    [{ date: '2023-12-01' }, 'date'],
    [{ text: '' }, 'text'],
  ])('refuses report %j', (change, field) => {
    const input = { date: '2026-10-01', text: 'Đã triển khai', percent: 50, ...change };
    expect(reportProblems({ status: 'IN_PROGRESS', reports: [] }, input, plan.date, '2026-11-01').map((p) => p.field)).toContain(field);
  });
  it('refuses a report on a cancelled task', () => {
    expect(
      reportProblems({ status: 'CANCELLED', reports: [] }, { date: '2026-10-01', text: 'x', percent: 1 }, plan.date, '2026-11-01').map(
        (p) => p.field,
      ),
    ).toEqual(['status']);
  });
});

import { isIsoDate } from '@nct/dates';
import { datedTable, type DatedTable, type Problem } from '@nct/rules';
import type { Agency, PlanTaskDoc, TaskStatus } from './plan.model';
import { TASK_STATUS_RULES, type TaskStatusRule } from './rules/task-status';

export const STATUSES: readonly TaskStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED'];
export const AGENCIES: readonly Agency[] = ['SOCIAL', 'HEALTH', 'HOME_AFFAIRS', 'ASSOCIATION', 'OTHER'];
export const MAX_TASKS_PER_PLAN = 200;
export const MAX_REPORTS_PER_TASK = 200;

export function validateTaskStatusRules(rows: readonly TaskStatusRule[]): DatedTable<TaskStatusRule> {
  return datedTable(rows, {
    name: 'task-status',
    check: (r) => {
      const problems: string[] = [];
      for (const s of STATUSES) {
        const to = r.transitions[s];
        if (!Array.isArray(to)) problems.push(`no transitions for ${s}`);
        else if (to.some((t) => !STATUSES.includes(t) || t === s)) problems.push(`bad transition from ${s}`);
      }
      if (r.open.some((s) => !STATUSES.includes(s)) || r.reportable.some((s) => !STATUSES.includes(s))) problems.push('unknown status');
      return problems;
    },
  });
}

/** Validated at load: a malformed table stops the service. */
export const STATUS_RULES = validateTaskStatusRules(TASK_STATUS_RULES);

function rule(date: string): TaskStatusRule {
  return STATUS_RULES.on(date) ?? STATUS_RULES[0];
}

/** The statuses a task may move to from `from` on `date`. */
export function allowedTransitions(from: TaskStatus, date: string): readonly TaskStatus[] {
  return rule(date).transitions[from];
}

/** Overdue on `asOf`: deadline passed (strictly before asOf) and still open. */
export function isOverdue(task: Pick<PlanTaskDoc, 'deadline' | 'status'>, asOf: string): boolean {
  return task.deadline < asOf && rule(asOf).open.includes(task.status);
}

export function canReport(status: TaskStatus, date: string): boolean {
  return rule(date).reportable.includes(status);
}

export function taskKey(planNumber: string, taskNo: number): string {
  return `${planNumber}#${String(taskNo).padStart(4, '0')}`;
}

const text = (field: string, value: string | null | undefined, max: number, problems: Problem[]) => {
  const v = (value ?? '').normalize('NFC').trim();
  if (v.length === 0 || v.length > max)
    problems.push({ field, vi: `${field} phải có 1-${max} ký tự`, en: `${field} must be 1-${max} characters` });
};

/** Plan numbers as written on Vietnamese documents: '125/KH-UBND'. */
export const PLAN_NUMBER = /^[0-9]{1,5}\/[A-ZĐ0-9-]{2,30}$/u;

export interface PlanInput {
  planNumber: string;
  title: string;
  date: string;
  issuingBody: string;
  legalBasis: string[];
}

export function planProblems(input: PlanInput, today: string): Problem[] {
  const problems: Problem[] = [];
  if (!PLAN_NUMBER.test(input.planNumber)) {
    problems.push({ field: 'planNumber', vi: 'Số kế hoạch dạng "125/KH-UBND"', en: 'planNumber must look like "125/KH-UBND"' });
  }
  text('title', input.title, 500, problems);
  text('issuingBody', input.issuingBody, 200, problems);
  if (!isIsoDate(input.date) || input.date > today)
    problems.push({ field: 'date', vi: 'Ngày kế hoạch không hợp lệ hoặc ở tương lai', en: 'date is not a valid past date' });
  if (input.legalBasis.length === 0 || input.legalBasis.length > 20) {
    problems.push({ field: 'legalBasis', vi: 'Cần 1-20 căn cứ pháp lý', en: 'legalBasis must hold 1-20 entries' });
  }
  input.legalBasis.slice(0, 21).forEach((b) => text('legalBasis', b, 300, problems));
  return problems;
}

export interface TaskInput {
  taskNo: number;
  title: string;
  leadAgency: Agency;
  leadBody?: string | null;
  cooperatingAgencies?: Agency[] | null;
  cooperatingBodies?: string[] | null;
  deadline: string;
}

export function taskProblems(input: TaskInput, planDate: string): Problem[] {
  const problems: Problem[] = [];
  if (!Number.isInteger(input.taskNo) || input.taskNo < 1 || input.taskNo > MAX_TASKS_PER_PLAN) {
    problems.push({ field: 'taskNo', vi: `Số thứ tự từ 1 đến ${MAX_TASKS_PER_PLAN}`, en: `taskNo must be 1-${MAX_TASKS_PER_PLAN}` });
  }
  text('title', input.title, 500, problems);
  if (input.leadAgency === 'OTHER') text('leadBody', input.leadBody, 200, problems);
  else if (input.leadBody != null && input.leadBody.trim() !== '') {
    problems.push({ field: 'leadBody', vi: 'Chỉ nêu leadBody khi leadAgency là OTHER', en: 'leadBody is only for leadAgency OTHER' });
  }
  const co = input.cooperatingAgencies ?? [];
  if (co.length > AGENCIES.length || new Set(co).size !== co.length || (co.includes(input.leadAgency) && input.leadAgency !== 'OTHER')) {
    problems.push({
      field: 'cooperatingAgencies',
      vi: 'Cơ quan phối hợp trùng lặp hoặc trùng cơ quan chủ trì',
      en: 'Co-operating agencies repeat, or repeat the lead agency',
    });
  }
  const bodies = input.cooperatingBodies ?? [];
  if (bodies.length > 20) problems.push({ field: 'cooperatingBodies', vi: 'Tối đa 20 cơ quan', en: 'At most 20 bodies' });
  bodies.slice(0, 21).forEach((b) => text('cooperatingBodies', b, 200, problems));
  if (!isIsoDate(input.deadline) || input.deadline < planDate) {
    problems.push({
      field: 'deadline',
      vi: 'Thời hạn không hợp lệ hoặc trước ngày kế hoạch',
      en: 'deadline is not a valid date on or after the plan date',
    });
  }
  return problems;
}

export interface ReportInput {
  date: string;
  text: string;
  percent: number;
}

/** A progress report: a real date between the plan date and today, 0-100 %, a text. */
export function reportProblems(
  task: Pick<PlanTaskDoc, 'status' | 'reports'>,
  input: ReportInput,
  planDate: string,
  today: string,
): Problem[] {
  const problems: Problem[] = [];
  if (!isIsoDate(input.date) || input.date > today || input.date < planDate) {
    problems.push({
      field: 'date',
      vi: 'Ngày báo cáo không hợp lệ, ở tương lai hoặc trước ngày kế hoạch',
      en: 'Report date is invalid, in the future or before the plan date',
    });
  }
  if (!Number.isInteger(input.percent) || input.percent < 0 || input.percent > 100) {
    problems.push({ field: 'percent', vi: 'Tỷ lệ hoàn thành từ 0 đến 100', en: 'percent must be 0-100' });
  }
  text('text', input.text, 2000, problems);
  if (!canReport(task.status, today)) {
    problems.push({
      field: 'status',
      vi: `Không báo cáo tiến độ cho nhiệm vụ ${task.status}`,
      en: `No progress reports on a ${task.status} task`,
    });
  }
  if (task.reports.length >= MAX_REPORTS_PER_TASK) {
    problems.push({ field: 'reports', vi: `Tối đa ${MAX_REPORTS_PER_TASK} báo cáo`, en: `At most ${MAX_REPORTS_PER_TASK} reports` });
  }
  return problems;
}

export interface ProgressCell {
  leadAgency: Agency;
  status: TaskStatus;
  count: number;
}

/** Q13: tasks counted by lead agency and status, and overdue counts by lead agency. */
export function planProgressOf(tasks: ReadonlyArray<Pick<PlanTaskDoc, 'leadAgency' | 'status' | 'deadline'>>, asOf: string) {
  const cells: ProgressCell[] = [];
  const overdue: Array<{ leadAgency: Agency; count: number }> = [];
  for (const a of AGENCIES) {
    for (const s of STATUSES) {
      const n = tasks.filter((t) => t.leadAgency === a && t.status === s).length;
      if (n > 0) cells.push({ leadAgency: a, status: s, count: n });
    }
    const o = tasks.filter((t) => t.leadAgency === a && isOverdue(t, asOf)).length;
    if (o > 0) overdue.push({ leadAgency: a, count: o });
  }
  return { totalTasks: tasks.length, cells, overdue, overdueTotal: overdue.reduce((n, o) => n + o.count, 0) };
}

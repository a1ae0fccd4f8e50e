import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError, ConflictError, isDuplicateKeyError, NotFoundError } from '@nct/errors';
import {
  Access,
  dateArg,
  DateScalar,
  idempotencyKeyArg,
  idempotent,
  inTransaction,
  pageRequest,
  RequestContext,
  toConnection,
} from '@nct/subgraph-kit';
import { type Problem, refuse } from '@nct/rules';
import type { Models } from '../models';
import { indexedMatch } from '../queries';
import {
  AgencyEnum,
  ImplementationPlan,
  ImplementationPlanInput,
  PlanProgress,
  PlanTask,
  PlanTaskConnection,
  PlanTaskInput,
  ProgressReportInput,
  TaskStatusEnum,
} from './plan';
import type { Agency, PlanDoc, PlanTaskDoc, TaskStatus } from './plan.model';
import {
  allowedTransitions,
  isOverdue,
  MAX_TASKS_PER_PLAN,
  PLAN_NUMBER,
  planProblems,
  planProgressOf,
  reportProblems,
  STATUS_RULES,
  taskKey,
  taskProblems,
} from './plans.rules';

const NO_META = { _id: 0, createdAt: 0, updatedAt: 0 } as const;

/** A task list's filter: `core` served by an index of plan_tasks (plan.model.ts), `rest` applied after. */
interface TaskFilter {
  core: Record<string, unknown>;
  rest: Record<string, unknown>;
}
const normalize = (s: string) => s.normalize('NFC').trim();
const IDEMPOTENCY_KEY = {
  nullable: true,
  description:
    'Khóa chống trùng (8-128 ký tự): gửi lại cùng khóa trả về kết quả lần đầu. / Idempotency key (8-128 characters): a repeat returns the first result.',
} as const;

function checkPlanNumber(planNumber: string): string {
  if (!PLAN_NUMBER.test(planNumber)) {
    throw new BadUserInputError(
      { vi: 'Số kế hoạch dạng "125/KH-UBND"', en: 'planNumber must look like "125/KH-UBND"' },
      { argument: 'planNumber' },
    );
  }
  return planNumber;
}

function taskDoc(planNumber: string, t: PlanTaskInput, today: string): PlanTaskDoc {
  return {
    taskKey: taskKey(planNumber, t.taskNo),
    planNumber,
    taskNo: t.taskNo,
    title: normalize(t.title),
    leadAgency: t.leadAgency,
    leadBody: t.leadAgency === 'OTHER' ? normalize(t.leadBody ?? '') : null,
    cooperatingAgencies: t.cooperatingAgencies ?? [],
    cooperatingBodies: (t.cooperatingBodies ?? []).map(normalize),
    deadline: t.deadline,
    status: 'NOT_STARTED',
    statusChangedOn: today,
    reports: [],
  };
}

@ArgsType()
class TaskListArgs {
  @Field(() => Int, { nullable: true, description: 'Số phần tử mỗi trang (1-100). / Page size, 1-100.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Con trỏ. / Cursor.' })
  after?: string | null;
}

@Resolver(() => ImplementationPlan)
export class PlanResolver {
  constructor(private readonly models: Models) {}

  private async plan(planNumber: string): Promise<PlanDoc> {
    const plan = await this.models.Plan.findOne({ planNumber: checkPlanNumber(planNumber) }, NO_META).lean<PlanDoc>();
    if (!plan) throw new NotFoundError({ vi: `Không có kế hoạch ${planNumber}`, en: `No plan ${planNumber}` });
    return plan;
  }

  private async task(planNumber: string, taskNo: number): Promise<PlanTaskDoc> {
    const task = await this.models.PlanTask.findOne({ taskKey: taskKey(checkPlanNumber(planNumber), taskNo) }, NO_META).lean<PlanTaskDoc>();
    if (!task)
      throw new NotFoundError({
        vi: `Không có nhiệm vụ ${taskNo} của kế hoạch ${planNumber}`,
        en: `No task ${taskNo} in plan ${planNumber}`,
      });
    return task;
  }

  @Access('ORGANISATION')
  @Query(() => [ImplementationPlan], {
    description: 'Các kế hoạch triển khai (mới trước; tối đa 100). / Implementation plans, newest first (max 100).',
  })
  implementationPlans(): Promise<PlanDoc[]> {
    return this.models.Plan.find({}, NO_META).sort({ date: -1 }).limit(100).lean<PlanDoc[]>();
  }

  @Access('ORGANISATION')
  @Query(() => ImplementationPlan, { nullable: true, description: 'Một kế hoạch theo số. / One plan by number.' })
  implementationPlan(@Arg('planNumber', () => ID) planNumber: string): Promise<PlanDoc | null> {
    return this.models.Plan.findOne({ planNumber: checkPlanNumber(planNumber) }, NO_META).lean<PlanDoc>();
  }

  @Access('ORGANISATION')
  @Query(() => PlanTaskConnection, { description: 'Nhiệm vụ của một kế hoạch, theo số thứ tự. / Tasks of a plan, by number.' })
  async planTasks(
    @Arg('planNumber', () => ID) planNumber: string,
    @Arg('status', () => TaskStatusEnum, { nullable: true }) status: TaskStatus | null,
    @Arg('leadAgency', () => AgencyEnum, { nullable: true }) leadAgency: Agency | null,
    @Args() { first, after }: TaskListArgs,
  ): Promise<PlanTaskConnection> {
    const page = pageRequest(first, after);
    const rest: Record<string, unknown> = {};
    if (status) rest.status = status;
    if (leadAgency) rest.leadAgency = leadAgency;
    return this.page({ core: { planNumber: checkPlanNumber(planNumber) }, rest }, page);
  }

  @Access('ORGANISATION')
  @Query(() => PlanTaskConnection, {
    description:
      'Nhiệm vụ quá hạn vào ngày asOf (mặc định hôm nay): hạn đã qua, chưa hoàn thành, chưa hủy; lọc theo cơ quan chủ trì. / Overdue tasks on asOf (deadline passed, not done or cancelled), optionally of one lead agency.',
  })
  async overdueTasks(
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Arg('agency', () => AgencyEnum, { nullable: true }) agency: Agency | null,
    @Args() { first, after }: TaskListArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<PlanTaskConnection> {
    const date = dateArg(asOf, 'asOf', ctx.today);
    const page = pageRequest(first, after);
    const open = STATUS_RULES[STATUS_RULES.length - 1].open;
    const rest: Record<string, unknown> = { status: { $in: [...open] } };
    if (agency) rest.leadAgency = agency;
    return this.page({ core: { deadline: { $lt: date } }, rest }, page);
  }

  /** A page of tasks in task-key order: the indexed core (plan, or deadline), the rest, the cursor. */
  private async page(filter: TaskFilter, page: { limit: number; afterKey: string | null }): Promise<PlanTaskConnection> {
    const rest = page.afterKey ? { ...filter.rest, taskKey: { $gt: page.afterKey } } : filter.rest;
    const rows = await this.models.PlanTask.aggregate<PlanTaskDoc>([
      ...indexedMatch(filter.core, rest),
      { $sort: { taskKey: 1 } },
      { $limit: page.limit + 1 },
      { $project: NO_META },
    ]);
    return toConnection(PlanTaskConnection, rows, page.limit, (r) => r.taskKey, { ...filter });
  }

  @Access('ORGANISATION')
  @Query(() => PlanProgress, {
    description:
      'Câu hỏi 13: nhiệm vụ theo cơ quan chủ trì và trạng thái, số quá hạn vào ngày asOf. / Q13: tasks by lead agency and status, overdue counts on asOf.',
  })
  async planProgress(
    @Arg('planNumber', () => ID) planNumber: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PlanProgress> {
    const date = dateArg(asOf, 'asOf', ctx.today);
    await this.plan(planNumber);
    const tasks = await this.models.PlanTask.find({ planNumber }, { _id: 0, leadAgency: 1, status: 1, deadline: 1 }).lean<PlanTaskDoc[]>();
    const p = planProgressOf(tasks, date);
    return Object.assign(new PlanProgress(), {
      planNumber,
      asOf: date,
      totalTasks: p.totalTasks,
      byAgencyStatus: p.cells,
      overdueByAgency: p.overdue,
      overdueTotal: p.overdueTotal,
    });
  }

  @Access('ORGANISATION_WRITE')
  @Mutation(() => ImplementationPlan, {
    description:
      'Ghi một kế hoạch triển khai với phụ lục nhiệm vụ (tất cả chưa triển khai). / Record a plan with its task appendix (all NOT_STARTED).',
  })
  async createImplementationPlan(
    @Arg('input', () => ImplementationPlanInput) input: ImplementationPlanInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey?: string | null,
  ): Promise<PlanDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    const today = ctx.today;
    const tasks = input.tasks ?? [];
    const problems: Problem[] = planProblems(input, today);
    if (tasks.length > MAX_TASKS_PER_PLAN)
      problems.push({ field: 'tasks', vi: `Tối đa ${MAX_TASKS_PER_PLAN} nhiệm vụ`, en: `At most ${MAX_TASKS_PER_PLAN} tasks` });
    else tasks.forEach((t, i) => problems.push(...taskProblems(t, input.date).map((p) => ({ ...p, field: `tasks[${i}].${p.field}` }))));
    if (new Set(tasks.map((t) => t.taskNo)).size !== tasks.length)
      problems.push({ field: 'tasks', vi: 'Số thứ tự nhiệm vụ trùng', en: 'Task numbers repeat' });
    if (problems.length) refuse(problems);
    const plan: PlanDoc = {
      planNumber: input.planNumber,
      title: normalize(input.title),
      date: input.date,
      issuingBody: normalize(input.issuingBody),
      legalBasis: input.legalBasis.map(normalize),
    };
    // the plan and its tasks are written together or not at all
    const db = this.models.Plan.db;
    return idempotent(ctx, db, { operation: 'createImplementationPlan', key, input }, async () => {
      try {
        await inTransaction(db, async () => {
          await this.models.Plan.create([plan]);
          if (tasks.length) await this.models.PlanTask.insertMany(tasks.map((t) => taskDoc(plan.planNumber, t, today)));
        });
      } catch (err) {
        if (isDuplicateKeyError(err)) {
          throw new ConflictError(
            {
              vi: `Kế hoạch ${input.planNumber} hoặc nhiệm vụ của nó đã có`,
              en: `Plan ${input.planNumber} or one of its tasks already exists`,
            },
            { field: 'planNumber' },
          );
        }
        throw err;
      }
      return plan;
    });
  }

  @Access('ORGANISATION_WRITE')
  @Mutation(() => PlanTask, { description: "Thêm một nhiệm vụ vào phụ lục kế hoạch. / Add a task to a plan's appendix." })
  async addPlanTask(
    @Arg('planNumber', () => ID) planNumber: string,
    @Arg('input', () => PlanTaskInput) input: PlanTaskInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey?: string | null,
  ): Promise<PlanTaskDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    return idempotent(ctx, this.models.PlanTask.db, { operation: 'addPlanTask', key, input: { planNumber, input } }, () =>
      this.addTask(planNumber, input, ctx.today),
    );
  }

  private async addTask(planNumber: string, input: PlanTaskInput, today: string): Promise<PlanTaskDoc> {
    const plan = await this.plan(planNumber);
    const problems = taskProblems(input, plan.date);
    if (problems.length) refuse(problems);
    const doc = taskDoc(plan.planNumber, input, today);
    try {
      await this.models.PlanTask.create([doc]);
    } catch (err) {
      if (isDuplicateKeyError(err))
        throw new ConflictError({ vi: `Nhiệm vụ ${input.taskNo} đã có`, en: `Task ${input.taskNo} already exists` }, { field: 'taskNo' });
      throw err;
    }
    return doc;
  }

  @Access('ORGANISATION_WRITE')
  @Mutation(() => PlanTask, {
    description:
      "Đổi trạng thái nhiệm vụ: NOT_STARTED -> IN_PROGRESS -> DONE; bất kỳ -> CANCELLED; chuyển sai bị từ chối kèm các trạng thái được phép. / Change a task's status; invalid transitions are refused with the allowed ones.",
  })
  async changeTaskStatus(
    @Arg('planNumber', () => ID) planNumber: string,
    @Arg('taskNo', () => Int) taskNo: number,
    @Arg('status', () => TaskStatusEnum) status: TaskStatus,
    @Ctx() ctx: RequestContext,
  ): Promise<PlanTaskDoc> {
    const task = await this.task(planNumber, taskNo);
    const today = ctx.today;
    // already in that status (a repeat): the task as it is, nothing written
    if (task.status === status) return task;
    const allowed = allowedTransitions(task.status, today);
    if (!allowed.includes(status)) {
      throw new BadUserInputError(
        {
          vi: `Không thể chuyển từ ${task.status} sang ${status}; được phép: ${allowed.join(', ') || '(không)'}`,
          en: `Cannot move from ${task.status} to ${status}; allowed: ${allowed.join(', ') || '(none)'}`,
        },
        { argument: 'status', from: task.status, allowed: [...allowed] },
      );
    }
    // conditional on the status read: a concurrent change makes this one a conflict
    const result = await this.models.PlanTask.updateOne(
      { taskKey: task.taskKey, status: task.status },
      { $set: { status, statusChangedOn: today } },
    );
    if (result.modifiedCount !== 1)
      throw new ConflictError({ vi: 'Nhiệm vụ vừa được cập nhật; hãy thử lại', en: 'The task was changed meanwhile; try again' });
    return { ...task, status, statusChangedOn: today };
  }

  @Access('ORGANISATION_WRITE')
  @Mutation(() => PlanTask, { description: 'Ghi một báo cáo tiến độ (ngày, nội dung, %). / File a progress report (date, text, percent).' })
  async reportTaskProgress(
    @Arg('planNumber', () => ID) planNumber: string,
    @Arg('taskNo', () => Int) taskNo: number,
    @Arg('input', () => ProgressReportInput) input: ProgressReportInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey?: string | null,
  ): Promise<PlanTaskDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    return idempotent(ctx, this.models.PlanTask.db, { operation: 'reportTaskProgress', key, input: { planNumber, taskNo, input } }, () =>
      this.fileReport(planNumber, taskNo, input, ctx.today),
    );
  }

  private async fileReport(planNumber: string, taskNo: number, input: ProgressReportInput, today: string): Promise<PlanTaskDoc> {
    const plan = await this.plan(planNumber);
    const task = await this.task(planNumber, taskNo);
    const problems = reportProblems(task, input, plan.date, today);
    if (problems.length) refuse(problems);
    const report = { date: input.date, text: normalize(input.text), percent: input.percent };
    const result = await this.models.PlanTask.updateOne({ taskKey: task.taskKey, status: task.status }, { $push: { reports: report } });
    if (result.modifiedCount !== 1)
      throw new ConflictError({ vi: 'Nhiệm vụ vừa được cập nhật; hãy thử lại', en: 'The task was changed meanwhile; try again' });
    return { ...task, reports: [...task.reports, report] };
  }
}

@Resolver(() => PlanTask)
export class PlanTaskFieldsResolver {
  @FieldResolver(() => Int, { nullable: true })
  latestPercent(@Root() task: PlanTaskDoc): number | null {
    const latest = [...task.reports].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).pop();
    return latest ? latest.percent : null;
  }

  @FieldResolver(() => Boolean)
  overdue(@Root() task: PlanTaskDoc, @Ctx() ctx: RequestContext): boolean {
    return isOverdue(task, ctx.today);
  }

  @FieldResolver(() => [TaskStatusEnum])
  allowedTransitions(@Root() task: PlanTaskDoc, @Ctx() ctx: RequestContext): readonly TaskStatus[] {
    return allowedTransitions(task.status, ctx.today);
  }
}

@Resolver(() => PlanTaskConnection)
export class PlanTaskConnectionResolver {
  constructor(private readonly models: Models) {}

  @Access('ORGANISATION')
  @FieldResolver(() => Int, { description: 'Tổng số nhiệm vụ khớp bộ lọc. / Number of tasks matching the filter.' })
  async totalCount(@Root() connection: PlanTaskConnection): Promise<number> {
    const filter = connection.filterQuery as unknown as TaskFilter;
    const [row] = await this.models.PlanTask.aggregate<{ n: number }>([...indexedMatch(filter.core, filter.rest), { $count: 'n' }]);
    return row?.n ?? 0;
  }
}

import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Access, ConnectionType, DateScalar } from '@nct/subgraph-kit';
import type { Agency, TaskStatus } from './plan.model';

export enum AgencyEnum {
  SOCIAL = 'SOCIAL',
  HEALTH = 'HEALTH',
  HOME_AFFAIRS = 'HOME_AFFAIRS',
  ASSOCIATION = 'ASSOCIATION',
  OTHER = 'OTHER',
}
registerEnumType(AgencyEnum, {
  name: 'Agency',
  description:
    'Cơ quan: Sở LĐ-TB&XH (SOCIAL), Sở Y tế (HEALTH), Sở Nội vụ (HOME_AFFAIRS), Hội NCT (ASSOCIATION), cơ quan khác (OTHER). / Agency.',
});

export enum TaskStatusEnum {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TaskStatusEnum, {
  name: 'TaskStatus',
  description: 'Trạng thái nhiệm vụ: chưa triển khai, đang thực hiện, hoàn thành, hủy. / Task status.',
});

@ObjectType({ description: 'Báo cáo tiến độ một nhiệm vụ. / A progress report on a task.' })
export class ProgressReport {
  @Access('ORGANISATION')
  @Field(() => DateScalar, { description: 'Ngày báo cáo. / Report date.' })
  date!: string;

  @Access('ORGANISATION')
  @Field({ description: 'Nội dung. / Text.' })
  text!: string;

  @Access('ORGANISATION')
  @Field(() => Int, { description: 'Tỷ lệ hoàn thành (%). / Percent complete.' })
  percent!: number;
}

@ObjectType({ description: "Một nhiệm vụ trong phụ lục kế hoạch. / A task of a plan's appendix." })
export class PlanTask {
  @Field(() => ID, { description: 'Số kế hoạch. / Plan number.' })
  planNumber!: string;

  @Field(() => Int, { description: 'Số thứ tự nhiệm vụ. / Task number.' })
  taskNo!: number;

  @Access('ORGANISATION')
  @Field({ description: 'Nội dung nhiệm vụ. / Task.' })
  title!: string;

  @Access('ORGANISATION')
  @Field(() => AgencyEnum, { description: 'Cơ quan chủ trì. / Lead agency.' })
  leadAgency!: Agency;

  @Access('ORGANISATION')
  @Field(() => String, { nullable: true, description: 'Tên cơ quan chủ trì khi là cơ quan khác. / Lead body when OTHER.' })
  leadBody!: string | null;

  @Access('ORGANISATION')
  @Field(() => [AgencyEnum], { description: 'Cơ quan phối hợp. / Co-operating agencies.' })
  cooperatingAgencies!: Agency[];

  @Access('ORGANISATION')
  @Field(() => [String], { description: 'Cơ quan phối hợp khác. / Other co-operating bodies.' })
  cooperatingBodies!: string[];

  @Access('ORGANISATION')
  @Field(() => DateScalar, { description: 'Thời hạn. / Deadline.' })
  deadline!: string;

  @Access('ORGANISATION')
  @Field(() => TaskStatusEnum, { description: 'Trạng thái. / Status.' })
  status!: TaskStatus;

  @Access('ORGANISATION')
  @Field(() => DateScalar, { description: 'Ngày đổi trạng thái gần nhất. / Date of the last status change.' })
  statusChangedOn!: string;

  @Access('ORGANISATION')
  @Field(() => [ProgressReport], { description: 'Báo cáo tiến độ, cũ trước. / Progress reports, oldest first.' })
  reports!: ProgressReport[];

  @Access('ORGANISATION')
  @Field(() => Int, { nullable: true, description: 'Tỷ lệ của báo cáo mới nhất. / Percent of the latest report.' })
  latestPercent?: number | null;

  @Access('ORGANISATION')
  @Field(() => Boolean, { description: 'Quá hạn hôm nay. / Overdue today.' })
  overdue?: boolean;

  @Access('ORGANISATION')
  @Field(() => [TaskStatusEnum], { description: 'Trạng thái có thể chuyển sang. / Statuses it may move to.' })
  allowedTransitions?: TaskStatus[];
}

@ObjectType({ description: 'Một trang nhiệm vụ. / A page of plan tasks.' })
export class PlanTaskConnection extends ConnectionType(PlanTask, 'PlanTask') {}

@ObjectType({
  description:
    'Kế hoạch triển khai (ví dụ thực hiện Kết luận 58-KL/TW); Sở Nội vụ là đầu mối theo dõi. / An implementation plan; home affairs tracks it.',
})
export class ImplementationPlan {
  @Field(() => ID, { description: 'Số kế hoạch (vd 125/KH-UBND). / Plan number.' })
  planNumber!: string;

  @Access('ORGANISATION')
  @Field({ description: 'Trích yếu. / Title.' })
  title!: string;

  @Access('ORGANISATION')
  @Field(() => DateScalar, { description: 'Ngày ban hành. / Date issued.' })
  date!: string;

  @Access('ORGANISATION')
  @Field({ description: 'Cơ quan ban hành. / Issuing body.' })
  issuingBody!: string;

  @Access('ORGANISATION')
  @Field(() => [String], { description: 'Căn cứ (vd Kết luận 58-KL/TW). / Legal basis.' })
  legalBasis!: string[];
}

@ObjectType({ description: 'Số nhiệm vụ của một cơ quan chủ trì theo trạng thái. / Tasks of one lead agency in one status.' })
export class PlanProgressCell {
  @Field(() => AgencyEnum, { description: 'Cơ quan chủ trì. / Lead agency.' })
  leadAgency!: Agency;

  @Field(() => TaskStatusEnum, { description: 'Trạng thái. / Status.' })
  status!: TaskStatus;

  @Field(() => Int, { description: 'Số nhiệm vụ. / Number of tasks.' })
  count!: number;
}

@ObjectType({ description: 'Số nhiệm vụ quá hạn của một cơ quan chủ trì. / Overdue tasks of one lead agency.' })
export class AgencyOverdue {
  @Field(() => AgencyEnum, { description: 'Cơ quan chủ trì. / Lead agency.' })
  leadAgency!: Agency;

  @Field(() => Int, { description: 'Số nhiệm vụ quá hạn. / Overdue tasks.' })
  count!: number;
}

@ObjectType({
  description:
    'Câu hỏi 13: tiến độ kế hoạch theo cơ quan chủ trì và trạng thái, số quá hạn. / Q13: plan tasks by lead agency and status, overdue counts.',
})
export class PlanProgress {
  @Field(() => ID, { description: 'Số kế hoạch. / Plan number.' })
  planNumber!: string;

  @Field(() => DateScalar, { description: 'Tính đến ngày. / As of.' })
  asOf!: string;

  @Field(() => Int, { description: 'Tổng số nhiệm vụ. / Number of tasks.' })
  totalTasks!: number;

  @Field(() => [PlanProgressCell], {
    description: 'Theo cơ quan chủ trì × trạng thái (ô khác 0). / By lead agency and status (non-zero cells).',
  })
  byAgencyStatus!: PlanProgressCell[];

  @Field(() => [AgencyOverdue], { description: 'Quá hạn theo cơ quan chủ trì. / Overdue by lead agency.' })
  overdueByAgency!: AgencyOverdue[];

  @Field(() => Int, { description: 'Tổng số quá hạn. / Overdue tasks in all.' })
  overdueTotal!: number;
}

@InputType({ description: 'Một nhiệm vụ của phụ lục. / A task of the appendix.' })
export class PlanTaskInput {
  @Field(() => Int, { description: 'Số thứ tự. / Task number.' })
  taskNo!: number;

  @Field({ description: 'Nội dung. / Task.' })
  title!: string;

  @Field(() => AgencyEnum, { description: 'Cơ quan chủ trì. / Lead agency.' })
  leadAgency!: Agency;

  @Field(() => String, { nullable: true, description: 'Tên cơ quan chủ trì khi OTHER. / Lead body when OTHER.' })
  leadBody?: string | null;

  @Field(() => [AgencyEnum], { nullable: true, description: 'Cơ quan phối hợp. / Co-operating agencies.' })
  cooperatingAgencies?: Agency[] | null;

  @Field(() => [String], { nullable: true, description: 'Cơ quan phối hợp khác. / Other co-operating bodies.' })
  cooperatingBodies?: string[] | null;

  @Field(() => DateScalar, { description: 'Thời hạn. / Deadline.' })
  deadline!: string;
}

@InputType({ description: 'Một kế hoạch triển khai với phụ lục nhiệm vụ. / An implementation plan with its task appendix.' })
export class ImplementationPlanInput {
  @Field(() => ID, { description: 'Số kế hoạch (vd 125/KH-UBND). / Plan number.' })
  planNumber!: string;

  @Field({ description: 'Trích yếu. / Title.' })
  title!: string;

  @Field(() => DateScalar, { description: 'Ngày ban hành. / Date issued.' })
  date!: string;

  @Field({ description: 'Cơ quan ban hành. / Issuing body.' })
  issuingBody!: string;

  @Field(() => [String], { description: 'Căn cứ pháp lý. / Legal basis.' })
  legalBasis!: string[];

  @Field(() => [PlanTaskInput], { nullable: true, description: 'Phụ lục nhiệm vụ (tối đa 200). / Task appendix (max 200).' })
  tasks?: PlanTaskInput[] | null;
}

@InputType({ description: 'Một báo cáo tiến độ. / A progress report.' })
export class ProgressReportInput {
  @Field(() => DateScalar, { description: 'Ngày báo cáo. / Report date.' })
  date!: string;

  @Field({ description: 'Nội dung. / Text.' })
  text!: string;

  @Field(() => Int, { description: 'Tỷ lệ hoàn thành 0-100. / Percent complete, 0-100.' })
  percent!: number;
}

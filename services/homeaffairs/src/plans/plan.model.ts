import { Schema } from 'mongoose';

/** The four agencies of the graph, or another body (named in `leadBody`). */
export type Agency = 'SOCIAL' | 'HEALTH' | 'HOME_AFFAIRS' | 'ASSOCIATION' | 'OTHER';
export type TaskStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';

/** An implementation plan (kế hoạch triển khai), e.g. the province's plan implementing Conclusion 58-KL/TW. */
export interface PlanDoc {
  /** e.g. '125/KH-UBND' */
  planNumber: string;
  title: string;
  date: string;
  issuingBody: string;
  /** e.g. ['Kết luận 58-KL/TW ngày 29/8/2023 của Ban Bí thư'] */
  legalBasis: string[];
}

export const planSchema = new Schema<PlanDoc>(
  {
    planNumber: { type: String, required: true, maxlength: 50 },
    title: { type: String, required: true, maxlength: 500 },
    date: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    issuingBody: { type: String, required: true, maxlength: 200 },
    legalBasis: { type: [String], default: [] },
  },
  { collection: 'implementation_plans', versionKey: false, timestamps: true },
);
planSchema.index({ planNumber: 1 }, { unique: true });
// `implementationPlans`: newest first.
planSchema.index({ date: -1 });

export interface ProgressReportDoc {
  date: string;
  text: string;
  percent: number;
}

/** One task of a plan's appendix; its progress reports are kept inside it (single-document writes). */
export interface PlanTaskDoc {
  /** `${planNumber}#${taskNo padded to 4}`: the unique, sortable key */
  taskKey: string;
  planNumber: string;
  taskNo: number;
  title: string;
  leadAgency: Agency;
  /** name of the lead body when leadAgency is OTHER (e.g. 'UBND các xã, phường') */
  leadBody: string | null;
  cooperatingAgencies: Agency[];
  /** other co-operating bodies by name */
  cooperatingBodies: string[];
  deadline: string;
  status: TaskStatus;
  statusChangedOn: string;
  reports: ProgressReportDoc[];
}

const reportSchema = new Schema<ProgressReportDoc>(
  {
    date: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    text: { type: String, required: true, maxlength: 2000 },
    percent: { type: Number, required: true, min: 0, max: 100 },
  },
  { _id: false },
);

const AGENCIES = ['SOCIAL', 'HEALTH', 'HOME_AFFAIRS', 'ASSOCIATION', 'OTHER'];

export const planTaskSchema = new Schema<PlanTaskDoc>(
  {
    taskKey: { type: String, required: true },
    planNumber: { type: String, required: true, maxlength: 50 },
    taskNo: { type: Number, required: true, min: 1 },
    title: { type: String, required: true, maxlength: 500 },
    leadAgency: { type: String, required: true, enum: AGENCIES },
    leadBody: { type: String, default: null, maxlength: 200 },
    cooperatingAgencies: { type: [String], enum: AGENCIES, default: [] },
    cooperatingBodies: { type: [String], default: [] },
    deadline: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    status: { type: String, required: true, enum: ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] },
    statusChangedOn: { type: String, required: true },
    reports: { type: [reportSchema], default: [] },
  },
  { collection: 'plan_tasks', versionKey: false, timestamps: true },
);
planTaskSchema.index({ taskKey: 1 }, { unique: true });
// A plan's tasks (`planTasks`, `planProgress`).
planTaskSchema.index({ planNumber: 1, taskNo: 1 }, { unique: true });
// Overdue tasks on a date (Q13): deadline before it, then status and agency on what it finds.
planTaskSchema.index({ deadline: 1 });

import type { TaskStatus } from '../plan.model';

/**
 * Allowed status changes of a plan task (the focal point's tracking practice: a task is
 * started, then done; any task can be cancelled by the issuing body). A dated table so that
 * a new regulation on plan monitoring is a data change.
 */
export interface TaskStatusRule {
  effectiveFrom: string;
  legalAct: string;
  transitions: Readonly<Record<TaskStatus, readonly TaskStatus[]>>;
  /** a progress report can be filed on a task in these states */
  reportable: readonly TaskStatus[];
  /** a task past its deadline in these states is overdue */
  open: readonly TaskStatus[];
}

export const TASK_STATUS_RULES: readonly TaskStatusRule[] = [
  {
    effectiveFrom: '2023-08-29',
    legalAct: 'Quy chế theo dõi, đôn đốc thực hiện kế hoạch (Sở Nội vụ là cơ quan đầu mối tổng hợp)',
    transitions: {
      NOT_STARTED: ['IN_PROGRESS', 'CANCELLED'],
      IN_PROGRESS: ['DONE', 'CANCELLED'],
      DONE: ['CANCELLED'],
      CANCELLED: [],
    },
    reportable: ['NOT_STARTED', 'IN_PROGRESS', 'DONE'],
    open: ['NOT_STARTED', 'IN_PROGRESS'],
  },
];

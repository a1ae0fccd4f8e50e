import { datedTable, type DatedRow, type DatedTable } from '@nct/rules';

/** Thresholds of the payment workflow. */
export interface WorkflowRow extends DatedRow {
  /** Consecutive uncollected months after which payment is suspended. */
  uncollectedMonthsToSuspend: number;
}

export function checkWorkflowTable(rows: readonly WorkflowRow[]): DatedTable<WorkflowRow> {
  return datedTable(rows, {
    name: 'payment workflow',
    firstOfMonth: true,
    check: (r) =>
      Number.isInteger(r.uncollectedMonthsToSuspend) && r.uncollectedMonthsToSuspend >= 1 && r.uncollectedMonthsToSuspend <= 24
        ? []
        : ['uncollectedMonthsToSuspend must be an integer 1-24'],
  });
}

export const WORKFLOW_TABLE = checkWorkflowTable([
  // Decree 20/2021/NĐ-CP: payment is suspended when the beneficiary has not collected it for
  // 3 consecutive months.
  {
    effectiveFrom: '2021-07-01',
    legalAct: 'Nghị định 20/2021/NĐ-CP (tạm dừng khi 3 tháng liên tục không nhận trợ cấp)',
    uncollectedMonthsToSuspend: 3,
  },
]);

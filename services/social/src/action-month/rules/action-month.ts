import { datedTable, type DatedRow, type DatedTable } from '@nct/rules';

/** The Action Month for the Elderly (Tháng hành động vì người cao tuổi Việt Nam). */
export interface ActionMonthRow extends DatedRow {
  /** Calendar month number, 1-12. */
  month: number;
  /** Largest single support amount accepted, VND (a sanity bound on input, not a legal cap). */
  maxAmount: number;
}

export function checkActionMonthTable(rows: readonly ActionMonthRow[]): DatedTable<ActionMonthRow> {
  return datedTable(rows, {
    name: 'action month',
    firstOfMonth: true,
    check: (r) => [
      ...(Number.isInteger(r.month) && r.month >= 1 && r.month <= 12 ? [] : ['month must be 1-12']),
      ...(Number.isInteger(r.maxAmount) && r.maxAmount > 0 ? [] : ['maxAmount must be a positive integer']),
    ],
  });
}

export const ACTION_MONTH_TABLE = checkActionMonthTable([
  // Decision 544/QĐ-TTg (2015): October every year is the Action Month for the Elderly.
  { effectiveFrom: '2015-10-01', legalAct: 'Quyết định 544/QĐ-TTg năm 2015 (tháng 10 hằng năm)', month: 10, maxAmount: 50_000_000 },
]);

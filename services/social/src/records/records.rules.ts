import { isIsoDate } from '@nct/dates';
import type { Problem } from '@nct/rules';
import { periodsFromSteps, stepsFromPeriods, type InsuranceEntry, type InsuranceStep, type PensionPeriod } from './social-record.model';

const MAX_MONTHLY_AMOUNT = 1_000_000_000;

/**
 * Every reason to refuse a list of pension / monthly SI periods (empty: accepted): real dates,
 * `from` not after today, `to` not before `from`, a whole positive amount of VND (or none), and
 * no two periods in force on the same day (one benefit at a time, so that the status on a
 * date is one value).
 */
export function pensionPeriodProblems(
  periods: ReadonlyArray<{ kind: string; monthlyAmount?: number | null; from: string; to?: string | null }>,
  today: string,
  field = 'input.pensions',
): Problem[] {
  const problems: Problem[] = [];
  periods.forEach((p, i) => {
    const at = `${field}[${i}]`;
    if (!isIsoDate(p.from) || p.from > today)
      problems.push({ field: `${at}.from`, vi: 'Ngày bắt đầu không hợp lệ hoặc ở tương lai', en: 'from is not a valid date up to today' });
    if (p.to != null && (!isIsoDate(p.to) || p.to < p.from))
      problems.push({
        field: `${at}.to`,
        vi: 'Ngày kết thúc không hợp lệ hoặc trước ngày bắt đầu',
        en: 'to is not a valid date on or after from',
      });
    const amount = p.monthlyAmount;
    if (amount != null && (!Number.isInteger(amount) || amount < 1 || amount > MAX_MONTHLY_AMOUNT))
      problems.push({
        field: `${at}.monthlyAmount`,
        vi: 'Mức hưởng phải là số nguyên đồng dương',
        en: 'monthlyAmount must be a positive whole number of VND',
      });
  });
  if (problems.length) return problems;
  const sorted = [...periods].sort((a, b) => (a.from < b.from ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    if (prev.to == null || prev.to >= sorted[i].from) {
      problems.push({
        field,
        vi: `Hai khoảng chồng lấn: từ ${prev.from} và từ ${sorted[i].from}`,
        en: `Two periods overlap: from ${prev.from} and from ${sorted[i].from}`,
      });
    }
  }
  return problems;
}

/**
 * The insurance agency's status rows merged into a record's periods: as status steps, the row
 * of a date replaces the step of that date (its amount is kept when the status is the same),
 * and the steps are read back as periods (a step that continues the same status adds nothing).
 * Also says, per row, whether it was already on record.
 */
export function mergeInsuranceRows(
  current: readonly PensionPeriod[],
  rows: readonly InsuranceEntry[],
): { periods: PensionPeriod[]; unchanged: boolean[] } {
  const steps = stepsFromPeriods(current);
  const statusOn = (date: string) => steps.filter((s) => s.from <= date).pop()?.status ?? 'NONE';
  // A row already on record: the status it gives its date is the status there already.
  const unchanged = rows.map((r) => statusOn(r.from) === r.status);
  const byDate = new Map<string, InsuranceStep>(steps.map((s) => [s.from, s]));
  for (const r of rows) {
    const had = byDate.get(r.from);
    byDate.set(r.from, { from: r.from, status: r.status, monthlyAmount: had?.status === r.status ? (had.monthlyAmount ?? null) : null });
  }
  return { periods: periodsFromSteps([...byDate.values()]), unchanged };
}

import { monthOf, addMonths } from '@nct/dates';
import { allowanceCoefficient, baseLevelOn } from '../allowance/allowance.rules';
import type { BenefitCaseDoc } from '../cases/benefit-case.model';
import { ageInMonth } from '../cases/cases.rules';
import { WORKFLOW_TABLE } from '../cases/rules/workflow';
import { socialPensionWithBenefits } from '../pension/pension.rules';
import { inForceOn, type PensionPeriod } from '../records/social-record.model';
import type { MonthlyPaymentDoc, PaymentStatus } from './monthly-payment.model';

/** Whether a case is to be paid for `month`: ACTIVE, started, not stopped, not suspended. */
export function casePaysIn(
  c: Pick<BenefitCaseDoc, 'status' | 'startMonth' | 'stopMonth' | 'suspendedFrom' | 'history'>,
  month: string,
): boolean {
  if (c.startMonth > month) return false;
  if (c.stopMonth && month >= c.stopMonth) return false;
  if (c.status === 'STOPPED' && !c.stopMonth) return false;
  if (c.status === 'SUSPENDED' && (!c.suspendedFrom || month >= c.suspendedFrom)) return false;
  return !suspendedIn(c.history ?? [], month);
}

/** Whether a month fell in an earlier suspension (from a SUSPEND to the next RESUME, exclusive). */
export function suspendedIn(history: NonNullable<BenefitCaseDoc['history']>, month: string): boolean {
  let from: string | null = null;
  for (const t of history) {
    if (t.action === 'SUSPEND') from = t.month;
    else if (t.action === 'RESUME' && from !== null) {
      if (month >= from && month < t.month) return true;
      from = null;
    }
  }
  return false;
}

/**
 * A case's amount for a month in VND: coefficient x base level (allowance; the 5a coefficient
 * uses the birth date the register gave when the case was opened) or the social pension
 * level, less a monthly SI benefit below the level in force on the month's first day (Social
 * Insurance Law 2024 Art. 21.1(b), 23.7; Decree 176/2025, as the dated table reads them).
 * null when it cannot be computed (5a without a birth date, a month before the rules) or when
 * a benefit on record excludes the social pension.
 */
export function caseAmountIn(c: BenefitCaseDoc, month: string, pensions: readonly PensionPeriod[] = []): number | null {
  try {
    if (c.kind === 'SOCIAL_PENSION') {
      const first = `${month}-01`;
      return socialPensionWithBenefits(
        month,
        pensions.filter((p) => inForceOn(p, first)),
      ).amount;
    }
    const birth = c.decisionFacts?.birthDate ?? null;
    const coefficient = allowanceCoefficient(c.group!, birth ? ageInMonth(birth, month) : null, month);
    return coefficient === null ? null : Math.round(coefficient * baseLevelOn(month));
  } catch {
    return null;
  }
}

/** The case paid for a person in a month: the highest amount among the cases that pay (only one is paid). */
export function payableCase(
  cases: readonly BenefitCaseDoc[],
  month: string,
  pensions: readonly PensionPeriod[] = [],
): { c: BenefitCaseDoc; amount: number } | null {
  let best: { c: BenefitCaseDoc; amount: number } | null = null;
  for (const c of cases) {
    if (!casePaysIn(c, month)) continue;
    const amount = caseAmountIn(c, month, pensions);
    if (amount === null || amount <= 0) continue;
    if (!best || amount > best.amount || (amount === best.amount && c.caseId < best.c.caseId)) best = { c, amount };
  }
  return best;
}

/** Consecutive uncollected months needed before a suspension (dated table). */
export function uncollectedMonthsToSuspend(month: string): number {
  return WORKFLOW_TABLE.inMonth(month).uncollectedMonthsToSuspend;
}

/**
 * Whether payment may be suspended from `fromMonth`: the N months just before it were paid
 * out on this case and all left uncollected. Returns the months that are missing or collected.
 */
export function suspensionBlockers(
  payments: readonly Pick<MonthlyPaymentDoc, 'month' | 'caseId' | 'status'>[],
  caseId: string,
  fromMonth: string,
): string[] {
  const n = uncollectedMonthsToSuspend(fromMonth);
  const blockers: string[] = [];
  for (let i = 1; i <= n; i++) {
    const m = addMonths(fromMonth, -i);
    const p = payments.find((x) => x.month === m && x.caseId === caseId);
    if (!p || p.status !== 'UNCOLLECTED') blockers.push(m);
  }
  return blockers.sort();
}

/** The months whose payments decide an automatic suspension from `month` (the N before it). */
export function monthsBeforeSuspension(month: string): string[] {
  const n = uncollectedMonthsToSuspend(month);
  return Array.from({ length: n }, (_, i) => addMonths(month, -(n - i)));
}

/**
 * Whether a run for `month` suspends this case: it is ACTIVE and would be paid, and the N
 * months before `month` were paid on it and all left UNCOLLECTED, none of them before its
 * latest resumption (a resumption starts the count again).
 */
export function suspendsIn(
  c: BenefitCaseDoc,
  payments: readonly Pick<MonthlyPaymentDoc, 'month' | 'caseId' | 'status'>[],
  month: string,
): boolean {
  if (c.status !== 'ACTIVE' || !casePaysIn(c, month)) return false;
  const lastResume = (c.history ?? [])
    .filter((t) => t.action === 'RESUME')
    .reduce<string | null>((m, t) => (m === null || t.month > m ? t.month : m), null);
  if (lastResume !== null && monthsBeforeSuspension(month)[0] < lastResume) return false;
  return suspensionBlockers(payments, c.caseId, month).length === 0;
}

export interface PaymentRunPlan {
  /** Cases to suspend from the month (they are not paid). */
  suspend: BenefitCaseDoc[];
  /** One payment per person: the highest entitlement among the cases that pay. */
  pay: Array<{ citizenId: string; c: BenefitCaseDoc; amount: number }>;
  /**
   * Cases that would pay but are not paid: the amount cannot be computed (5a without a birth
   * date on the decision), a benefit on record excludes the social pension.
   */
  skipped: string[];
}

/**
 * What a commune's run for `month` does, from the commune's cases and their payments of the
 * months before (see monthsBeforeSuspension), and the pension periods of people with a
 * social pension: suspensions first, then one payment per person.
 */
export function paymentRunPlan(
  cases: readonly BenefitCaseDoc[],
  recentPayments: readonly MonthlyPaymentDoc[],
  month: string,
  pensionsOf: ReadonlyMap<string, readonly PensionPeriod[]> = new Map(),
): PaymentRunPlan {
  const suspend = cases.filter((c) => suspendsIn(c, recentPayments, month));
  const suspended = new Set(suspend.map((c) => c.caseId));
  const byPerson = new Map<string, BenefitCaseDoc[]>();
  for (const c of cases) {
    const after: BenefitCaseDoc = suspended.has(c.caseId) ? { ...c, status: 'SUSPENDED', suspendedFrom: month } : c;
    byPerson.set(c.citizenId, [...(byPerson.get(c.citizenId) ?? []), after]);
  }
  const plan: PaymentRunPlan = { suspend, pay: [], skipped: [] };
  for (const [citizenId, list] of [...byPerson].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const pay = payableCase(list, month, pensionsOf.get(citizenId) ?? []);
    if (pay) plan.pay.push({ citizenId, ...pay });
    else plan.skipped.push(...list.filter((c) => c.status === 'ACTIVE' && casePaysIn(c, month)).map((c) => c.caseId));
  }
  return plan;
}

/** A run of payments: [fromMonth, toMonth, caseId, amount, status, communeCode]. */
export type PaymentRange = [string, string, string, number, PaymentStatus, string];

/** Compresses payments into runs of consecutive months with the same case, amount, status and commune. */
export function paymentRanges(payments: readonly MonthlyPaymentDoc[]): PaymentRange[] {
  const sorted = [...payments].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const out: PaymentRange[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (
      last &&
      addMonths(last[1], 1) === p.month &&
      last[2] === p.caseId &&
      last[3] === p.amount &&
      last[4] === p.status &&
      last[5] === p.communeCode
    ) {
      last[1] = p.month;
    } else {
      out.push([p.month, p.month, p.caseId, p.amount, p.status, p.communeCode]);
    }
  }
  return out;
}

export interface PaymentView {
  citizenId: string;
  month: string;
  caseId: string;
  kind: 'ALLOWANCE' | 'SOCIAL_PENSION';
  amount: number;
  status: PaymentStatus;
  communeCode: string;
}

/** The payments of a set of ranges whose month satisfies `keep`, in month order. */
export function expandRanges(
  citizenId: string,
  ranges: readonly PaymentRange[],
  keep: (month: string, caseId: string) => boolean,
): PaymentView[] {
  const out: PaymentView[] = [];
  for (const [from, to, caseId, amount, status, communeCode] of ranges) {
    for (let m = from; m <= to; m = addMonths(m, 1)) {
      if (keep(m, caseId))
        out.push({
          citizenId,
          month: m,
          caseId,
          kind: caseId.startsWith('HTXH') ? 'SOCIAL_PENSION' : 'ALLOWANCE',
          amount,
          status,
          communeCode,
        });
    }
  }
  return out.sort((a, b) => (a.month < b.month ? -1 : 1));
}

/**
 * Payments for months after the month of death (death stops payment from the following
 * month) that were not cancelled: the ones collected before the death was known, to recover.
 */
export function paymentsAfterDeath(citizenId: string, ranges: readonly PaymentRange[], deathDate: string | null): PaymentView[] {
  if (!deathDate) return [];
  const deathMonth = monthOf(deathDate);
  return expandRanges(citizenId, ranges, (m) => m > deathMonth).filter((p) => p.status !== 'CANCELLED');
}

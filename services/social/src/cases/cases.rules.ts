import { createHash } from 'node:crypto';
import { addMonths, ageOn, lastDayOfMonth, monthOf } from '@nct/dates';
import type { BenefitKind, CaseStatus } from './benefit-case.model';

const CASE_PREFIX: Record<BenefitKind, string> = { ALLOWANCE: 'TCXH', SOCIAL_PENSION: 'HTXH' };

/** A stable case ID from kind + decision number (the same decision always gives the same ID). */
export function caseIdFor(kind: BenefitKind, decisionNumber: string): string {
  const hash = createHash('sha256').update(`${kind}\n${decisionNumber}`).digest('hex').slice(0, 16).toUpperCase();
  return `${CASE_PREFIX[kind]}-${hash}`;
}

/** The value of the {kind, openSlot} unique key: one open (ACTIVE/SUSPENDED) case per person and kind. */
export function openSlotFor(c: { status: CaseStatus; citizenId: string; caseId: string }): string {
  return c.status === 'STOPPED' ? c.caseId : c.citizenId;
}

/**
 * Age in full years for a benefit month: the age reached by the end of the month, so that
 * an age-dependent amount changes from the month of the birthday (as Decree 20/2021
 * Art. 5.5(b)(c) pays from the month the person reaches 75 / 80).
 */
export function ageInMonth(birthDate: string, month: string): number {
  return ageOn(birthDate, lastDayOfMonth(month));
}

interface CaseDates {
  status: CaseStatus;
  startMonth: string;
  stopMonth: string | null;
}

/**
 * The month a case's amounts are shown for: the current month (Vietnam time), or for a
 * STOPPED case its last paid month (the month before stopMonth); never before startMonth.
 */
export function referenceMonth(c: CaseDates, today: string): string {
  const current = monthOf(today);
  let month = current;
  if (c.status === 'STOPPED' && c.stopMonth) {
    const lastPaid = addMonths(c.stopMonth, -1);
    if (lastPaid < month) month = lastPaid;
  }
  return month < c.startMonth ? c.startMonth : month;
}

/**
 * A person's current case of one kind: the ACTIVE or SUSPENDED one; else the most recently
 * stopped; null when none.
 */
export function currentCase<C extends CaseDates>(cases: readonly C[]): C | null {
  let best: C | null = null;
  const rank = (c: C) => (c.status === 'STOPPED' ? 0 : 1);
  const end = (c: C) => c.stopMonth ?? '9999-12';
  for (const c of cases) {
    if (
      !best ||
      rank(c) > rank(best) ||
      (rank(c) === rank(best) && (end(c) > end(best) || (end(c) === end(best) && c.startMonth > best.startMonth)))
    ) {
      best = c;
    }
  }
  return best;
}

import { ConflictError } from '@nct/errors';
import { monthOf, addMonths } from '@nct/dates';
import { BASE_LEVEL_TABLE } from '../allowance/rules/base-level';
import type { BenefitKind, CaseStatus } from './benefit-case.model';
import { FUNERAL_SUPPORT_TABLE } from './rules/funeral-support';

export type CaseAction = 'SUSPEND' | 'RESUME' | 'STOP';

/** The case state machine: which actions each status allows. */
export const ALLOWED_ACTIONS: Readonly<Record<CaseStatus, readonly CaseAction[]>> = {
  ACTIVE: ['SUSPEND', 'STOP'],
  SUSPENDED: ['RESUME', 'STOP'],
  STOPPED: [],
};

export const NEXT_STATUS: Readonly<Record<CaseAction, CaseStatus>> = { SUSPEND: 'SUSPENDED', RESUME: 'ACTIVE', STOP: 'STOPPED' };

/** Refuses an action the case's status does not allow; the error lists the allowed ones. */
export function assertTransition(caseId: string, status: CaseStatus, action: CaseAction): void {
  const allowed = ALLOWED_ACTIONS[status];
  if (allowed.includes(action)) return;
  const list = allowed.length ? allowed.join(', ') : '—';
  throw new ConflictError(
    {
      vi: `Hồ sơ ${caseId} đang ở trạng thái ${status}: không thể ${action}; các thao tác được phép: ${list}`,
      en: `Case ${caseId} is ${status}: ${action} is not allowed; allowed: ${list}`,
    },
    { caseId, status, action, allowedActions: [...allowed] },
  );
}

/** Death stops payment from the month after the month of death. */
export function stopMonthAfterDeath(deathDate: string): string {
  return addMonths(monthOf(deathDate), 1);
}

export interface FuneralSupportTerms {
  amount: number;
  baseLevel: number;
  baseMultiple: number;
  legalAct: string;
}

/**
 * Funeral support for a beneficiary of `kind` who died on `deathDate`: the table's multiple
 * (at least 20, Decree 20/2021 Art. 11) of the base level in force on the date of death.
 * Throws NoRuleInForceError for a death before the tables.
 */
export function funeralSupportOn(kind: BenefitKind, deathDate: string): FuneralSupportTerms {
  const row = FUNERAL_SUPPORT_TABLE.inForceOn(deathDate);
  const base = BASE_LEVEL_TABLE.inForceOn(deathDate);
  const baseMultiple = row.baseMultiple[kind];
  return {
    amount: Math.round(baseMultiple * base.amount),
    baseLevel: base.amount,
    baseMultiple,
    legalAct: `${row.legalAct}; ${base.legalAct}`,
  };
}

/** Funeral support in VND (see funeralSupportOn). */
export function funeralSupportAmount(kind: BenefitKind, deathDate: string): number {
  return funeralSupportOn(kind, deathDate).amount;
}

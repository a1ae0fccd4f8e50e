import { monthOf } from '@nct/dates';
import type { AllowanceGroup, BenefitKind, CaseStatus } from '../cases/benefit-case.model';
import { currentCase } from '../cases/cases.rules';
import { expandRanges, paymentsAfterDeath, type PaymentView } from '../payments/payments.rules';
import type { InsuranceStatus, PovertyStatus } from '../records/social-record.model';
import type { CaseTuple, SocialRow } from './social-row';

/** A case as a row holds it. */
export interface CaseSummary {
  caseId: string;
  kind: BenefitKind;
  group: AllowanceGroup | null;
  status: CaseStatus;
  startMonth: string;
  stopMonth: string | null;
  decisionNumber: string;
  decisionDate: string;
  stopReason: string | null;
  communeCode: string;
}

export const caseOf = (t: CaseTuple): CaseSummary => ({
  caseId: t[0],
  kind: t[1],
  group: t[2],
  status: t[3],
  startMonth: t[4],
  stopMonth: t[5],
  decisionNumber: t[6],
  decisionDate: t[7],
  stopReason: t[8],
  communeCode: t[9],
});

/**
 * A case covers a month when it started and had not stopped by then. A SUSPENDED case still
 * covers it: the person is on the list (entitled), only the payment is held back.
 */
export function caseCovers(c: CaseSummary, month: string): boolean {
  return c.startMonth <= month && (c.stopMonth === null || month < c.stopMonth) && !(c.status === 'STOPPED' && c.stopMonth === null);
}

export interface Coverage {
  asOf: string;
  receivesPension: boolean;
  insuranceStatus: InsuranceStatus;
  onAllowance: boolean;
  allowanceGroup: AllowanceGroup | null;
  allowanceStatus: CaseStatus | null;
  onSocialPension: boolean;
  socialPensionStatus: CaseStatus | null;
  /** poverty status by year, as recorded */
  poverty: ReadonlyArray<[number, PovertyStatus]>;
}

/** Social coverage of one person on a date, from their row (null row: nothing on record). */
export function coverageFrom(row: SocialRow | null, asOf: string): Coverage {
  const month = monthOf(asOf);
  let insuranceStatus: InsuranceStatus = 'NONE';
  for (const [from, status] of row?.insurance ?? []) if (from <= asOf) insuranceStatus = status;
  const cases = (row?.cases ?? []).map(caseOf);
  const covering = (kind: BenefitKind) => currentCase(cases.filter((c) => c.kind === kind && caseCovers(c, month)));
  const allowance = covering('ALLOWANCE');
  const pension = covering('SOCIAL_PENSION');
  return {
    asOf,
    receivesPension: insuranceStatus !== 'NONE',
    insuranceStatus,
    onAllowance: allowance !== null,
    allowanceGroup: allowance?.group ?? null,
    allowanceStatus: allowance?.status ?? null,
    onSocialPension: pension !== null,
    socialPensionStatus: pension?.status ?? null,
    poverty: row?.poverty ?? [],
  };
}

export function povertyOf(poverty: ReadonlyArray<[number, PovertyStatus]>, year: number): PovertyStatus {
  return poverty.find(([y]) => y === year)?.[1] ?? 'NONE';
}

/** Payments for months after the register's death month. */
export function paymentsAfterDeathFrom(row: SocialRow | null, citizenId: string, deathDate: string | null): PaymentView[] {
  return row ? paymentsAfterDeath(citizenId, row.payments, deathDate) : [];
}

/** Payments for months at or after the stop month the department itself recorded on the case. */
export function paymentsAfterRecordedStopFrom(row: SocialRow | null, citizenId: string): PaymentView[] {
  if (!row) return [];
  const stops = new Map(row.cases.map((t) => [t[0], t[5]]));
  return expandRanges(citizenId, row.payments, (m, caseId) => {
    const stop = stops.get(caseId);
    return !!stop && m >= stop;
  }).filter((p) => p.status !== 'CANCELLED');
}

/** Whether a person is on a social-protection list in a month: allowance, social pension, or a poor / near-poor household that year. */
export function onProtectionList(row: SocialRow | null, month: string): boolean {
  if (!row) return false;
  const c = coverageFrom(row, `${month}-01`);
  const status = povertyOf(row.poverty, Number(month.slice(0, 4)));
  return c.onAllowance || c.onSocialPension || status === 'POOR' || status === 'NEAR_POOR';
}

import type { AllowanceGroup, BenefitCaseDoc, CaseStatus, StopReason } from '../cases/benefit-case.model';
import type { MonthlyPaymentDoc } from '../payments/monthly-payment.model';
import { paymentRanges, type PaymentRange } from '../payments/payments.rules';
import {
  insuranceStepsOf,
  type DisabilityLevel,
  type InsuranceStatus,
  type PovertyStatus,
  type SocialRecordDoc,
} from '../records/social-record.model';

/** [caseId, kind, group, status, startMonth, stopMonth, decisionNumber, decisionDate, stopReason, communeCode] */
export type CaseTuple = [
  string,
  'ALLOWANCE' | 'SOCIAL_PENSION',
  AllowanceGroup | null,
  CaseStatus,
  string,
  string | null,
  string,
  string,
  StopReason | null,
  string,
];

/**
 * What the department holds on one person, in the compact shape the coverage rules read:
 * every case, pension/SI periods, poverty by year, disability, payments as runs of months,
 * funeral support. Computed per request from the person's documents (one `$in` query per
 * collection for a whole batch); never stored.
 */
export interface SocialRow {
  citizenId: string;
  cases: CaseTuple[];
  /** [from, status] */
  insurance: Array<[string, InsuranceStatus]>;
  /** [year, status] */
  poverty: Array<[number, PovertyStatus]>;
  disability: DisabilityLevel;
  payments: PaymentRange[];
  lastPaidMonth: string | null;
  /** [deathDate, amount] */
  funeral: [string, number] | null;
}

const byCaseId = (a: BenefitCaseDoc, b: BenefitCaseDoc) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);

/** One person's row from their documents (null: nothing on record). */
export function socialRowFrom(
  citizenId: string,
  record: SocialRecordDoc | null,
  cases: readonly BenefitCaseDoc[],
  payments: readonly MonthlyPaymentDoc[],
): SocialRow | null {
  if (!record && !cases.length && !payments.length) return null;
  const sortedCases = [...cases].sort(byCaseId);
  const funeralCase = sortedCases.find((c) => c.funeralSupport);
  const ranges = paymentRanges(payments);
  return {
    citizenId,
    cases: sortedCases.map((c) => [
      c.caseId,
      c.kind,
      c.group ?? null,
      c.status,
      c.startMonth,
      c.stopMonth ?? null,
      c.decisionNumber,
      c.decisionDate,
      c.stopReason ?? null,
      c.communeCode,
    ]),
    insurance: insuranceStepsOf(record).map((e) => [e.from, e.status]),
    poverty: [...(record?.poverty ?? [])].sort((a, b) => a.year - b.year).map((p) => [p.year, p.status]),
    disability: record?.disability ?? 'NONE',
    payments: ranges,
    lastPaidMonth: ranges.length ? ranges.reduce((m, r) => (r[1] > m ? r[1] : m), '') : null,
    funeral: funeralCase?.funeralSupport ? [funeralCase.funeralSupport.deathDate, funeralCase.funeralSupport.amount] : null,
  };
}

/** Rows of many people from documents already read (e.g. a derived seed), per person. */
export function rowsFrom(
  citizenIds: readonly string[],
  docs: { records: readonly SocialRecordDoc[]; cases: readonly BenefitCaseDoc[]; payments: readonly MonthlyPaymentDoc[] },
): Map<string, SocialRow | null> {
  const recordOf = new Map(docs.records.map((r) => [r._id, r]));
  const group = <D extends { citizenId: string }>(list: readonly D[]) => {
    const map = new Map<string, D[]>();
    for (const d of list) {
      const l = map.get(d.citizenId);
      if (l) l.push(d);
      else map.set(d.citizenId, [d]);
    }
    return map;
  };
  const casesOf = group(docs.cases);
  const paymentsOf = group(docs.payments);
  return new Map(
    citizenIds.map((id) => [id, socialRowFrom(id, recordOf.get(id) ?? null, casesOf.get(id) ?? [], paymentsOf.get(id) ?? [])]),
  );
}

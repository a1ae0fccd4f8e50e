import { Digest, digestModel, type DigestSpec } from '@nct/subgraph-kit';
import type { Connection } from 'mongoose';
import { trusted } from '@nct/db';
import type { AllowanceGroup, BenefitCaseDoc, CaseStatus, StopReason } from '../cases/benefit-case.model';
import { currentCase } from '../cases/cases.rules';
import type { MonthlyPaymentDoc } from '../payments/monthly-payment.model';
import { paymentRanges, type PaymentRange } from '../payments/payments.rules';
import type { DisabilityLevel, InsuranceStatus, PovertyStatus, SocialRecordDoc } from '../records/social-record.model';
import { replaceRows } from './digest-batch';
import type { Models } from '../models';

/** [caseId, kind, group, status, startMonth, stopMonth, decisionNumber, decisionDate, stopReason, communeCode] */
export type CaseTuple = [string, 'ALLOWANCE' | 'SOCIAL_PENSION', AllowanceGroup | null, CaseStatus, string, string | null, string, string, StopReason | null, string];

/**
 * The `social` digest: one row per person the department has anything on, in the commune
 * paying their open case (else of their social record, else of their latest case, else of
 * their latest payment). Enough to
 * answer the cross-agency questions without reading a 100,000-document collection:
 * every case (status, group, months, decision), pension/SI periods, poverty by year,
 * disability, payments as runs of months, last paid month, funeral support.
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

export const SOCIAL_DIGEST_SPEC: DigestSpec<SocialRow> = {
  kind: 'social',
  fields: ['citizenId', 'cases', 'insurance', 'poverty', 'disability', 'payments', 'lastPaidMonth', 'funeral'],
  key: 'citizenId',
};

export function socialDigest(conn: Connection): Digest<SocialRow> {
  return new Digest<SocialRow>(digestModel(conn), SOCIAL_DIGEST_SPEC);
}

const byCaseId = (a: BenefitCaseDoc, b: BenefitCaseDoc) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);

/** The digest row of one person from their documents, and the commune it belongs to (null: no row). */
export function socialRowFrom(
  citizenId: string,
  record: SocialRecordDoc | null,
  cases: readonly BenefitCaseDoc[],
  payments: readonly MonthlyPaymentDoc[],
): { commune: string; row: SocialRow } | null {
  // Open cases first, so that a commune's ACTIVE/SUSPENDED cases are all in its digest.
  const open = [...cases].filter((c) => c.status !== 'STOPPED').sort(byCaseId)[0];
  const commune =
    open?.communeCode ??
    record?.communeCode ??
    currentCase(cases)?.communeCode ??
    [...payments].sort((a, b) => (a.month < b.month ? 1 : -1))[0]?.communeCode ??
    null;
  if (!commune) return null;
  const sortedCases = [...cases].sort(byCaseId);
  const funeralCase = sortedCases.find((c) => c.funeralSupport);
  const ranges = paymentRanges(payments);
  return {
    commune,
    row: {
      citizenId,
      cases: sortedCases.map((c) => [c.caseId, c.kind, c.group ?? null, c.status, c.startMonth, c.stopMonth ?? null, c.decisionNumber, c.decisionDate, c.stopReason ?? null, c.communeCode]),
      insurance: [...(record?.insurance ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1)).map((e) => [e.from, e.status]),
      poverty: [...(record?.poverty ?? [])].sort((a, b) => a.year - b.year).map((p) => [p.year, p.status]),
      disability: record?.disability ?? 'NONE',
      payments: ranges,
      lastPaidMonth: ranges.length ? ranges.reduce((m, r) => (r[1] > m ? r[1] : m), '') : null,
      funeral: funeralCase?.funeralSupport ? [funeralCase.funeralSupport.deathDate, funeralCase.funeralSupport.amount] : null,
    },
  };
}

/** Everything about some people, read from the collections (one query per collection). */
export async function documentsOf(models: Models, citizenIds: readonly string[]) {
  const ids = [...new Set(citizenIds)];
  const [records, cases, payments] = await Promise.all([
    models.SocialRecord.find({ _id: trusted({ $in: ids }) }).lean<SocialRecordDoc[]>(),
    models.BenefitCase.find({ citizenId: trusted({ $in: ids }) }).lean<BenefitCaseDoc[]>(),
    models.MonthlyPayment.find({ citizenId: trusted({ $in: ids }) }).lean<MonthlyPaymentDoc[]>(),
  ]);
  return { records, cases, payments };
}

/** Groups documents into digest rows, per person. */
export function rowsFrom(
  citizenIds: readonly string[],
  docs: { records: SocialRecordDoc[]; cases: BenefitCaseDoc[]; payments: MonthlyPaymentDoc[] },
): Map<string, { commune: string; row: SocialRow } | null> {
  const recordOf = new Map(docs.records.map((r) => [r._id, r]));
  const casesOf = new Map<string, BenefitCaseDoc[]>();
  for (const c of docs.cases) casesOf.set(c.citizenId, [...(casesOf.get(c.citizenId) ?? []), c]);
  const paymentsOf = new Map<string, MonthlyPaymentDoc[]>();
  for (const p of docs.payments) {
    const list = paymentsOf.get(p.citizenId);
    if (list) list.push(p);
    else paymentsOf.set(p.citizenId, [p]);
  }
  const out = new Map<string, { commune: string; row: SocialRow } | null>();
  for (const id of citizenIds) out.set(id, socialRowFrom(id, recordOf.get(id) ?? null, casesOf.get(id) ?? [], paymentsOf.get(id) ?? []));
  return out;
}

/**
 * Keeps the digest in step after a write: recomputes the rows of these people from the
 * collections and writes them (one digest write per commune touched); `previousCommunes`
 * are communes they may have been filed under before the write (their rows are removed there).
 */
export async function refreshSocialDigest(models: Models, citizenIds: readonly string[], previousCommunes: readonly string[] = []): Promise<void> {
  const ids = [...new Set(citizenIds)];
  if (!ids.length) return;
  const docs = await documentsOf(models, ids);
  const rows = rowsFrom(ids, docs);
  // Every commune a row could have been filed under before this write.
  const candidates = new Map<string, Set<string>>(ids.map((id) => [id, new Set(previousCommunes)]));
  for (const d of [...docs.cases, ...docs.payments]) candidates.get(d.citizenId)?.add(d.communeCode);
  for (const r of docs.records) candidates.get(r._id)?.add(r.communeCode);
  const puts = new Map<string, SocialRow[]>();
  const removes = new Map<string, string[]>();
  for (const [id, entry] of rows) {
    if (entry) puts.set(entry.commune, [...(puts.get(entry.commune) ?? []), entry.row]);
    for (const c of candidates.get(id) ?? []) if (c !== entry?.commune) removes.set(c, [...(removes.get(c) ?? []), id]);
  }
  for (const commune of new Set([...puts.keys(), ...removes.keys()])) {
    await replaceRows(models.socialDigest, commune, puts.get(commune) ?? [], removes.get(commune) ?? []);
  }
}

/** Recomputes the whole `social` digest from the collections (after seeding; for repair). */
export async function rebuildSocialDigest(models: Models): Promise<number> {
  const [records, cases, payments] = await Promise.all([
    models.SocialRecord.find({}).lean<SocialRecordDoc[]>(),
    models.BenefitCase.find({}).lean<BenefitCaseDoc[]>(),
    models.MonthlyPayment.find({}).lean<MonthlyPaymentDoc[]>(),
  ]);
  const ids = new Set<string>([...records.map((r) => r._id), ...cases.map((c) => c.citizenId), ...payments.map((p) => p.citizenId)]);
  const rows = rowsFrom([...ids].sort(), { records, cases, payments });
  const entries: Array<{ commune: string; row: SocialRow }> = [];
  for (const e of rows.values()) if (e) entries.push(e);
  return models.socialDigest.rebuild(entries);
}

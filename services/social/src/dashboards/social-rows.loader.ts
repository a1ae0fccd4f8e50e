import { trusted } from '@nct/db';
import { groupByKey, loader, type RequestContext } from '@nct/subgraph-kit';
import { findInChunks } from '../batch';
import { casesByCitizenLoader } from '../cases/benefit-case.queries';
import type { Models } from '../models';
import type { MonthlyPaymentDoc } from '../payments/monthly-payment.model';
import type { SocialRecordDoc } from '../records/social-record.model';
import { socialRowFrom, type SocialRow } from './social-row';

/** The department's records of the people in one request: one `_id $in` query per batch. */
export function recordsByCitizenLoader(models: Models, ctx: RequestContext) {
  return loader<string, SocialRecordDoc | null>(ctx, 'social-records-by-citizen', async (ids) => {
    const docs = await findInChunks(ids, (chunk) => models.SocialRecord.find({ _id: trusted({ $in: chunk }) }).lean<SocialRecordDoc[]>());
    const map = new Map(docs.map((d) => [d._id, d]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Payments of the people in one request: one query per batch on the {citizenId, month} index. */
export function paymentsByCitizenLoader(models: Models, ctx: RequestContext) {
  return loader<string, MonthlyPaymentDoc[]>(ctx, 'payments-by-citizen', async (ids) =>
    groupByKey(
      ids,
      await findInChunks(ids, (chunk) => models.MonthlyPayment.find({ citizenId: trusted({ $in: chunk }) }).lean<MonthlyPaymentDoc[]>()),
      (p) => p.citizenId,
    ),
  );
}

function unwrap<T>(value: T | Error): T {
  if (value instanceof Error) throw value;
  return value;
}

/**
 * Each person's row (null: nothing on record), for the coverage and payment fields: one query
 * per collection for the whole batch (social_records, benefit_cases, monthly_payments), the
 * cases query shared with monthlyAllowance / socialPension.
 */
export function socialRowLoader(models: Models, ctx: RequestContext) {
  return loader<string, SocialRow | null>(ctx, 'social-rows', async (ids) => {
    const [records, cases, payments] = await Promise.all([
      recordsByCitizenLoader(models, ctx).loadMany(ids),
      casesByCitizenLoader(models, ctx).loadMany(ids),
      paymentsByCitizenLoader(models, ctx).loadMany(ids),
    ]);
    return ids.map((id, i) => socialRowFrom(id, unwrap(records[i]), unwrap(cases[i]), unwrap(payments[i])));
  });
}

/**
 * Each person's row without payments (enough for whether they are on a protection list):
 * social_records + benefit_cases, one query each per batch.
 */
export function listRowLoader(models: Models, ctx: RequestContext) {
  return loader<string, SocialRow | null>(ctx, 'social-list-rows', async (ids) => {
    const [records, cases] = await Promise.all([
      recordsByCitizenLoader(models, ctx).loadMany(ids),
      casesByCitizenLoader(models, ctx).loadMany(ids),
    ]);
    return ids.map((id, i) => socialRowFrom(id, unwrap(records[i]), unwrap(cases[i]), []));
  });
}

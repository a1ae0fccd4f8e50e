import { trusted } from '@nct/db';
import { digestBatchThreshold, groupByKey, loader, type RequestContext } from '@nct/subgraph-kit';
import { casesByCitizenLoader } from '../cases/benefit-case.queries';
import type { Models } from '../models';
import type { MonthlyPaymentDoc } from '../payments/monthly-payment.model';
import type { SocialRecordDoc } from '../records/social-record.model';
import { socialRowFrom, type SocialRow } from './social.digest';

/** From this many people in one batch, Person fields read the digest instead of the collections. */

export interface RowEntry {
  commune: string;
  row: SocialRow;
}

/** The department's records of the people in one request: one query per batch. */
export function recordsByCitizenLoader(models: Models, ctx: RequestContext) {
  return loader<string, SocialRecordDoc | null>(ctx, 'social-records-by-citizen', async (ids) => {
    const docs = await models.SocialRecord.find({ _id: trusted({ $in: [...ids] }) }).lean<SocialRecordDoc[]>();
    const map = new Map(docs.map((d) => [d._id, d]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

export function paymentsByCitizenLoader(models: Models, ctx: RequestContext) {
  return loader<string, MonthlyPaymentDoc[]>(ctx, 'payments-by-citizen', async (ids) =>
    groupByKey(ids, await models.MonthlyPayment.find({ citizenId: trusted({ $in: [...ids] }) }).lean<MonthlyPaymentDoc[]>(), (p) => p.citizenId),
  );
}

/** The whole province's `social` digest, read at most once per request. */
export function provinceDigest(models: Models, ctx: RequestContext): Promise<Map<string, RowEntry>> {
  return loader<string, Map<string, RowEntry>>(ctx, 'social-digest-province', async (keys) => {
    const map = new Map<string, RowEntry>();
    for (const r of await models.socialDigest.readAll()) {
      const { commune, ...row } = r;
      map.set(row.citizenId, { commune, row: row as SocialRow });
    }
    return keys.map(() => map);
  }).load('all');
}

/**
 * Each person's digest row (null: nothing on record). A batch of 20 or more reads the
 * province digest (one query, ~0.7 s at 100,000 people); a smaller one reads the collections
 * (one query each: social_records, benefit_cases, monthly_payments) and computes the same rows
 * with the same function the digest is built with.
 */
export function socialRowLoader(models: Models, ctx: RequestContext) {
  return loader<string, RowEntry | null>(ctx, 'social-rows', async (ids) => {
    if (ids.length >= digestBatchThreshold()) {
      const province = await provinceDigest(models, ctx);
      return ids.map((id) => province.get(id) ?? null);
    }
    const [records, cases, payments] = await Promise.all([
      recordsByCitizenLoader(models, ctx).loadMany(ids),
      casesByCitizenLoader(models, ctx).loadMany(ids),
      paymentsByCitizenLoader(models, ctx).loadMany(ids),
    ]);
    return ids.map((id, i) => {
      const rec = records[i];
      const cs = cases[i];
      const ps = payments[i];
      if (rec instanceof Error) throw rec;
      if (cs instanceof Error) throw cs;
      if (ps instanceof Error) throw ps;
      return socialRowFrom(id, rec, cs, ps);
    });
  });
}

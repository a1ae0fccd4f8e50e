import type { Connection } from 'mongoose';
import { Digest, digestModel, type DigestSpec } from '@nct/subgraph-kit';
import type { ActionMonthSupportDoc, SupportKind } from '../action-month/action-month-support.model';
import type { Models } from '../models';

/** The `action-month` digest: one row per support record, in the commune where it was given. */
export interface ActionMonthRow {
  supportId: string;
  citizenId: string;
  year: number;
  date: string;
  kind: SupportKind;
  description: string;
  amount: number;
  provider: string;
}

export const ACTION_MONTH_DIGEST_SPEC: DigestSpec<ActionMonthRow> = {
  kind: 'action-month',
  fields: ['supportId', 'citizenId', 'year', 'date', 'kind', 'description', 'amount', 'provider'],
  key: 'supportId',
};

export function actionMonthDigest(conn: Connection): Digest<ActionMonthRow> {
  return new Digest<ActionMonthRow>(digestModel(conn), ACTION_MONTH_DIGEST_SPEC);
}

export function actionMonthRowOf(d: ActionMonthSupportDoc): ActionMonthRow {
  return { supportId: d._id, citizenId: d.citizenId, year: d.year, date: d.date, kind: d.kind, description: d.description, amount: d.amount, provider: d.provider };
}

export async function rebuildActionMonthDigest(models: Models): Promise<number> {
  const docs = await models.ActionMonthSupport.find({}).lean<ActionMonthSupportDoc[]>();
  return models.actionMonthDigest.rebuild(docs.sort((a, b) => (a._id < b._id ? -1 : 1)).map((d) => ({ commune: d.communeCode, row: actionMonthRowOf(d) })));
}

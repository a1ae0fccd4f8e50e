import { trusted } from '@nct/db';
import { BadUserInputError } from '@nct/errors';
import { groupByKey, loader, pageRequest, RequestContext, toPage, type PageInfo } from '@nct/subgraph-kit';
import type { Models } from '../models';
import type { AllowanceGroup, BenefitCaseDoc, BenefitKind, CaseStatus } from './benefit-case.model';

/**
 * Every case (both kinds) of the people in one request, by citizen ID: one query per batch,
 * shared by Person.monthlyAllowance and Person.socialPension.
 */
export function casesByCitizenLoader(models: Models, ctx: RequestContext) {
  return loader<string, BenefitCaseDoc[]>(ctx, 'benefit-cases-by-citizen', async (ids) =>
    groupByKey(ids, await models.BenefitCase.find({ citizenId: trusted({ $in: [...ids] }) }).lean<BenefitCaseDoc[]>(), (c) => c.citizenId),
  );
}

export interface CaseFilterInput {
  communeCode?: string | null;
  group?: AllowanceGroup | null;
  status?: CaseStatus | null;
}

/** Filter values -> a MongoDB filter (plain equality; operators only from our own code). */
export function caseFilterQuery(kind: BenefitKind, filter: CaseFilterInput | null | undefined): Record<string, unknown> {
  const query: Record<string, unknown> = { kind };
  if (filter?.communeCode != null) {
    if (!/^\d{5}$/.test(filter.communeCode)) {
      throw new BadUserInputError({ vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' }, { argument: 'filter.communeCode' });
    }
    query.communeCode = filter.communeCode;
  }
  if (filter?.group != null) query.group = filter.group;
  if (filter?.status != null) query.status = filter.status;
  return query;
}

/** One page of cases of a kind, ordered by caseId (keyset pagination, hard max 100). */
export async function listCases(
  models: Models,
  kind: BenefitKind,
  filter: CaseFilterInput | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<{ docs: BenefitCaseDoc[]; cursors: string[]; pageInfo: PageInfo; filterQuery: Record<string, unknown> }> {
  const page = pageRequest(first, after);
  const filterQuery = caseFilterQuery(kind, filter);
  const query = page.afterKey ? { ...filterQuery, caseId: trusted({ $gt: page.afterKey }) } : filterQuery;
  const rows = await models.BenefitCase.find(query).sort({ caseId: 1 }).limit(page.limit + 1).lean<BenefitCaseDoc[]>();
  const { items, pageInfo, cursors } = toPage(rows, page.limit, (r) => r.caseId);
  return { docs: items, cursors, pageInfo, filterQuery };
}

import type { PipelineStage } from 'mongoose';
import { trusted } from '@nct/db';
import { BadUserInputError } from '@nct/errors';
import { groupByKey, loader, pageRequest, RequestContext, toPage, type PageInfo } from '@nct/subgraph-kit';
import { findInChunks } from '../batch';
import type { Models } from '../models';
import type { AllowanceGroup, BenefitCaseDoc, BenefitKind, CaseStatus } from './benefit-case.model';

/**
 * Every case (both kinds) of the people in one request, by citizen ID: one `$in` query per
 * batch on the {citizenId} index, shared by Person.monthlyAllowance, Person.socialPension and
 * the coverage fields.
 */
export function casesByCitizenLoader(models: Models, ctx: RequestContext) {
  return loader<string, BenefitCaseDoc[]>(ctx, 'benefit-cases-by-citizen', async (ids) =>
    groupByKey(
      ids,
      await findInChunks(ids, (chunk) => models.BenefitCase.find({ citizenId: trusted({ $in: chunk }) }).lean<BenefitCaseDoc[]>()),
      (c) => c.citizenId,
    ),
  );
}

export interface CaseFilterInput {
  communeCode?: string | null;
  group?: AllowanceGroup | null;
  groups?: AllowanceGroup[] | null;
  status?: CaseStatus | null;
}

/**
 * A list filter split in two: `indexed` is an equality prefix of {communeCode, kind, status,
 * caseId} (with a commune) or {kind, status, caseId} (without), so the pipeline starts from
 * that index; `rest` (the groups) is applied to what the index returns.
 */
export interface CaseQuery {
  indexed: Record<string, unknown>;
  rest: Record<string, unknown>;
}

/** Validates the filter and splits it (plain values; operators only from our own code). */
export function caseQuery(kind: BenefitKind, filter: CaseFilterInput | null | undefined): CaseQuery {
  const indexed: Record<string, unknown> = { kind };
  const rest: Record<string, unknown> = {};
  if (filter?.communeCode != null) {
    if (!/^\d{5}$/.test(filter.communeCode)) {
      throw new BadUserInputError(
        { vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' },
        { argument: 'filter.communeCode' },
      );
    }
    indexed.communeCode = filter.communeCode;
  }
  if (filter?.groups != null && filter.groups.length > 6) {
    throw new BadUserInputError({ vi: 'Tối đa 6 nhóm', en: 'At most 6 groups' }, { argument: 'filter.groups' });
  }
  if (filter?.group != null && filter?.groups != null) {
    throw new BadUserInputError({ vi: 'Chỉ dùng group hoặc groups', en: 'Use either group or groups' }, { argument: 'filter.groups' });
  }
  if (filter?.status != null) indexed.status = filter.status;
  if (filter?.group != null) rest.group = filter.group;
  if (filter?.groups != null) rest.group = trusted({ $in: [...new Set(filter.groups)] });
  return { indexed, rest };
}

/** The `$match` stages of a query, starting after `afterKey` (the cursor) when given. */
export function caseMatchStages(query: CaseQuery, afterKey: string | null = null): PipelineStage[] {
  const indexed = { ...query.indexed };
  const rest = { ...query.rest };
  if (afterKey !== null) {
    // caseId is the index's next field only once status is fixed; otherwise a residual filter.
    if ('status' in indexed) indexed.caseId = trusted({ $gt: afterKey });
    else rest.caseId = trusted({ $gt: afterKey });
  }
  return Object.keys(rest).length ? [{ $match: indexed }, { $match: rest }] : [{ $match: indexed }];
}

/** One page of cases of a kind, ordered by caseId (keyset pagination, hard max 100). */
export async function listCases(
  models: Models,
  kind: BenefitKind,
  filter: CaseFilterInput | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<{ docs: BenefitCaseDoc[]; cursors: string[]; pageInfo: PageInfo; countStages: PipelineStage[] }> {
  const page = pageRequest(first, after);
  const query = caseQuery(kind, filter);
  const rows = await models.BenefitCase.aggregate<BenefitCaseDoc>([
    ...caseMatchStages(query, page.afterKey),
    { $sort: { caseId: 1 } },
    { $limit: page.limit + 1 },
  ]);
  const { items, pageInfo, cursors } = toPage(rows, page.limit, (r) => r.caseId);
  return { docs: items, cursors, pageInfo, countStages: caseMatchStages(query) };
}

/** How many cases match a list's filter (same index as the page). */
export async function countCases(models: Models, countStages: PipelineStage[]): Promise<number> {
  const [row] = await models.BenefitCase.aggregate<{ n: number }>([...countStages, { $count: 'n' }]);
  return row?.n ?? 0;
}

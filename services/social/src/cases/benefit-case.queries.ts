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
  groups?: AllowanceGroup[] | null;
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
  if (filter?.groups != null && filter.groups.length > 6) {
    throw new BadUserInputError({ vi: 'Tối đa 6 nhóm', en: 'At most 6 groups' }, { argument: 'filter.groups' });
  }
  if (filter?.group != null && filter?.groups != null) {
    throw new BadUserInputError({ vi: 'Chỉ dùng group hoặc groups', en: 'Use either group or groups' }, { argument: 'filter.groups' });
  }
  if (filter?.group != null) query.group = filter.group;
  if (filter?.groups != null) query.group = trusted({ $in: [...new Set(filter.groups)] });
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

/**
 * The same page from the `social` digest, for open statuses only (ACTIVE / SUSPENDED: a
 * person has at most one open case per kind and the digest files it under the paying commune,
 * so the commune's digest holds every open case of that commune). One `_id` read for a commune,
 * one read of ~40 documents for the province. Returns null when the filter needs the collection.
 */
export async function listCasesFromDigest(
  models: Models,
  kind: BenefitKind,
  filter: CaseFilterInput | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<{ docs: BenefitCaseDoc[]; cursors: string[]; pageInfo: PageInfo; total: number } | null> {
  if (filter?.status !== 'ACTIVE' && filter?.status !== 'SUSPENDED') return null;
  const page = pageRequest(first, after);
  caseFilterQuery(kind, filter); // same validation as the collection path
  const groups = filter.groups ? new Set(filter.groups) : filter.group ? new Set([filter.group]) : null;
  const rows = await models.socialDigest.readAll(filter.communeCode ? [filter.communeCode] : undefined);
  const matching: BenefitCaseDoc[] = [];
  for (const row of rows) {
    for (const t of row.cases) {
      const [caseId, k, group, status, startMonth, stopMonth, decisionNumber, decisionDate, stopReason, communeCode] = t;
      if (k !== kind || status !== filter.status) continue;
      if (filter.communeCode && communeCode !== filter.communeCode) continue;
      if (groups && (!group || !groups.has(group))) continue;
      matching.push({ caseId, kind: k, citizenId: row.citizenId, group, status, startMonth, stopMonth, decisionNumber, decisionDate, communeCode, openSlot: row.citizenId, stopReason });
    }
  }
  matching.sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  const start = page.afterKey ? matching.filter((d) => d.caseId > page.afterKey!) : matching;
  const { items, pageInfo, cursors } = toPage(start.slice(0, page.limit + 1), page.limit, (r) => r.caseId);
  return { docs: items, cursors, pageInfo, total: matching.length };
}

import { trusted } from '@nct/db';
import { NotFoundError } from '@nct/errors';
import { groupByKey, loader, RequestContext } from '@nct/subgraph-kit';
import type { LedgerEntryDoc } from '../funds/ledger-entry.model';
import type { Models } from '../models';
import type { ClubDoc } from './club.model';
import type { ClubActivityDoc } from './club-activity.model';
import type { ClubLoanDoc } from './club-loan.model';
import { isCurrentMember, type ClubMemberDoc } from './club-member.model';
import { clubCompliance, ClubComplianceResult } from './compliance.rules';

/** Clubs of one request by ID: one `$in` on the unique `clubId` index per batch. */
export function clubLoader(models: Models, ctx: RequestContext) {
  return loader<string, ClubDoc | null>(ctx, 'club', async (ids) => {
    const docs = await models.Club.find({ clubId: trusted({ $in: [...ids] }) }).lean<ClubDoc[]>();
    const map = new Map(docs.map((d) => [d.clubId, d]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Club memberships of one request by person: one `$in` on `club_members {citizenId}` per batch, in club ID order. */
export function clubMembershipsByPersonLoader(models: Models, ctx: RequestContext) {
  return loader<string, ClubMemberDoc[]>(ctx, 'club-members-by-person', async (ids) => {
    const docs = await models.ClubMember.find({ citizenId: trusted({ $in: [...ids] }) }).lean<ClubMemberDoc[]>();
    docs.sort((a, b) => a.clubId.localeCompare(b.clubId));
    return groupByKey(ids, docs, (d) => d.citizenId);
  });
}

/** Member counts of one request's clubs: one aggregation per batch, starting on the `{clubId, citizenId}` index. */
export function memberCountLoader(models: Models, ctx: RequestContext) {
  return loader<string, number>(ctx, 'club-member-count', async (ids) => {
    const rows = await models.ClubMember.aggregate<{ _id: string; n: number }>([
      { $match: { clubId: { $in: [...ids] } } },
      // current members only: an ended membership (a death) stays on record but is not counted.
      // A second stage: the embedded server plans a null test next to the `$in` as a scan.
      { $match: { endedOn: null } },
      { $group: { _id: '$clubId', n: { $sum: 1 } } },
    ]);
    const map = new Map(rows.map((r) => [r._id, r.n]));
    return ids.map((id) => map.get(id) ?? 0);
  });
}

export interface ClubFacts {
  members: ClubMemberDoc[];
  loans: ClubLoanDoc[];
  activities: ClubActivityDoc[];
  fundEntries: LedgerEntryDoc[];
}

/**
 * What compliance needs of one request's clubs: members, loans, activities and fund entries,
 * one `$in` on club IDs per collection per batch (four, whatever the number of clubs), each
 * served by an index whose first key is the club ID (`ownerCode` for fund entries).
 */
export function clubFactsLoader(models: Models, ctx: RequestContext) {
  return loader<string, ClubFacts>(ctx, 'club-facts', async (ids) => {
    const $in = () => trusted({ $in: [...ids] });
    const [members, loans, activities, fundEntries] = await Promise.all([
      models.ClubMember.find({ clubId: $in() }).lean<ClubMemberDoc[]>(),
      models.ClubLoan.find({ clubId: $in() }).lean<ClubLoanDoc[]>(),
      models.ClubActivity.find({ clubId: $in() }).lean<ClubActivityDoc[]>(),
      models.LedgerEntry.find({ ownerCode: $in() }).lean<LedgerEntryDoc[]>(),
    ]);
    const m = groupByKey(ids, members, (d) => d.clubId);
    const l = groupByKey(ids, loans, (d) => d.clubId);
    const a = groupByKey(ids, activities, (d) => d.clubId);
    const f = groupByKey(
      ids,
      fundEntries.filter((e) => e.fund !== 'CARE'),
      (d) => d.ownerCode,
    );
    return ids.map((_, i) => ({ members: m[i], loans: l[i], activities: a[i], fundEntries: f[i] }));
  });
}

export function complianceOf(facts: ClubFacts, asOf: string): ClubComplianceResult {
  return clubCompliance(
    asOf,
    facts.members,
    facts.loans,
    facts.activities,
    facts.fundEntries.map((e) => ({
      fund: e.fund === 'CLUB_INCOME_GENERATION' ? ('INCOME_GENERATION' as const) : ('ACTIVITY' as const),
      date: e.date,
    })),
  );
}

/**
 * Priority members of a commune's clubs: the commune's club IDs (`clubs {communeCode, clubId}`),
 * then their current priority members (`club_members {clubId, citizenId}`, about 60 a club): two indexed reads.
 */
export async function priorityMembersOfCommune(
  models: Models,
  communeCode: string,
): Promise<Array<Pick<ClubMemberDoc, 'citizenId' | 'birthDate'>>> {
  const clubs = await models.Club.find({ communeCode }, { clubId: 1, _id: 0 }).lean<Array<Pick<ClubDoc, 'clubId'>>>();
  if (clubs.length === 0) return [];
  // The filter names only the index's field: the priority flag is checked here.
  const members = await models.ClubMember.find(
    { clubId: trusted({ $in: clubs.map((c) => c.clubId) }) },
    { citizenId: 1, birthDate: 1, priority: 1, endedOn: 1, _id: 0 },
  ).lean<Array<Pick<ClubMemberDoc, 'citizenId' | 'birthDate' | 'priority' | 'endedOn'>>>();
  return members.filter((m) => m.priority && isCurrentMember(m)).map(({ citizenId, birthDate }) => ({ citizenId, birthDate }));
}

/** The club a write is about, or NOT_FOUND (read once, not batched). */
export async function clubOrNotFound(models: Models, clubId: string): Promise<ClubDoc> {
  const club = await models.Club.findOne({ clubId }).lean<ClubDoc>();
  if (!club) throw new NotFoundError({ vi: `Không có câu lạc bộ ${clubId}`, en: `No club ${clubId}` }, { field: 'clubId' });
  return club;
}

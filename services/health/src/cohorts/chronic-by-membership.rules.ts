import { suppressSmallCells } from '@nct/auth';

/** What the split needs of one person whose health record the scope keeps. */
export interface CohortPerson {
  citizenId: string;
  /** The day the record was closed (death), or null while open. */
  closedOn: string | null;
  conditions: ReadonlyArray<{ diagnosedOn: string; underManagement: boolean; managementEndedOn?: string | null }>;
}

export interface ManagementCounts {
  /** people with at least one tracked chronic condition */
  withCondition: number;
  /** of those, people with every condition under management */
  underManagement: number;
}

export interface MembershipSplit {
  members: ManagementCounts;
  nonMembers: ManagementCounts;
  /** Everyone counted (for the access log): the people whose conditions were processed. */
  counted: string[];
}

/**
 * The chronic-disease management rule of Q5 (coverage.rules.ts `coverageCounts`: among people
 * with a tracked chronic condition, those with all of them under management), on `asOf`, split
 * by club membership: a person counts when their record is open on `asOf` (not closed by a
 * death on or before it) and has a condition diagnosed on or before `asOf`; a condition whose
 * management ended on or before `asOf` is not under management. Membership is the list the
 * association sent (`memberCitizenIds`); health stores nothing of it.
 */
export function splitByMembership(people: readonly CohortPerson[], members: ReadonlySet<string>, asOf: string): MembershipSplit {
  const out: MembershipSplit = {
    members: { withCondition: 0, underManagement: 0 },
    nonMembers: { withCondition: 0, underManagement: 0 },
    counted: [],
  };
  for (const p of people) {
    if (p.closedOn !== null && p.closedOn <= asOf) continue;
    const conditions = p.conditions.filter((c) => c.diagnosedOn <= asOf);
    if (conditions.length === 0) continue;
    const managed = conditions.every((c) => c.underManagement && !(c.managementEndedOn != null && c.managementEndedOn <= asOf));
    const row = members.has(p.citizenId) ? out.members : out.nonMembers;
    row.withCondition++;
    if (managed) row.underManagement++;
    out.counted.push(p.citizenId);
  }
  return out;
}

export interface DisclosedManagement {
  withCondition: number;
  /** null when withheld */
  underManagement: number | null;
  /** underManagement / withCondition, 4 decimals; null when withheld or nobody has a condition */
  rate: number | null;
  suppressed: boolean;
}

/**
 * What may be published of the split (PDP Law 91/2025; @nct/auth `suppressSmallCells`, cells
 * of 1-4 withheld), as Q5 publishes an indicator: per row, the cells "managed" and "not
 * managed" go out together, so when either holds 1-4 people the row's count and rate are
 * withheld and its denominator (people with a condition) is still given. The two rows add up
 * to the commune's figure Q5 publishes (`chronicManagement`), so one withheld row could be
 * recovered from it and the other row: then both are withheld (complementary suppression).
 */
export function discloseSplit(split: Pick<MembershipSplit, 'members' | 'nonMembers'>): {
  members: DisclosedManagement;
  nonMembers: DisclosedManagement;
} {
  const smallRow = (r: ManagementCounts) =>
    suppressSmallCells([
      { key: 'managed', count: r.underManagement },
      { key: 'notManaged', count: r.withCondition - r.underManagement },
    ]).some((c) => c.suppressed);
  const withheld = smallRow(split.members) || smallRow(split.nonMembers);
  const row = (r: ManagementCounts): DisclosedManagement =>
    withheld
      ? { withCondition: r.withCondition, underManagement: null, rate: null, suppressed: true }
      : {
          withCondition: r.withCondition,
          underManagement: r.underManagement,
          rate: r.withCondition > 0 ? Math.round((r.underManagement / r.withCondition) * 10_000) / 10_000 : null,
          suppressed: false,
        };
  return { members: row(split.members), nonMembers: row(split.nonMembers) };
}

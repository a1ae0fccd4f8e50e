import { Digest } from '@nct/subgraph-kit';
import { trusted } from '@nct/db';
import type { Models } from '../models';
import type { CelebrationDoc } from '../celebrations/celebration.model';
import type { ClubDoc } from '../clubs/club.model';
import type { ClubMemberDoc } from '../clubs/club-member.model';
import type { MembershipDoc } from '../membership/membership.model';
import type { CelebrationRecord, CelebrationStatus } from '../celebrations/celebrations.rules';

/** [clubId, role, priority] */
export type DigestClub = [string, string, boolean];
/** [year, age, status, deliveredOn, reason] */
export type DigestCelebration = [number, number, CelebrationStatus, string | null, string | null];

/**
 * The `association` digest: per commune, one row per person with an association fact in that
 * commune: membership status (membership's commune), clubs of that commune (with the identity
 * copy's birth date), and celebrations recorded by that commune. A person with facts in two
 * communes has a row in each; readers merge by citizen ID.
 */
export interface AssociationRow {
  citizenId: string;
  member: 'ACTIVE' | 'LEFT' | null;
  clubs: DigestClub[];
  birthDate: string | null;
  celebrations: DigestCelebration[];
}

export const ASSOCIATION_DIGEST = { kind: 'association', fields: ['citizenId', 'member', 'clubs', 'birthDate', 'celebrations'], key: 'citizenId' } as const;

export function associationDigest(models: Models): Digest<AssociationRow> {
  return new Digest<AssociationRow>(models.digests, { ...ASSOCIATION_DIGEST, fields: [...ASSOCIATION_DIGEST.fields] });
}

/** Rows by commune from one person's (or everyone's) documents. */
export function digestRows(
  memberships: readonly MembershipDoc[],
  clubMembers: readonly ClubMemberDoc[],
  clubs: ReadonlyMap<string, Pick<ClubDoc, 'communeCode'>>,
  celebrations: readonly CelebrationDoc[],
): Map<string, Map<string, AssociationRow>> {
  const out = new Map<string, Map<string, AssociationRow>>();
  const row = (commune: string, citizenId: string): AssociationRow => {
    let rows = out.get(commune);
    if (!rows) out.set(commune, (rows = new Map()));
    let r = rows.get(citizenId);
    if (!r) rows.set(citizenId, (r = { citizenId, member: null, clubs: [], birthDate: null, celebrations: [] }));
    return r;
  };
  for (const m of memberships) row(m.communeCode, m.citizenId).member = m.status;
  for (const cm of [...clubMembers].sort((a, b) => a.clubId.localeCompare(b.clubId))) {
    const club = clubs.get(cm.clubId);
    if (!club) continue;
    const r = row(club.communeCode, cm.citizenId);
    r.clubs.push([cm.clubId, cm.role, cm.priority]);
    r.birthDate = cm.birthDate;
  }
  for (const c of [...celebrations].sort((a, b) => a.year - b.year)) {
    row(c.communeCode, c.citizenId).celebrations.push([c.year, c.age, c.status, c.deliveredOn ?? null, c.reason ?? null]);
  }
  return out;
}

/** Recomputes every digest of this kind from the collections (after seeding, or to repair). */
export async function rebuildAssociationDigest(models: Models): Promise<number> {
  const [memberships, clubMembers, clubs, celebrations] = await Promise.all([
    models.Membership.find({}).lean<MembershipDoc[]>(),
    models.ClubMember.find({}).lean<ClubMemberDoc[]>(),
    models.Club.find({}).lean<ClubDoc[]>(),
    models.Celebration.find({}).lean<CelebrationDoc[]>(),
  ]);
  const rows = digestRows(memberships, clubMembers, new Map(clubs.map((c) => [c.clubId, c])), celebrations);
  const flat: Array<{ commune: string; row: AssociationRow }> = [];
  for (const [commune, byPerson] of rows) for (const row of byPerson.values()) flat.push({ commune, row });
  return associationDigest(models).rebuild(flat);
}

/**
 * Brings one person's rows in step after a write: recomputed from that person's documents,
 * put in every commune they now have facts in, removed from `alsoCommunes` where they have
 * none left. Callers run it inside `inPersonQueue`, after their own write.
 */
export async function refreshPersonDigest(models: Models, citizenId: string, alsoCommunes: readonly string[] = []): Promise<void> {
  const [membership, clubMembers, celebrations] = await Promise.all([
    models.Membership.findOne({ citizenId }).lean<MembershipDoc | null>(),
    models.ClubMember.find({ citizenId }).lean<ClubMemberDoc[]>(),
    models.Celebration.find({ citizenId }).lean<CelebrationDoc[]>(),
  ]);
  const clubs = clubMembers.length
    ? await models.Club.find({ clubId: trusted({ $in: clubMembers.map((m) => m.clubId) }) }).lean<ClubDoc[]>()
    : [];
  const rows = digestRows(membership ? [membership] : [], clubMembers, new Map(clubs.map((c) => [c.clubId, c])), celebrations);
  const digest = associationDigest(models);
  for (const [commune, byPerson] of rows) {
    const r = byPerson.get(citizenId);
    if (r) await digest.put(commune, r);
  }
  for (const commune of new Set(alsoCommunes)) if (!rows.has(commune)) await digest.remove(commune, citizenId);
}

const personQueues = new Map<string, Promise<unknown>>();
/**
 * Runs writes about one person one after another within this process, so that the digest
 * refresh that follows each write never puts a row computed before a concurrent write.
 */
export function inPersonQueue<T>(citizenId: string, task: () => Promise<T>): Promise<T> {
  const previous = personQueues.get(citizenId) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.catch(() => undefined);
  personQueues.set(citizenId, settled);
  void settled.then(() => {
    if (personQueues.get(citizenId) === settled) personQueues.delete(citizenId);
  });
  return next;
}

/** The person's celebration records from digest rows (all communes merged). */
export function celebrationsFromRows(rows: ReadonlyArray<AssociationRow & { commune: string }>): Map<string, CelebrationRecord[]> {
  const out = new Map<string, CelebrationRecord[]>();
  for (const r of rows) {
    for (const [year, age, status, deliveredOn, reason] of r.celebrations ?? []) {
      const list = out.get(r.citizenId) ?? [];
      list.push({ citizenId: r.citizenId, year, age, status, deliveredOn, reason, communeCode: r.commune });
      out.set(r.citizenId, list);
    }
  }
  return out;
}

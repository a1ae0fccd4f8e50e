import type { SeedData } from '@nct/seed';
import type { Models } from './models';
import { roleSlotOf } from './clubs/club-member.model';
import { booksOf } from './funds/fund-book.model';
import { deriveAssociationSeed } from './seed/derive';

const BATCH = 2000;

async function insertInBatches<T>(model: { insertMany(docs: T[], opts: object): Promise<unknown> }, docs: T[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    await model.insertMany(docs.slice(i, i + BATCH), { ordered: false, lean: true });
  }
}

/**
 * Writes the association slice of the seed (memberships, clubs, club members) and the records
 * derived from it (`deriveAssociationSeed`), with the head of every fund book. Skips the writes
 * when memberships or clubs already hold data. `lean` inserts skip mongoose defaults, so derived
 * fields (status, roleSlot) are set here.
 */
export async function seedDatabase(models: Models, data: SeedData): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  if ((await models.Membership.findOne().lean()) || (await models.Club.findOne().lean())) {
    return { seeded: false, counts: {} };
  }
  const { memberships, clubs, clubMemberships } = data.association;
  const extra = deriveAssociationSeed(data);
  await insertInBatches(models.Branch, extra.branches);
  await insertInBatches(
    models.Membership,
    memberships.map((m) => ({
      ...m,
      status: 'ACTIVE' as const,
      branchId: extra.membershipBranches[m.citizenId] ?? null,
      groupName: null,
      declaredBirthDate: null,
    })),
  );
  await insertInBatches(models.Club, clubs);
  await insertInBatches(
    models.ClubMember,
    clubMemberships.map((m) => ({ ...m, roleSlot: roleSlotOf(m) })),
  );
  await insertInBatches(models.ClubLoan, extra.loans);
  await insertInBatches(models.ClubActivity, extra.activities);
  await insertInBatches(models.LedgerEntry, extra.fundEntries);
  const books = booksOf(extra.fundEntries);
  await insertInBatches(models.FundBook, books);
  await insertInBatches(models.Celebration, extra.celebrations);
  await insertInBatches(models.Recognition, extra.recognitions);
  return {
    seeded: true,
    counts: {
      memberships: memberships.length,
      clubs: clubs.length,
      clubMembers: clubMemberships.length,
      branches: extra.branches.length,
      loans: extra.loans.length,
      activities: extra.activities.length,
      fundEntries: extra.fundEntries.length,
      fundBooks: books.length,
      celebrations: extra.celebrations.length,
      recognitions: extra.recognitions.length,
    },
  };
}

import type { SeedData } from '@nct/seed';
import type { Models } from './models';
import { roleSlotOf } from './clubs/club-member.model';

const BATCH = 2000;

async function insertInBatches<T>(model: { insertMany(docs: T[], opts: object): Promise<unknown> }, docs: T[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    await model.insertMany(docs.slice(i, i + BATCH), { ordered: false, lean: true });
  }
}

/**
 * Writes the association slice of the seed: memberships, clubs and club members.
 * Skips when memberships or clubs already hold data. `lean` inserts skip mongoose defaults,
 * so derived fields (status, roleSlot) are set here.
 */
export async function seedDatabase(models: Models, data: SeedData): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  if ((await models.Membership.findOne().lean()) || (await models.Club.findOne().lean())) {
    return { seeded: false, counts: {} };
  }
  const { memberships, clubs, clubMemberships } = data.association;
  await insertInBatches(models.Membership, memberships.map((m) => ({ ...m, status: 'ACTIVE' as const })));
  await insertInBatches(models.Club, clubs);
  await insertInBatches(models.ClubMember, clubMemberships.map((m) => ({ ...m, roleSlot: roleSlotOf(m) })));
  return { seeded: true, counts: { memberships: memberships.length, clubs: clubs.length, clubMembers: clubMemberships.length } };
}

import type { Connection } from 'mongoose';
import { clubSchema } from './clubs/club.model';
import { clubMemberSchema } from './clubs/club-member.model';
import { membershipSchema } from './membership/membership.model';

/** The association database: memberships, clubs and club members. */
export function createModels(conn: Connection) {
  return {
    Membership: conn.model('Membership', membershipSchema),
    Club: conn.model('Club', clubSchema),
    ClubMember: conn.model('ClubMember', clubMemberSchema),
  };
}

export type Models = ReturnType<typeof createModels>;

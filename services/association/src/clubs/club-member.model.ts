import { Schema } from 'mongoose';
import type { ClubRole, Sex } from './clubs.rules';

/**
 * A person's membership of a club. Carries a minimal identity copy (name, birth date, sex)
 * because 30-40% of members are younger people (Decision 1336/QĐ-TTg) who are not in the
 * elderly register kept by homeaffairs, so there is nobody to join on for them.
 */
export interface ClubMemberDoc {
  clubId: string;
  citizenId: string;
  fullName: string;
  birthDate: string;
  sex: Sex;
  role: ClubRole;
  elderly: boolean;
  woman: boolean;
  young: boolean;
  /** Priority member: in difficult circumstances (Decision 1336/QĐ-TTg). */
  priority: boolean;
  joinedOn: string;
  /**
   * 'CHAIR' for the chair, the citizen ID for everyone else: with the unique index on
   * {clubId, roleSlot} the database itself allows at most one chair per club. A membership
   * that ended gives its slot back (the citizen ID), so the club can have a new chair.
   */
  roleSlot: string;
  /** The day the membership ended (the date of death, `associationApplyDeath`); null while current. The record stays. */
  endedOn?: string | null;
  /** Why it ended: DECEASED; null while current. */
  endReason?: 'DECEASED' | null;
}

/** Whether a club membership is still current (not ended). */
export function isCurrentMember(m: Pick<ClubMemberDoc, 'endedOn'>): boolean {
  return m.endedOn == null;
}

export function roleSlotOf(m: { role: ClubRole; citizenId: string }): string {
  return m.role === 'CHAIR' ? 'CHAIR' : m.citizenId;
}

export const clubMemberSchema = new Schema<ClubMemberDoc>(
  {
    clubId: { type: String, required: true, match: /^CLB-\d{5}-\d{2}$/ },
    citizenId: { type: String, required: true, match: /^\d{12}$/ },
    fullName: { type: String, required: true, maxlength: 100 },
    birthDate: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    sex: { type: String, required: true, enum: ['MALE', 'FEMALE'] },
    role: { type: String, required: true, enum: ['CHAIR', 'VICE_CHAIR', 'MEMBER'] },
    elderly: { type: Boolean, required: true },
    woman: { type: Boolean, required: true },
    young: { type: Boolean, required: true },
    priority: { type: Boolean, required: true },
    joinedOn: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    roleSlot: { type: String, required: true },
    endedOn: { type: String, default: null, match: /^\d{4}-\d{2}-\d{2}$/ },
    endReason: { type: String, default: null, enum: ['DECEASED', null] },
  },
  { collection: 'club_members', versionKey: false },
);
clubMemberSchema.index({ clubId: 1, citizenId: 1 }, { unique: true });
clubMemberSchema.index({ citizenId: 1 });
clubMemberSchema.index({ clubId: 1, role: 1 });
clubMemberSchema.index({ clubId: 1, roleSlot: 1 }, { unique: true });

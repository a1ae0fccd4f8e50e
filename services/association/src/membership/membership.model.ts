import { Schema } from 'mongoose';

export type MembershipStatus = 'ACTIVE' | 'LEFT' | 'DECEASED';

/** A member of the Association of the Elderly (hội viên), in a branch (chi hội) of a commune. */
export interface MembershipDoc {
  citizenId: string;
  branchName: string;
  /** Commune of the association unit the branch belongs to (5-digit, post-July-2025). */
  communeCode: string;
  joinedOn: string;
  cardNumber: string;
  status: MembershipStatus;
  /** The branch (chi hội) by ID; null on records made before branches were kept. */
  branchId?: string | null;
  /** Group (tổ hội) within the branch, when the branch has groups. */
  groupName?: string | null;
  /**
   * Birth date the applicant declared on joining, when the citizen ID's birth year alone could
   * not prove a full 60 (see docs/membership-age.md); null otherwise.
   */
  declaredBirthDate?: string | null;
  /**
   * The day the membership ended: for DECEASED, the date of death the register gave when the
   * death reached the association (`associationApplyDeath`). Null while ACTIVE. The record stays.
   */
  endedOn?: string | null;
}

export const membershipSchema = new Schema<MembershipDoc>(
  {
    citizenId: { type: String, required: true, match: /^\d{12}$/ },
    branchName: { type: String, required: true, maxlength: 100 },
    communeCode: { type: String, required: true, match: /^\d{5}$/ },
    joinedOn: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    cardNumber: { type: String, required: true, maxlength: 30 },
    status: { type: String, required: true, enum: ['ACTIVE', 'LEFT', 'DECEASED'], default: 'ACTIVE' },
    branchId: { type: String, default: null },
    groupName: { type: String, default: null, maxlength: 100 },
    declaredBirthDate: { type: String, default: null },
    endedOn: { type: String, default: null, match: /^\d{4}-\d{2}-\d{2}$/ },
  },
  { collection: 'memberships', versionKey: false },
);
// One membership per person, one card per member.
membershipSchema.index({ citizenId: 1 }, { unique: true });
membershipSchema.index({ cardNumber: 1 }, { unique: true });
membershipSchema.index({ communeCode: 1, citizenId: 1 });

import type { Connection } from 'mongoose';
import { digestModel } from '@nct/subgraph-kit';
import { branchSchema } from './branches/branch.model';
import { celebrationSchema } from './celebrations/celebration.model';
import { clubSchema } from './clubs/club.model';
import { clubActivitySchema } from './clubs/club-activity.model';
import { clubLoanSchema } from './clubs/club-loan.model';
import { clubMemberSchema } from './clubs/club-member.model';
import { ledgerEntrySchema } from './funds/ledger-entry.model';
import { membershipSchema } from './membership/membership.model';
import { recognitionSchema } from './recognitions/recognition.model';

/** The association database: members and branches, clubs, funds, celebrations, recognitions, digests. */
export function createModels(conn: Connection) {
  return {
    Membership: conn.model('Membership', membershipSchema),
    Branch: conn.model('Branch', branchSchema),
    Club: conn.model('Club', clubSchema),
    ClubMember: conn.model('ClubMember', clubMemberSchema),
    ClubLoan: conn.model('ClubLoan', clubLoanSchema),
    ClubActivity: conn.model('ClubActivity', clubActivitySchema),
    LedgerEntry: conn.model('LedgerEntry', ledgerEntrySchema),
    Celebration: conn.model('Celebration', celebrationSchema),
    Recognition: conn.model('Recognition', recognitionSchema),
    digests: digestModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;

import type { Connection } from 'mongoose';
import { appliedDeaths } from '@nct/subgraph-kit';
import { branchSchema } from './branches/branch.model';
import { celebrationSchema } from './celebrations/celebration.model';
import { clubSchema } from './clubs/club.model';
import { clubActivitySchema } from './clubs/club-activity.model';
import { clubLoanSchema } from './clubs/club-loan.model';
import { clubMemberSchema } from './clubs/club-member.model';
import { fundBookSchema } from './funds/fund-book.model';
import { ledgerEntrySchema } from './funds/ledger-entry.model';
import { membershipSchema } from './membership/membership.model';
import { recognitionSchema } from './recognitions/recognition.model';

/**
 * The association database: members and branches, clubs, fund books and entries, celebrations,
 * recognitions, and the deaths applied from the register (the kit's `applied_deaths`). Every read starts from an index declared next to its model (`*.model.ts`).
 */
export function createModels(conn: Connection) {
  return {
    Membership: conn.model('Membership', membershipSchema),
    Branch: conn.model('Branch', branchSchema),
    Club: conn.model('Club', clubSchema),
    ClubMember: conn.model('ClubMember', clubMemberSchema),
    ClubLoan: conn.model('ClubLoan', clubLoanSchema),
    ClubActivity: conn.model('ClubActivity', clubActivitySchema),
    FundBook: conn.model('FundBook', fundBookSchema),
    LedgerEntry: conn.model('LedgerEntry', ledgerEntrySchema),
    Celebration: conn.model('Celebration', celebrationSchema),
    Recognition: conn.model('Recognition', recognitionSchema),
    AppliedDeath: appliedDeaths(conn),
  };
}

export type Models = ReturnType<typeof createModels>;

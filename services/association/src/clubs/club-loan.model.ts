import { Schema } from 'mongoose';

export type LoanStatus = 'OUTSTANDING' | 'REPAID' | 'WRITTEN_OFF';

/** A loan to a club member (from the club's revolving fund or a partner bank through the club). */
export interface ClubLoanDoc {
  clubId: string;
  citizenId: string;
  /** Client reference: the same reference twice is the same loan (idempotent). */
  reference: string;
  amount: number;
  date: string;
  status: LoanStatus;
}

export const clubLoanSchema = new Schema<ClubLoanDoc>(
  {
    clubId: { type: String, required: true, match: /^CLB-\d{5}-\d{2}$/ },
    citizenId: { type: String, required: true, match: /^\d{12}$/ },
    reference: { type: String, required: true, maxlength: 60 },
    amount: { type: Number, required: true, min: 1 },
    date: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    status: { type: String, required: true, enum: ['OUTSTANDING', 'REPAID', 'WRITTEN_OFF'] },
  },
  { collection: 'club_loans', versionKey: false },
);
clubLoanSchema.index({ clubId: 1, reference: 1 }, { unique: true });
clubLoanSchema.index({ clubId: 1, citizenId: 1 });

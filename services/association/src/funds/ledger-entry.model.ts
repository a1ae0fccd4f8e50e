import { Schema } from 'mongoose';

export type FundKind = 'CLUB_INCOME_GENERATION' | 'CLUB_ACTIVITY' | 'CARE';
export type EntryType = 'CONTRIBUTION' | 'DISBURSEMENT';

/**
 * One entry of a fund's book. A book (`ledgerId`) is a chain: entry `seq` n carries the
 * balance after it. An entry is written in one transaction with its book's head
 * (`fund_books`, which holds the balance a disbursement is checked against), so concurrent
 * writers are serialised; the unique index on {ledgerId, seq} also refuses a forked chain,
 * and the one on {ledgerId, reference} makes a retried request idempotent.
 */
export interface LedgerEntryDoc {
  ledgerId: string;
  fund: FundKind;
  /** Club ID for club funds; 2-digit province or 5-digit commune code for the care fund. */
  ownerCode: string;
  seq: number;
  reference: string;
  type: EntryType;
  /** Positive whole VND. */
  amount: number;
  balanceAfter: number;
  date: string;
  description: string;
}

export const ledgerEntrySchema = new Schema<LedgerEntryDoc>(
  {
    ledgerId: { type: String, required: true, maxlength: 40 },
    fund: { type: String, required: true, enum: ['CLUB_INCOME_GENERATION', 'CLUB_ACTIVITY', 'CARE'] },
    ownerCode: { type: String, required: true, maxlength: 20 },
    seq: { type: Number, required: true, min: 1 },
    reference: { type: String, required: true, maxlength: 60 },
    type: { type: String, required: true, enum: ['CONTRIBUTION', 'DISBURSEMENT'] },
    amount: { type: Number, required: true, min: 1 },
    balanceAfter: { type: Number, required: true, min: 0 },
    date: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    description: { type: String, required: true, maxlength: 300 },
  },
  { collection: 'ledger_entries', versionKey: false },
);
ledgerEntrySchema.index({ ledgerId: 1, seq: 1 }, { unique: true });
ledgerEntrySchema.index({ ledgerId: 1, reference: 1 }, { unique: true });
ledgerEntrySchema.index({ ownerCode: 1 });

import { Schema } from 'mongoose';
import type { FundKind } from './ledger-entry.model';

/**
 * The head of a fund book: its balance and the `seq` of its last entry. Every entry is
 * appended in one transaction with the update of its book (`appendEntry`), so two concurrent
 * disbursements are serialised on this document and the second sees the first's balance.
 * The balance always equals the last entry's `balanceAfter` and the sum of the entries.
 */
export interface FundBookDoc {
  ledgerId: string;
  fund: FundKind;
  ownerCode: string;
  balance: number;
  seq: number;
}

export const fundBookSchema = new Schema<FundBookDoc>(
  {
    ledgerId: { type: String, required: true, maxlength: 40 },
    fund: { type: String, required: true, enum: ['CLUB_INCOME_GENERATION', 'CLUB_ACTIVITY', 'CARE'] },
    ownerCode: { type: String, required: true, maxlength: 20 },
    balance: { type: Number, required: true, min: 0 },
    seq: { type: Number, required: true, min: 0 },
  },
  { collection: 'fund_books', versionKey: false },
);
fundBookSchema.index({ ledgerId: 1 }, { unique: true });

/** The book heads of seeded entries: per ledger, the balance and seq of its last entry. */
export function booksOf(
  entries: ReadonlyArray<{ ledgerId: string; fund: FundKind; ownerCode: string; seq: number; balanceAfter: number }>,
): FundBookDoc[] {
  const last = new Map<string, FundBookDoc>();
  for (const e of entries) {
    const b = last.get(e.ledgerId);
    if (!b || e.seq > b.seq)
      last.set(e.ledgerId, { ledgerId: e.ledgerId, fund: e.fund, ownerCode: e.ownerCode, balance: e.balanceAfter, seq: e.seq });
  }
  return [...last.values()];
}

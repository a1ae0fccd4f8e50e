import { trusted } from '@nct/db';
import { loader, RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import type { FundKind, LedgerEntryDoc } from './ledger-entry.model';
import { summarise } from './funds.rules';

export interface LedgerView {
  ledgerId: string;
  fund: FundKind;
  ownerCode: string;
  balance: number;
  contributions: number;
  disbursements: number;
  entryCount: number;
}

export function ledgerView(ledgerId: string, fund: FundKind, ownerCode: string, entries: readonly LedgerEntryDoc[]): LedgerView {
  const s = summarise(entries);
  return {
    ledgerId,
    fund,
    ownerCode,
    balance: s.balance,
    contributions: s.contributions,
    disbursements: s.disbursements,
    entryCount: entries.length,
  };
}

/** Entries of one request's books by ledger ID: one query per batch. */
export function entriesByLedgerLoader(models: Models, ctx: RequestContext) {
  return loader<string, LedgerEntryDoc[]>(ctx, 'ledger-entries', async (ids) => {
    const docs = await models.LedgerEntry.find({ ledgerId: trusted({ $in: [...ids] }) }).lean<LedgerEntryDoc[]>();
    const map = new Map<string, LedgerEntryDoc[]>();
    for (const d of docs) map.set(d.ledgerId, [...(map.get(d.ledgerId) ?? []), d]);
    return ids.map((id) => (map.get(id) ?? []).sort((a, b) => a.seq - b.seq));
  });
}

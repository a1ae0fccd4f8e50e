import type { LedgerEntryDoc } from './ledger-entry.model';
import { entryProblems, ledgerOf, nextEntry, summarise } from './funds.rules';

const TODAY = '2026-11-23';
const input = { reference: 'R-1', type: 'CONTRIBUTION' as const, amount: 1_000_000, date: '2026-11-01', description: 'Đóng góp' };

describe('fund books (club funds, Decision 1336/QĐ-TTg; the care fund)', () => {
  it('names the book', () => {
    expect(ledgerOf({ fund: 'CLUB_ACTIVITY', clubId: 'CLB-03199-01' })).toEqual({
      ledgerId: 'CLB-03199-01/ACTIVITY',
      ownerCode: 'CLB-03199-01',
    });
    expect(ledgerOf({ fund: 'CARE', unitCode: '12' })).toEqual({ ledgerId: 'CARE/12', ownerCode: '12' });
    expect(ledgerOf({ fund: 'CARE', unitCode: '123' })).toMatchObject({ field: 'unitCode' });
    expect(ledgerOf({ fund: 'CARE', unitCode: '12', clubId: 'CLB-03199-01' })).toMatchObject({ field: 'clubId' });
    expect(ledgerOf({ fund: 'CLUB_INCOME_GENERATION', clubId: '{"$gt":""}' })).toMatchObject({ field: 'clubId' });
  });

  it('chains balances and refuses a disbursement above the balance', () => {
    expect(nextEntry(null, input)).toEqual({ seq: 1, balanceAfter: 1_000_000 });
    expect(nextEntry({ seq: 1, balanceAfter: 1_000_000 }, { ...input, type: 'DISBURSEMENT', amount: 1_000_000 })).toEqual({
      seq: 2,
      balanceAfter: 0,
    });
    expect(nextEntry({ seq: 1, balanceAfter: 1_000_000 }, { ...input, type: 'DISBURSEMENT', amount: 1_000_001 })).toEqual({
      shortfall: 1,
      balance: 1_000_000,
    });
    expect(nextEntry(null, { ...input, type: 'DISBURSEMENT', amount: 1 })).toEqual({ shortfall: 1, balance: 0 });
  });

  it('the balance is the sum of the entries, and a broken chain is detected', () => {
    const e = (seq: number, type: 'CONTRIBUTION' | 'DISBURSEMENT', amount: number, balanceAfter: number) =>
      ({ seq, type, amount, balanceAfter }) as LedgerEntryDoc;
    expect(summarise([e(2, 'DISBURSEMENT', 300, 700), e(1, 'CONTRIBUTION', 1000, 1000)])).toEqual({
      balance: 700,
      contributions: 1000,
      disbursements: 300,
      consistent: true,
    });
    expect(summarise([e(1, 'CONTRIBUTION', 1000, 1000), e(2, 'DISBURSEMENT', 300, 800)]).consistent).toBe(false);
    expect(summarise([e(1, 'CONTRIBUTION', 1000, 1000), e(3, 'DISBURSEMENT', 300, 700)]).consistent).toBe(false);
  });

  it.each([
    [{ reference: '' }, 'reference'],
    [{ reference: 'x'.repeat(61) }, 'reference'],
    [{ reference: '{"$gt":""}' }, 'reference'],
    [{ amount: 0 }, 'amount'],
    [{ amount: -5 }, 'amount'],
    [{ amount: 1.5 }, 'amount'],
    [{ date: '2026-02-30' }, 'date'],
    [{ date: '2026-11-24' }, 'date'],
    [{ description: ' ' }, 'description'],
    [{ description: 'd'.repeat(301) }, 'description'],
  ])('refuses %j', (change, field) => {
    expect(entryProblems({ ...input, ...change }, TODAY).map((p) => p.field)).toEqual([field]);
  });
});

import { isIsoDate } from '@nct/dates';
import { Problem } from '@nct/rules';
import { cleanText } from '../common/problems';
import { CLUB_ID_PATTERN } from '../clubs/clubs.rules';
import type { EntryType, FundKind, LedgerEntryDoc } from './ledger-entry.model';

export const MAX_ENTRY_AMOUNT = 100_000_000_000; // 100 billion VND: far above any fund entry; well inside exact Float range
export const MAX_DESCRIPTION_LENGTH = 300;
export const REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,59}$/;

export interface LedgerRef {
  fund: FundKind;
  clubId?: string | null;
  unitCode?: string | null;
}

/**
 * The book a reference names: a club's income-generation or activity fund (by club ID), or
 * the care fund ("Quỹ chăm sóc và phát huy vai trò người cao tuổi") of a province (2-digit
 * code) or commune (5-digit code). Null with problems when the reference is incomplete.
 */
export function ledgerOf(ref: LedgerRef): { ledgerId: string; ownerCode: string } | Problem {
  if (ref.fund === 'CARE') {
    if (ref.clubId != null)
      return { field: 'clubId', vi: 'Quỹ chăm sóc không thuộc câu lạc bộ', en: 'The care fund belongs to a unit, not a club' };
    if (!ref.unitCode || !/^(\d{2}|\d{5})$/.test(ref.unitCode))
      return {
        field: 'unitCode',
        vi: 'Mã tỉnh (2 chữ số) hoặc xã (5 chữ số)',
        en: 'unitCode must be a 2-digit province or 5-digit commune code',
      };
    return { ledgerId: `CARE/${ref.unitCode}`, ownerCode: ref.unitCode };
  }
  if (ref.unitCode != null)
    return { field: 'unitCode', vi: 'Quỹ câu lạc bộ được xác định bằng mã câu lạc bộ', en: 'A club fund is named by clubId' };
  if (!ref.clubId || !CLUB_ID_PATTERN.test(ref.clubId))
    return { field: 'clubId', vi: 'Mã câu lạc bộ có dạng CLB-xxxxx-nn', en: 'clubId must look like CLB-12345-01' };
  return { ledgerId: `${ref.clubId}/${ref.fund === 'CLUB_INCOME_GENERATION' ? 'INCOME_GENERATION' : 'ACTIVITY'}`, ownerCode: ref.clubId };
}

export interface EntryInput {
  reference: string;
  type: EntryType;
  amount: number;
  date: string;
  description: string;
}

export function entryProblems(input: EntryInput, today: string): Problem[] {
  const problems: Problem[] = [];
  if (typeof input.reference !== 'string' || !REFERENCE_PATTERN.test(input.reference)) {
    problems.push({
      field: 'reference',
      vi: 'Số tham chiếu 1-60 ký tự chữ, số, . _ / -',
      en: 'reference must be 1-60 letters, digits, . _ / -',
    });
  }
  if (!Number.isInteger(input.amount) || input.amount < 1 || input.amount > MAX_ENTRY_AMOUNT) {
    problems.push({ field: 'amount', vi: 'Số tiền phải là số nguyên dương (VND)', en: 'amount must be a positive whole number of VND' });
  }
  if (!isIsoDate(input.date) || input.date > today)
    problems.push({ field: 'date', vi: 'Ngày không hợp lệ hoặc ở tương lai', en: 'date is not a valid past date' });
  const d = cleanText(input.description ?? '');
  if (d.length === 0 || d.length > MAX_DESCRIPTION_LENGTH) {
    problems.push({
      field: 'description',
      vi: `Nội dung 1-${MAX_DESCRIPTION_LENGTH} ký tự`,
      en: `description must be 1-${MAX_DESCRIPTION_LENGTH} characters`,
    });
  }
  return problems;
}

/** The next entry of a book after `tail`, or the shortfall when a disbursement exceeds the balance. */
export function nextEntry(
  tail: Pick<LedgerEntryDoc, 'seq' | 'balanceAfter'> | null,
  input: EntryInput,
): { seq: number; balanceAfter: number } | { shortfall: number; balance: number } {
  const balance = tail?.balanceAfter ?? 0;
  const after = input.type === 'CONTRIBUTION' ? balance + input.amount : balance - input.amount;
  if (after < 0) return { shortfall: -after, balance };
  return { seq: (tail?.seq ?? 0) + 1, balanceAfter: after };
}

/** Whether a stored entry is the same request as `input` (an idempotent retry). */
export function sameEntry(doc: LedgerEntryDoc, input: EntryInput): boolean {
  return (
    doc.type === input.type && doc.amount === input.amount && doc.date === input.date && doc.description === cleanText(input.description)
  );
}

/** Balance and totals of a book from its entries, in `seq` order; `consistent` checks the chain. */
export function summarise(entries: readonly LedgerEntryDoc[]): {
  balance: number;
  contributions: number;
  disbursements: number;
  consistent: boolean;
} {
  let running = 0;
  let contributions = 0;
  let disbursements = 0;
  let consistent = true;
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  sorted.forEach((e, i) => {
    if (e.type === 'CONTRIBUTION') contributions += e.amount;
    else disbursements += e.amount;
    running += e.type === 'CONTRIBUTION' ? e.amount : -e.amount;
    if (e.seq !== i + 1 || e.balanceAfter !== running || running < 0) consistent = false;
  });
  return { balance: running, contributions, disbursements, consistent };
}

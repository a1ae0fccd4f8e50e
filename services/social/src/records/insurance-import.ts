import { checkCitizenId } from '@nct/citizen-id';
import { BadUserInputError } from '@nct/errors';
import { isIsoDate } from '@nct/dates';
import { INSURANCE_STATUSES, type InsuranceStatus } from './social-record.model';

/**
 * The insurance agency's export of pension / social-insurance status, as CSV:
 *   citizenId,status,effectiveFrom,communeCode
 *   012140000001,PENSION,2019-05-01,03199
 * `status` is PENSION, SI_MONTHLY_BENEFIT or NONE; `effectiveFrom` an ISO date not in the
 * future; `communeCode` the 5-digit residence commune the agency has on file (where the
 * department files the record when it has none yet).
 */
export const CSV_HEADER = ['citizenId', 'status', 'effectiveFrom', 'communeCode'] as const;
export const MAX_CSV_CHARS = 200_000;
export const MAX_CSV_ROWS = 5_000;

export type RejectReason = 'WRONG_COLUMNS' | 'BAD_ID' | 'UNKNOWN_STATUS' | 'IMPOSSIBLE_DATE' | 'BAD_COMMUNE' | 'DUPLICATE_ROW';

export interface ParsedRow {
  line: number;
  citizenId: string;
  status: InsuranceStatus;
  from: string;
  communeCode: string;
}

export interface Rejection {
  line: number;
  reason: RejectReason;
  messageVi: string;
  messageEn: string;
}

const MESSAGES: Record<RejectReason, [string, string]> = {
  WRONG_COLUMNS: ['Dòng phải có đúng 4 cột', 'A row must have exactly 4 columns'],
  BAD_ID: ['Số định danh cá nhân không hợp lệ', 'Invalid citizen ID'],
  UNKNOWN_STATUS: ['Tình trạng không xác định (PENSION, SI_MONTHLY_BENEFIT, NONE)', 'Unknown status (PENSION, SI_MONTHLY_BENEFIT, NONE)'],
  IMPOSSIBLE_DATE: ['Ngày không hợp lệ hoặc ở tương lai', 'Impossible or future date'],
  BAD_COMMUNE: ['Mã xã/phường phải gồm 5 chữ số', 'communeCode must be 5 digits'],
  DUPLICATE_ROW: ['Trùng dòng trước (cùng người, cùng ngày hiệu lực)', 'Duplicate of an earlier row (same person and effective date)'],
};

const reject = (line: number, reason: RejectReason): Rejection => ({
  line,
  reason,
  messageVi: MESSAGES[reason][0],
  messageEn: MESSAGES[reason][1],
});

const cell = (s: string) =>
  s
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();

/** Parses and checks every row; refuses the whole input only when it is too large or has no header. */
export function parseInsuranceCsv(csv: string, today: string): { rows: ParsedRow[]; rejected: Rejection[]; total: number } {
  if (csv.length > MAX_CSV_CHARS) {
    throw new BadUserInputError(
      { vi: `Tệp quá lớn (tối đa ${MAX_CSV_CHARS} ký tự)`, en: `Input too large (at most ${MAX_CSV_CHARS} characters)` },
      { argument: 'csv', maxChars: MAX_CSV_CHARS },
    );
  }
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map(cell);
  if (header.length !== CSV_HEADER.length || header.some((h, i) => h !== CSV_HEADER[i])) {
    throw new BadUserInputError(
      { vi: `Dòng tiêu đề phải là: ${CSV_HEADER.join(',')}`, en: `The header must be: ${CSV_HEADER.join(',')}` },
      { argument: 'csv' },
    );
  }
  const data = lines
    .slice(1)
    .map((text, i) => ({ line: i + 2, text }))
    .filter((l) => l.text.trim().length > 0);
  if (data.length > MAX_CSV_ROWS) {
    throw new BadUserInputError(
      { vi: `Tối đa ${MAX_CSV_ROWS} dòng mỗi lần nhập`, en: `At most ${MAX_CSV_ROWS} rows per import` },
      { argument: 'csv', maxRows: MAX_CSV_ROWS },
    );
  }
  const rows: ParsedRow[] = [];
  const rejected: Rejection[] = [];
  const seen = new Set<string>();
  for (const { line, text } of data) {
    const cols = text.split(',').map(cell);
    if (cols.length !== CSV_HEADER.length) {
      rejected.push(reject(line, 'WRONG_COLUMNS'));
      continue;
    }
    const [citizenId, status, from, communeCode] = cols;
    if (citizenId.length > 20 || checkCitizenId(citizenId).length) rejected.push(reject(line, 'BAD_ID'));
    else if (!(INSURANCE_STATUSES as readonly string[]).includes(status)) rejected.push(reject(line, 'UNKNOWN_STATUS'));
    else if (!isIsoDate(from) || from > today || from < '1900-01-01') rejected.push(reject(line, 'IMPOSSIBLE_DATE'));
    else if (!/^\d{5}$/.test(communeCode)) rejected.push(reject(line, 'BAD_COMMUNE'));
    else if (seen.has(`${citizenId}|${from}`)) rejected.push(reject(line, 'DUPLICATE_ROW'));
    else {
      seen.add(`${citizenId}|${from}`);
      rows.push({ line, citizenId, status: status as InsuranceStatus, from, communeCode });
    }
  }
  return { rows, rejected, total: data.length };
}

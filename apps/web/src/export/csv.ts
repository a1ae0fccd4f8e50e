/**
 * CSV as spreadsheet programs open it: UTF-8 with a byte-order mark (so Excel reads Vietnamese
 * correctly), comma-separated, CRLF line ends, RFC 4180 quoting. Cells that a spreadsheet
 * would run as a formula (starting with = + - @, or a tab or carriage return) are neutralised
 * with a leading apostrophe (OWASP "CSV injection"): a name or a note typed as `=HYPERLINK(...)`
 * stays text. Numbers are written as numbers, and a negative number is a number, not a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutraliseFormula(typeof value === 'boolean' ? String(value) : value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return [headers, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export const CSV_BOM = '\uFEFF';

import type { Lang } from '../i18n/format';
import { formatDate, formatMoney, formatMonth, formatNumber, formatPercent, formatShare } from '../i18n/format';
import type { Problem } from '../graphql/problems';

/**
 * One value of a table, as the API gave it. Small cells are withheld by the API (cells of 1-4
 * people, plus a complementary cell: `null` with `suppressed: true`, or `null` where the field
 * has no flag); the app shows them as withheld and never recomputes them from other figures.
 * A value the role may not read, or whose agency is down, says so.
 */
export type Cell =
  | { kind: 'number'; value: number }
  | { kind: 'share'; value: number }
  | { kind: 'percent'; value: number }
  | { kind: 'money'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'date'; value: string }
  | { kind: 'month'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'withheld' }
  | { kind: 'empty' }
  | { kind: 'forbidden' }
  | { kind: 'unavailable'; service?: string };

type Plain = 'number' | 'share' | 'percent' | 'money';

/**
 * A figure from the API. `problem`: an error at its path (refused, agency down) wins;
 * `suppressed: true` or a null value where null means "withheld" (`nullMeans`) give a
 * withheld cell; otherwise the number.
 */
export function figure(
  value: number | null | undefined,
  options: { kind?: Plain; suppressed?: boolean | null; problem?: Problem; nullMeans?: 'withheld' | 'empty' } = {},
): Cell {
  if (options.problem) return problemCell(options.problem);
  if (options.suppressed) return { kind: 'withheld' };
  if (value === null || value === undefined) return { kind: options.nullMeans ?? 'withheld' };
  return { kind: options.kind ?? 'number', value };
}

export function problemCell(problem: Problem): Cell {
  return problem.kind === 'forbidden' ? { kind: 'forbidden' } : { kind: 'unavailable', service: problem.service };
}

export const text = (value: string | null | undefined): Cell => (value ? { kind: 'text', value } : { kind: 'empty' });
export const date = (value: string | null | undefined): Cell => (value ? { kind: 'date', value } : { kind: 'empty' });
export const bool = (value: boolean | null | undefined): Cell =>
  value === null || value === undefined ? { kind: 'empty' } : { kind: 'bool', value };

/** The words the cells need, in the current language (from the messages). */
export interface CellWords {
  yes: string;
  no: string;
  withheld: string;
  withheldTitle: string;
  forbidden: string;
  unavailable: (service?: string) => string;
}

export interface Display {
  text: string;
  /** A longer explanation (tooltip and accessible description). */
  title?: string;
  numeric: boolean;
  /** Withheld, refused or unavailable: shown in a muted style. */
  muted: boolean;
}

export function display(cell: Cell, lang: Lang, words: CellWords): Display {
  switch (cell.kind) {
    case 'number':
      return { text: formatNumber(cell.value, lang), numeric: true, muted: false };
    case 'share':
      return { text: formatShare(cell.value, lang), numeric: true, muted: false };
    case 'percent':
      return { text: formatPercent(cell.value, lang), numeric: true, muted: false };
    case 'money':
      return { text: formatMoney(cell.value, lang), numeric: true, muted: false };
    case 'text':
      return { text: cell.value, numeric: false, muted: false };
    case 'date':
      return { text: formatDate(cell.value, lang), numeric: false, muted: false };
    case 'month':
      return { text: formatMonth(cell.value, lang), numeric: false, muted: false };
    case 'bool':
      return { text: cell.value ? words.yes : words.no, numeric: false, muted: false };
    case 'withheld':
      return { text: words.withheld, title: words.withheldTitle, numeric: true, muted: true };
    case 'empty':
      return { text: '', numeric: false, muted: true };
    case 'forbidden':
      return { text: words.forbidden, numeric: false, muted: true };
    case 'unavailable':
      return { text: words.unavailable(cell.service), numeric: false, muted: true };
  }
}

/**
 * The value written to a CSV or XLSX file: numbers as numbers (shares as percentages with two
 * decimals), dates and months in ISO form, yes/no and the withheld, refused and unavailable
 * marks as words, exactly as on screen.
 */
export function exportValue(cell: Cell, words: CellWords): string | number {
  switch (cell.kind) {
    case 'number':
    case 'money':
    case 'percent':
      return cell.value;
    case 'share':
      return Math.round(cell.value * 10000) / 100;
    case 'text':
    case 'date':
    case 'month':
      return cell.value;
    case 'bool':
      return cell.value ? words.yes : words.no;
    case 'withheld':
      return words.withheld;
    case 'empty':
      return '';
    case 'forbidden':
      return words.forbidden;
    case 'unavailable':
      return words.unavailable(cell.service);
  }
}

/** Sort key: numbers and text by value; withheld, empty, refused and unavailable cells last. */
export function sortKey(cell: Cell): number | string | null {
  switch (cell.kind) {
    case 'number':
    case 'share':
    case 'percent':
    case 'money':
      return cell.value;
    case 'bool':
      return cell.value ? 1 : 0;
    case 'text':
    case 'date':
    case 'month':
      return cell.value;
    default:
      return null;
  }
}

export function compareCells(a: Cell, b: Cell, lang: Lang): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka === null || kb === null) return ka === kb ? 0 : ka === null ? 1 : -1;
  if (typeof ka === 'number' && typeof kb === 'number') return ka - kb;
  return String(ka).localeCompare(String(kb), lang === 'vi' ? 'vi' : 'en');
}

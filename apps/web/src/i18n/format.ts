/**
 * Numbers, money, shares and dates as officials read them: Vietnamese formats (vi-VN: 1.234.567,
 * 12,5 %, 01/11/2026, 1.500.000 ₫) in Vietnamese, British English formats in English; money is
 * always VND, whole đồng. Dates from the API are calendar dates (`YYYY-MM-DD`) and months
 * (`YYYY-MM`): formatted as such, never shifted through a time zone.
 */
export type Lang = 'vi' | 'en';

export const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALES[lang], options)));
  return f;
}
function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: 'UTC' })));
  return f;
}

/** A count or any plain number: 1.234 (vi), 1,234 (en). */
export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 2): string {
  return numberFormat(lang, { maximumFractionDigits }).format(value);
}

/** A share between 0 and 1 as a percentage with one decimal: 0,8734 -> "87,3 %". */
export function formatShare(share: number, lang: Lang): string {
  return numberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** A value that is already a percentage (87.5 -> "87,5 %"). */
export function formatPercent(percent: number, lang: Lang): string {
  return formatShare(percent / 100, lang);
}

/** Money in VND, whole đồng: 1500000 -> "1.500.000 ₫". */
export function formatMoney(vnd: number, lang: Lang): string {
  return numberFormat(lang, { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(vnd);
}

function utcDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1));
}

/** A calendar date `YYYY-MM-DD`: "01/11/2026" (both languages: day first). */
export function formatDate(iso: string, lang: Lang): string {
  const date = utcDate(iso);
  return date ? dateFormat(lang, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date) : iso;
}

/** A month `YYYY-MM`: "tháng 11, 2026" / "November 2026". */
export function formatMonth(month: string, lang: Lang): string {
  const date = utcDate(month);
  return date ? dateFormat(lang, { month: 'long', year: 'numeric' }).format(date) : month;
}

/** An instant (ISO date-time, the access log's `at`) in Vietnam's time. */
export function formatInstant(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(date);
}

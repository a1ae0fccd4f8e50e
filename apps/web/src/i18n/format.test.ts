import { formatDate, formatInstant, formatMoney, formatMonth, formatNumber, formatPercent, formatShare } from './format';

// Intl's output uses non-breaking spaces in places; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formats officials read (vi-VN first, VND always)', () => {
  it.each([
    ['vi', 1234567, '1.234.567'],
    ['en', 1234567, '1,234,567'],
    ['vi', 0, '0'],
    ['vi', 12.345, '12,35'],
    ['en', 12.345, '12.35'],
  ] as const)('%s number %p -> %p', (lang, value, expected) => {
    expect(plain(formatNumber(value, lang))).toBe(expected);
  });

  it.each([
    ['vi', 1_500_000, '1.500.000 ₫'],
    ['en', 1_500_000, '₫1,500,000'],
    ['vi', 500_000, '500.000 ₫'],
  ] as const)('%s money %p -> %p (whole đồng)', (lang, value, expected) => {
    expect(plain(formatMoney(value, lang))).toBe(expected);
  });

  it.each([
    ['vi', 0.8734, '87,3%'],
    ['en', 0.8734, '87.3%'],
    ['vi', 1.0213, '102,1%'],
  ] as const)('%s share %p -> %p', (lang, value, expected) => {
    expect(plain(formatShare(value, lang))).toBe(expected);
  });

  it('a value that is already a percentage', () => {
    expect(plain(formatPercent(95, 'vi'))).toBe('95,0%');
    expect(plain(formatPercent(87.5, 'en'))).toBe('87.5%');
  });

  it('calendar dates and months are never shifted through a time zone', () => {
    expect(formatDate('2026-01-01', 'vi')).toBe('01/01/2026');
    expect(formatDate('2026-12-31', 'en')).toBe('31/12/2026');
    expect(formatDate('1944-02-29', 'vi')).toBe('29/02/1944');
    expect(formatDate('not a date', 'vi')).toBe('not a date');
    expect(formatMonth('2026-11', 'vi')).toBe('tháng 11 năm 2026');
    expect(formatMonth('2026-11', 'en')).toBe('November 2026');
  });

  it('an instant in Vietnam time (UTC+7)', () => {
    expect(plain(formatInstant('2026-10-31T18:30:00Z', 'vi'))).toBe('01:30:00 01/11/2026');
    expect(plain(formatInstant('2026-10-31T18:30:00Z', 'en'))).toBe('01/11/2026, 01:30:00');
  });
});

import { compareCells, display, exportValue, figure, type Cell, type CellWords } from './cells';
import type { Problem } from '../graphql/problems';

const WORDS: CellWords = {
  yes: 'Có',
  no: 'Không',
  withheld: 'ẩn',
  withheldTitle: 'ô nhỏ',
  forbidden: 'không được xem',
  unavailable: (service) => `${service}: không có dữ liệu`,
};
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const show = (cell: Cell) => plain(display(cell, 'vi', WORDS).text);

const FORBIDDEN: Problem = { kind: 'forbidden', service: 'social', path: ['payroll'], vi: 'x', en: 'x' };
const DOWN: Problem = { kind: 'unavailable', service: 'health', vi: 'x', en: 'x' };

describe('suppression: shown exactly as the API returns it, never recomputed', () => {
  it.each([
    // [what the API returned, shown]
    ['a count', figure(42), '42'],
    ['zero is a figure, not a withheld cell', figure(0), '0'],
    ['suppressed: true withholds the count', figure(null, { suppressed: true }), 'ẩn'],
    ['suppressed: true withholds even a value that came with it', figure(3, { suppressed: true }), 'ẩn'],
    ['null where the field has no flag (elderlyCountToday, Action Month cells)', figure(null), 'ẩn'],
    ['null meaning nothing to show', figure(null, { nullMeans: 'empty' }), ''],
    ['a share', figure(0.8734, { kind: 'share' }), '87,3%'],
    ['a suppressed share', figure(null, { kind: 'share', suppressed: true }), 'ẩn'],
    ['money', figure(48_010_000, { kind: 'money' }), '48.010.000 ₫'],
    ['refused at its path', figure(null, { problem: FORBIDDEN }), 'không được xem'],
    ['its agency down', figure(null, { problem: DOWN }), 'health: không có dữ liệu'],
  ])('%s', (_what, cell, expected) => {
    expect(show(cell)).toBe(expected);
  });

  it('a withheld cell explains itself and is muted', () => {
    expect(display({ kind: 'withheld' }, 'vi', WORDS)).toEqual({ text: 'ẩn', title: 'ô nhỏ', numeric: true, muted: true });
  });

  it('exports write numbers as numbers and withheld cells as the same word as on screen', () => {
    expect(exportValue(figure(42), WORDS)).toBe(42);
    expect(exportValue(figure(0.8734, { kind: 'share' }), WORDS)).toBe(87.34);
    expect(exportValue(figure(null, { suppressed: true }), WORDS)).toBe('ẩn');
    expect(exportValue(figure(null, { problem: FORBIDDEN }), WORDS)).toBe('không được xem');
    expect(exportValue({ kind: 'bool', value: true }, WORDS)).toBe('Có');
    expect(exportValue({ kind: 'date', value: '2026-11-01' }, WORDS)).toBe('2026-11-01');
  });

  it('sorting puts withheld, refused and empty cells after every figure', () => {
    const cells: Cell[] = [{ kind: 'withheld' }, figure(5), { kind: 'forbidden' }, figure(1), { kind: 'empty' }, figure(3)];
    expect(cells.sort((a, b) => compareCells(a, b, 'vi')).map((c) => (c.kind === 'number' ? c.value : c.kind))).toEqual([
      1,
      3,
      5,
      'withheld',
      'forbidden',
      'empty',
    ]);
  });

  it('sorts Vietnamese names by the Vietnamese alphabet', () => {
    const names = ['Đỗ', 'Dương', 'Ân', 'An'].map((value): Cell => ({ kind: 'text', value }));
    expect(names.sort((a, b) => compareCells(a, b, 'vi')).map((c) => (c as { value: string }).value)).toEqual(['An', 'Ân', 'Dương', 'Đỗ']);
  });
});

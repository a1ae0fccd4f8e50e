import { celebrationStatusFigures, dueFromBirthYears, type CelebrationStatusRaw } from './units.rules';

describe('dueFromBirthYears (celebrated calendar ages in the year)', () => {
  it.each([
    ['70, 75, ..., 95 and every age from 100', [1956, 1951, 1946, 1941, 1936, 1931, 1926, 1925, 1900], 9],
    ['not 60-69, 71-74, 96-99', [1966, 1957, 1955, 1952, 1930, 1927], 0],
  ])('%s', (_name, years, due) => {
    expect(
      dueFromBirthYears(
        years.map((year) => ({ year, count: 1 })),
        2026,
      ),
    ).toBe(due);
  });
  it('sums the counts and gives null when home affairs sent none', () => {
    expect(
      dueFromBirthYears(
        [
          { year: 1956, count: 7 },
          { year: 1960, count: 9 },
          { year: 1926, count: 2 },
        ],
        2026,
      ),
    ).toBe(9);
    expect(dueFromBirthYears([], 2026)).toBe(0);
    expect(dueFromBirthYears(null, 2026)).toBeNull();
  });
});

const raw = (code: string, due: number | null, delivered: number, notDelivered: number): CelebrationStatusRaw => ({
  code,
  due,
  delivered,
  notDelivered,
});
const W = { due: null, delivered: null, notDelivered: null, planned: null, suppressed: true };

describe('celebrationStatusFigures', () => {
  it.each([
    // [name, rows, suppress, expected communes (planned or 'W'), expected total (planned or 'W')]
    ['exact: planned = due − outcomes, clamped at 0', [raw('A', 20, 6, 5), raw('B', 0, 1, 0)], false, [9, 0], 9],
    ['no due: planned and the total unknown', [raw('A', null, 6, 5), raw('B', 10, 5, 0)], false, [null, 5], null],
    ['nothing small: all shown', [raw('A', 20, 6, 5), raw('B', 30, 10, 10)], true, [9, 10], 19],
    [
      'one small commune: the smallest other goes too',
      [raw('A', 20, 6, 5), raw('B', 12, 2, 0), raw('C', 30, 20, 5), raw('D', 8, 8, 0)],
      true,
      [9, 'W', 5, 'W'],
      24,
    ],
    ['two small communes: no complementary', [raw('A', 20, 6, 5), raw('B', 12, 2, 0), raw('C', 6, 0, 6)], true, [9, 'W', 'W'], 19],
    ['a small total is withheld', [raw('A', 3, 0, 0)], true, ['W'], 'W'],
    ['an empty commune is never the complementary one', [raw('A', 0, 0, 0), raw('B', 7, 2, 0)], true, [0, 'W'], 'W'],
  ] as const)('%s', (_name, rows, suppress, communes, total) => {
    const out = celebrationStatusFigures(rows, 'P', suppress);
    expect(out.communes.map((r) => (r.suppressed ? 'W' : r.planned))).toEqual(communes);
    expect(out.total.suppressed ? 'W' : out.total.planned).toEqual(total);
    for (const r of [...out.communes, out.total]) if (r.suppressed) expect(r).toEqual({ code: r.code, ...W });
  });
});

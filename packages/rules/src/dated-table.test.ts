import { datedTable, datedTableProblems, DatedTable, firstMonthOf, NoRuleInForceError, type DatedRow } from './dated-table';

interface Rate extends DatedRow {
  amount: number;
}
const act = 'Nghị định 20/2021/NĐ-CP, Điều 4';
const rates = (...rows: Array<[string, number]>): Rate[] =>
  rows.map(([effectiveFrom, amount]) => ({ effectiveFrom, amount, legalAct: act }));
const checkAmount = (r: Rate) => (Number.isInteger(r.amount) && r.amount > 0 ? [] : ['amount must be a positive integer']);

describe('a dated table (rows in force until the next row)', () => {
  const table = datedTable(rates(['2021-07-01', 360_000], ['2024-07-01', 500_000]), { name: 'base level', check: checkAmount });

  it.each([
    ['2021-06-30', null],
    ['2021-07-01', 360_000],
    ['2024-06-30', 360_000],
    ['2024-07-01', 500_000],
    ['2030-01-01', 500_000],
  ])('on %s: %p', (date, amount) => {
    expect(table.on(date)?.amount ?? null).toBe(amount);
  });

  it('throws NoRuleInForceError before the first row, by date or month', () => {
    expect(() => table.inForceOn('2021-06-30')).toThrow(NoRuleInForceError);
    expect(() => table.inMonth('2021-06')).toThrow(/base level: no row in force for 2021-06/);
    expect(table.inMonth('2024-07').amount).toBe(500_000);
    expect(firstMonthOf(table)).toBe('2021-07');
  });

  it('is a frozen array of its rows in declaration order', () => {
    expect(table).toBeInstanceOf(DatedTable);
    expect(table[0].amount).toBe(360_000);
    expect([...table].map((r) => r.amount)).toEqual([360_000, 500_000]);
    expect(table.filter(() => true)).not.toBeInstanceOf(DatedTable);
    expect(Object.isFrozen(table)).toBe(true);
    expect(() => (table as unknown as Rate[]).push(table[0])).toThrow(TypeError);
  });

  it('returns the same table when validated again', () => {
    expect(datedTable(table, { name: 'base level', check: checkAmount })).toBe(table);
  });
});

describe('invalid tables are refused at load, naming the table and each problem', () => {
  it.each<[string, Rate[], RegExp]>([
    ['no rows', [], /has no rows/],
    ['an impossible date', rates(['2021-02-30', 1]), /not an ISO date/],
    ['a date in another format', rates(['01/07/2021', 1]), /not an ISO date/],
    ['rows out of order', rates(['2024-07-01', 2], ['2021-07-01', 1]), /must start after row 0/],
    ['two rows on one date', rates(['2021-07-01', 1], ['2021-07-01', 2]), /must start after row 0/],
    ['no legal act', [{ effectiveFrom: '2021-07-01', amount: 1, legalAct: ' ' }], /legalAct is missing/],
    ['a figure the table refuses', rates(['2021-07-01', -5]), /amount must be a positive integer/],
    [
      'an end date where rows run until the next',
      [{ effectiveFrom: '2021-07-01', effectiveTo: '2022-01-01', amount: 1, legalAct: act }],
      /effectiveTo is not used/,
    ],
  ])('%s', (_what, rows, message) => {
    const build = () => datedTable(rows, { name: 'base level', check: checkAmount });
    expect(build).toThrow(/^Invalid rule table "base level":/);
    expect(build).toThrow(/rule table base level, /);
    expect(build).toThrow(message);
  });

  it('lists every problem, not only the first', () => {
    const problems = datedTableProblems(rates(['2021-02-30', -1], ['2020-01-01', 1]), { name: 't', check: checkAmount });
    expect(problems).toHaveLength(2);
    expect(datedTableProblems(rates(['2021-07-01', -1], ['2021-07-01', 1]), { name: 't', check: checkAmount })).toHaveLength(2);
  });

  it('refuses a month table whose row does not start on the 1st', () => {
    expect(() => datedTable(rates(['2021-07-15', 1]), { name: 'm', firstOfMonth: true })).toThrow(/first day of a month/);
    expect(() => datedTable(rates(['2021-07-01', 1]), { name: 'm', firstOfMonth: true })).not.toThrow();
  });
});

interface Target extends DatedRow {
  indicator: string;
  percent: number;
}
describe('a keyed table with explicit periods', () => {
  const row = (indicator: string, effectiveFrom: string, effectiveTo: string | null, percent = 50): Target => ({
    indicator,
    effectiveFrom,
    effectiveTo,
    percent,
    legalAct: act,
  });
  const options = { name: 'targets', ends: 'effectiveTo' as const, key: { name: 'indicator', of: (r: Target) => r.indicator } };
  const table = datedTable(
    [row('CARD', '2020-01-01', '2024-12-31', 90), row('CHECK', '2021-01-01', null, 70), row('CARD', '2025-01-01', null, 95)],
    options,
  );

  it.each([
    ['CARD', '2019-12-31', null],
    ['CARD', '2024-12-31', 90],
    ['CARD', '2025-01-01', 95],
    ['CHECK', '2020-06-01', null],
    ['CHECK', '2040-01-01', 70],
    ['OTHER', '2040-01-01', null],
  ])('%s on %s: %p', (key, date, percent) => {
    expect(table.on(date, key)?.percent ?? null).toBe(percent);
  });

  it('lists every series in force on a date, in table order', () => {
    expect(table.allOn('2024-01-01').map((r) => r.percent)).toEqual([90, 70]);
    expect(table.allOn('2025-01-01').map((r) => r.percent)).toEqual([70, 95]);
  });

  it('ends a row on its last day when it has one', () => {
    const ended = datedTable([row('CARD', '2020-01-01', '2020-12-31')], options);
    expect(ended.on('2021-01-01', 'CARD')).toBeNull();
    expect(() => ended.inForceOn('2021-01-01', 'CARD')).toThrow(NoRuleInForceError);
  });

  it.each<[string, Target[], RegExp]>([
    [
      'an open row followed by another',
      [row('CARD', '2020-01-01', null), row('CARD', '2025-01-01', null)],
      /overlaps row 0 of the same indicator \(CARD\)/,
    ],
    ['overlapping periods', [row('CARD', '2020-01-01', '2025-06-30'), row('CARD', '2025-01-01', null)], /overlaps/],
    ['an end before the start', [row('CARD', '2020-01-01', '2019-01-01')], /effectiveTo must be an ISO date on or after effectiveFrom/],
    ['an impossible end date', [row('CARD', '2020-01-01', '2020-13-01')], /effectiveTo must be an ISO date/],
    ['no end given', [{ indicator: 'CARD', effectiveFrom: '2020-01-01', percent: 1, legalAct: act }], /effectiveTo is missing/],
    ['two rows of one indicator on one date', [row('CARD', '2020-01-01', '2020-01-01'), row('CARD', '2020-01-01', null)], /same indicator/],
  ])('refuses %s', (_what, rows, message) => {
    expect(() => datedTable(rows, options)).toThrow(message);
  });

  it('refuses a gap only when the legal text has none (noGaps)', () => {
    const rows = [row('CARD', '2020-01-01', '2020-12-31'), row('CARD', '2021-02-01', null)];
    expect(() => datedTable(rows, options)).not.toThrow();
    expect(() => datedTable(rows, { ...options, noGaps: true })).toThrow(/gap after row 0/);
    expect(() =>
      datedTable([row('CARD', '2020-01-01', '2020-12-31'), row('CARD', '2021-01-01', null)], { ...options, noGaps: true }),
    ).not.toThrow();
  });
});

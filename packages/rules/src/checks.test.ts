import { communeCodeProblems, isPositiveVnd } from './checks';

describe('shared input checks', () => {
  it.each(['01001', '99999'])('accepts the commune code %s', (code) => expect(communeCodeProblems(code)).toEqual([]));
  it.each(['', '0100', '010011', '0100a', ' 01001'])('refuses the commune code %j, in both languages', (code) => {
    expect(communeCodeProblems(code, 'filter.communeCode')).toEqual([
      { field: 'filter.communeCode', vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' },
    ]);
  });
  it.each([
    [500_000, true],
    [100_000_000, true],
    [0, false],
    [-1, false],
    [0.5, false],
    [100_000_001, false],
    ['500000', false],
  ])('isPositiveVnd(%p) is %p', (value, ok) => expect(isPositiveVnd(value)).toBe(ok));
});

import { codeLevel, isCommuneCode, isValidOn } from './units.rules';

describe('unit codes (Decision 19/2025/QĐ-TTg)', () => {
  it.each([
    ['12', 'PROVINCE'],
    ['105', 'DISTRICT'],
    ['03199', 'COMMUNE'],
    ['1', null],
    ['1234', null],
    ['123456', null],
    ['12a45', null],
  ])('%s is %s', (code, level) => {
    expect(codeLevel(code)).toBe(level);
  });
  it('recognises communes only by five digits', () => {
    expect(isCommuneCode('03199')).toBe(true);
    expect(isCommuneCode('031')).toBe(false);
  });
});

describe('validity on a date', () => {
  const abolished = { validFrom: '2008-08-01', validTo: '2025-06-30' };
  const current = { validFrom: '2025-07-01', validTo: null };
  it.each([
    [abolished, '2025-06-30', true],
    [abolished, '2025-07-01', false],
    [current, '2025-06-30', false],
    [current, '2025-07-01', true],
    [current, '2099-01-01', true],
  ])('%j on %s -> %s', (unit, date, expected) => {
    expect(isValidOn(unit, date)).toBe(expected);
  });
});

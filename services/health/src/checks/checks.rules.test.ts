import { recordCheckProblems } from './checks.rules';

// Circular 14/2013/TT-BYT, Annex 1: health classes I (very good) to V (very weak).
describe('recording a periodic health check', () => {
  const TODAY = '2026-03-10';
  const valid = { citizenId: '012140000001', date: '2026-03-10', facility: 'Trạm Y tế xã Tam Đường', resultClass: 'III' };

  it.each(['I', 'II', 'III', 'IV', 'V'])('accepts class %s', (resultClass) => {
    expect(recordCheckProblems({ ...valid, resultClass }, TODAY)).toEqual([]);
  });

  it.each([
    [{ date: '2026-03-11' }, 'date'], // tomorrow
    [{ date: '2025-02-29' }, 'date'], // not a leap year
    [{ date: '10/03/2026' }, 'date'],
    [{ facility: '' }, 'facility'],
    [{ facility: 'x'.repeat(201) }, 'facility'],
    [{ resultClass: 'VI' }, 'resultClass'],
    [{ resultClass: 'i' }, 'resultClass'],
    [{ citizenId: '0121400000011' }, 'citizenId'],
  ])('refuses %j', (change, field) => {
    expect(recordCheckProblems({ ...valid, ...change }, TODAY).map((p) => p.field)).toEqual([field]);
  });

  it('accepts a 200-character facility name', () => {
    expect(recordCheckProblems({ ...valid, facility: 'x'.repeat(200) }, TODAY)).toEqual([]);
  });
});

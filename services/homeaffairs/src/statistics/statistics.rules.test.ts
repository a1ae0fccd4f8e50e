import { ageBand } from './statistics.rules';

describe('age bands', () => {
  it.each([
    ['1966-11-24', null], // 59 until tomorrow
    ['1966-11-23', '60-69'],
    ['1956-11-24', '60-69'], // 69
    ['1956-11-23', '70-79'],
    ['1926-11-23', '100+'],
    ['1926-11-24', '90-99'],
  ])('born %s on 2026-11-23 -> %s', (birth, band) => {
    expect(ageBand(birth, '2026-11-23')).toBe(band);
  });
});

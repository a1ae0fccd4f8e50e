import { createRng } from './rng';
import { buildCitizenId, CitizenIdIssuer, isConsistentCitizenId, OLD_PROVINCE_CODES } from './citizen-id';

describe('citizen-id', () => {
  it('knows the 63 old province codes', () => {
    expect(OLD_PROVINCE_CODES).toHaveLength(63);
    expect(new Set(OLD_PROVINCE_CODES).size).toBe(63);
    expect(OLD_PROVINCE_CODES).toContain('012');
    expect(OLD_PROVINCE_CODES).not.toContain('003');
  });

  it.each([
    ['012', 1950, 'MALE', 123, '012050000123'],
    ['001', 1926, 'FEMALE', 999999, '001126999999'],
    ['096', 2001, 'FEMALE', 0, '096301000000'],
  ] as const)('builds %s/%i/%s/%i as %s', (prov, year, sex, serial, expected) => {
    expect(buildCitizenId(prov, year, sex, serial)).toBe(expected);
    expect(isConsistentCitizenId(expected, `${year}-06-01`, sex)).toBe(true);
  });

  it.each([
    ['003', 1950, 'MALE', 1],
    ['012', 1950, 'MALE', 1_000_000],
    ['012', 1950, 'MALE', -1],
  ] as const)('rejects bad parts %s/%i/%s/%i', (prov, year, sex, serial) => {
    expect(() => buildCitizenId(prov, year, sex, serial)).toThrow(RangeError);
  });

  it.each([
    ['012050000123', '1951-01-01', 'MALE'], // wrong year
    ['012050000123', '1950-01-01', 'FEMALE'], // wrong sex
    ['01205000012', '1950-01-01', 'MALE'], // 11 digits
    ['003050000123', '1950-01-01', 'MALE'], // unknown province
  ] as const)('flags %s as inconsistent with %s %s', (id, birth, sex) => {
    expect(isConsistentCitizenId(id, birth, sex)).toBe(false);
  });

  it('issues unique IDs even in a crowded bucket', () => {
    const issuer = new CitizenIdIssuer();
    const rng = createRng(7);
    const ids = new Set<string>();
    for (let i = 0; i < 20000; i++) ids.add(issuer.issue(rng, '012', 1950, 'MALE'));
    expect(ids.size).toBe(20000);
    expect(issuer.size).toBe(20000);
  });
});

import { checkCitizenId, isCitizenIdShape, makeCitizenId, parseCitizenId } from './index';

// Cases from Circular 59/2021/TT-BCA Art. 7: digit 4 encodes century and sex.
describe('parseCitizenId', () => {
  it.each([
    ['001050123456', { provinceCode: '001', sex: 'MALE', birthYear: 1950 }],
    ['079145000001', { provinceCode: '079', sex: 'FEMALE', birthYear: 1945 }],
    ['036299999999', { provinceCode: '036', sex: 'MALE', birthYear: 2099 }],
    ['036099999999', { provinceCode: '036', sex: 'MALE', birthYear: 1999 }],
    ['001200000001', { provinceCode: '001', sex: 'MALE', birthYear: 2000 }],
    ['001301000001', { provinceCode: '001', sex: 'FEMALE', birthYear: 2001 }],
    ['001400000001', { provinceCode: '001', sex: 'MALE', birthYear: 2100 }],
  ])('%s', (id, expected) => {
    expect(parseCitizenId(id)).toMatchObject(expected);
  });

  it.each(['', '00105012345', '0010501234567', '00105012345a', '００１０５０１２３４５６', ' 001050123456', 12])(
    'refuses the shape of %j',
    (id) => {
      expect(isCitizenIdShape(id)).toBe(false);
      if (typeof id === 'string') expect(parseCitizenId(id)).toBeNull();
    },
  );
});

describe('checkCitizenId', () => {
  it.each([
    ['079145000001', { birthDate: '1945-03-02', sex: 'FEMALE' as const }, []],
    ['079045000001', { birthDate: '1945-03-02', sex: 'FEMALE' as const }, ['SEX_MISMATCH']],
    ['079146000001', { birthDate: '1945-03-02', sex: 'FEMALE' as const }, ['BIRTH_YEAR_MISMATCH']],
    ['079345000001', { birthDate: '1945-03-02', sex: 'FEMALE' as const }, ['BIRTH_YEAR_MISMATCH']],
    ['003145000001', { birthDate: '1945-03-02', sex: 'FEMALE' as const }, ['UNKNOWN_PROVINCE']],
    ['097145000001', undefined, ['UNKNOWN_PROVINCE']],
    ['79145000001', undefined, ['NOT_12_DIGITS']],
  ])('%s with %j -> %j', (id, person, problems) => {
    expect(checkCitizenId(id, person)).toEqual(problems);
  });
});

describe('makeCitizenId', () => {
  it('round-trips through parse', () => {
    const id = makeCitizenId('012', 'FEMALE', 1938, 42);
    expect(id).toBe('012138000042');
    expect(checkCitizenId(id, { birthDate: '1938-12-31', sex: 'FEMALE' })).toEqual([]);
  });
  it.each([
    ['01', 'MALE', 1950, 1],
    ['001', 'MALE', 1850, 1],
    ['001', 'MALE', 1950, 1_000_000],
  ] as const)('refuses %j', (p, s, y, n) => {
    expect(() => makeCitizenId(p, s, y, n)).toThrow(RangeError);
  });
});

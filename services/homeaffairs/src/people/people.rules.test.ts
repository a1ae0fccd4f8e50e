import { displayedAge, nameKeyRange, nameSearchFields, peopleConditions, registrationProblems } from './people.rules';

const TODAY = '2026-11-23';

describe('people filter -> birth-date bounds (full years, Law on the Elderly 2009)', () => {
  it.each([
    [{ minAge: 60 }, { bornOnOrBefore: '1966-11-23' }],
    [{ maxAge: 79 }, { bornAfter: '1946-11-23' }],
    [
      { minAge: 75, maxAge: 79 },
      { bornOnOrBefore: '1951-11-23', bornAfter: '1946-11-23' },
    ],
    [
      { communeCode: '03199', sex: 'FEMALE' as const },
      { communeCode: '03199', sex: 'FEMALE' },
    ],
    [{ nameContains: '  Nguyễn Văn  An ' }, { nameFragment: 'nguyen van an' }],
    [{ alive: true }, { alive: true }],
  ])('%j', (filter, expected) => {
    const { conditions, problems } = peopleConditions(filter, TODAY);
    expect(problems).toEqual([]);
    expect(conditions).toEqual(expected);
  });

  it.each([
    [{ communeCode: '031' }, 'communeCode'],
    [{ communeCode: '{"$gt":""}' }, 'communeCode'],
    [{ minAge: 80, maxAge: 70 }, 'minAge'],
    [{ minAge: -1 }, 'minAge'],
    [{ maxAge: 500 }, 'maxAge'],
    [{ nameContains: 'x'.repeat(101) }, 'nameContains'],
    [{ nameContains: '   ' }, 'nameContains'],
  ])('refuses %j', (filter, field) => {
    expect(peopleConditions(filter, TODAY).problems.map((p) => p.field)).toContain(field);
  });

  it('bounds agree with ageOn on a 29 February birthday', () => {
    // Born 1964-02-29: 61 on 2026-02-27, 62 from 2026-02-28 (Civil Code 2015 Art. 148.3, @nct/dates).
    expect(peopleConditions({ minAge: 62 }, '2026-02-28').conditions.bornOnOrBefore).toBe('1964-02-29');
    expect(peopleConditions({ minAge: 62 }, '2026-02-27').conditions.bornOnOrBefore).toBe('1964-02-27');
    expect(displayedAge('1964-02-29', null, '2026-02-27')).toBe(61);
    expect(displayedAge('1964-02-29', null, '2026-02-28')).toBe(62);
    expect(displayedAge('1964-02-29', null, '2026-03-01')).toBe(62);
  });
});

describe('registration', () => {
  const valid = {
    citizenId: '012156000123',
    fullName: 'Lò Thị Mai',
    birthDate: '1956-04-30',
    sex: 'FEMALE' as const,
    ethnicity: 'Thái',
    communeCode: '03199',
  };

  it('accepts a consistent entry', () => {
    expect(registrationProblems(valid, TODAY)).toEqual([]);
  });

  it.each([
    [{ citizenId: '12156000123' }, 'citizenId'],
    [{ citizenId: '012056000123' }, 'citizenId'], // digit 4 says male
    [{ citizenId: '012157000123' }, 'citizenId'], // digits 5-6 say 1957
    [{ fullName: '' }, 'fullName'],
    [{ fullName: 'Robert"); DROP' }, 'fullName'],
    [{ fullName: 'A'.repeat(101) }, 'fullName'],
    [{ birthDate: '1956-02-30' }, 'birthDate'],
    [{ birthDate: '2030-01-01', citizenId: '012330000123' }, 'birthDate'],
    [{ birthDate: '1966-11-24', citizenId: '012166000123' }, 'birthDate'], // 59 until tomorrow
    [{ birthDate: '1890-01-01', citizenId: '012190000123' }, 'birthDate'],
    [{ communeCode: 'abcde' }, 'communeCode'],
    [{ ethnicity: '' }, 'ethnicity'],
  ])('refuses %j', (change, field) => {
    expect(registrationProblems({ ...valid, ...change }, TODAY).map((p) => p.field)).toContain(field);
  });

  it('accepts someone who turns 60 today', () => {
    expect(registrationProblems({ ...valid, birthDate: '1966-11-23', citizenId: '012166000123' }, TODAY)).toEqual([]);
  });
});

describe('displayed age', () => {
  it.each([
    ['1940-01-15', null, 86],
    ['1940-01-15', '2025-01-14', 84],
    ['1940-01-15', '2025-01-15', 85],
  ])('born %s died %s -> %i', (birth, death, age) => {
    expect(displayedAge(birth, death, TODAY)).toBe(age);
  });
});

describe('name search fields', () => {
  it('stores the folded name from each word on', () => {
    expect(nameSearchFields(' Nguyễn  Văn An ')).toEqual({ nameSearch: 'nguyen van an', nameKeys: ['nguyen van an', 'van an', 'an'] });
    expect(nameSearchFields('Đèo Thị Ánh').nameKeys).toEqual(['deo thi anh', 'thi anh', 'anh']);
  });

  it.each([
    ['van an', 'van an', 'van ao'],
    ['a', 'a', 'b'],
    ['z', 'z', '{'],
  ])('the prefix range of %s is [%s, %s)', (fragment, from, before) => {
    expect(nameKeyRange(fragment)).toEqual({ from, before });
  });
});

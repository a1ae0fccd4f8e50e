import { eligibilityOf, joiningAgeProblem, joinProblems, membershipProblems, normaliseMembership } from './membership.rules';

const TODAY = '2026-11-23';

describe('membership registration (Association charter; Law on the Elderly 2009)', () => {
  const valid = {
    citizenId: '012145000002',
    branchName: 'Chi hội Bản Hon',
    communeCode: '03199',
    joinedOn: '2010-05-10',
    cardNumber: 'HNCT-03199-000001',
  };

  it('accepts a valid entry, and one joined today', () => {
    expect(membershipProblems(valid, TODAY)).toEqual([]);
    expect(membershipProblems({ ...valid, joinedOn: TODAY }, TODAY)).toEqual([]);
  });

  it.each([
    [{ citizenId: '01214500000' }, 'citizenId'],
    [{ citizenId: '999145000002' }, 'citizenId'], // unknown birth-registration province
    [{ branchName: '' }, 'branchName'],
    [{ branchName: 'x'.repeat(101) }, 'branchName'],
    [{ communeCode: '0319' }, 'communeCode'],
    [{ communeCode: '{"$ne":1}' }, 'communeCode'],
    [{ joinedOn: '2026-11-24' }, 'joinedOn'],
    [{ joinedOn: '2026-02-29' }, 'joinedOn'],
    [{ cardNumber: '' }, 'cardNumber'],
    [{ cardNumber: 'A'.repeat(31) }, 'cardNumber'],
    [{ cardNumber: 'HNCT 001' }, 'cardNumber'],
  ])('refuses %j', (change, field) => {
    expect(membershipProblems({ ...valid, ...change }, TODAY).map((p) => p.field)).toEqual([field]);
  });

  it('stores names as NFC, trimmed, and cards in upper case', () => {
    const decomposed = 'Chi hội Bản Hon'.normalize('NFD');
    expect(normaliseMembership({ ...valid, branchName: ` ${decomposed} `, cardNumber: ' hnct-03199-000001 ' })).toEqual(valid);
  });
});

describe("the age-60 rule on joining (Law on the Elderly 2009, Art. 2), on the register's dates", () => {
  it.each([
    // register birth date, register death date, joinedOn, refused field
    ['1965-06-01', null, '2026-01-01', null], // 60 and a half
    ['1966-11-23', null, '2026-11-23', null], // a full 60 on the joining day (Art. 2: "từ đủ 60 tuổi")
    ['1966-11-24', null, '2026-11-23', 'joinedOn'], // 59 until tomorrow
    ['1967-01-01', null, '2026-11-23', 'joinedOn'], // 59
    ['1964-02-29', null, '2024-02-28', 'joinedOn'], // born 29 February: 60 on 29 February 2024, not the day before
    ['1964-02-29', null, '2024-02-29', null],
    ['1950-01-01', '2026-03-01', '2026-03-01', 'joinedOn'], // dead on the joining day (register)
    ['1950-01-01', '2026-03-02', '2026-03-01', null], // died later: the joining stands
  ] as const)('born %s, died %s, joining %s -> %s', (birthDate, deathDate, joinedOn, field) => {
    expect(joiningAgeProblem({ birthDate, deathDate }, joinedOn)?.field ?? null).toBe(field);
  });

  it('reports shape problems before the age rule, and checks the branch ID shape', () => {
    const valid = { citizenId: '012150000001', branchId: 'CH-03199-001', joinedOn: '2020-01-01', cardNumber: 'HNCT-1' };
    expect(joinProblems(valid, TODAY)).toEqual([]);
    expect(joinProblems({ ...valid, branchId: 'CH-1' }, TODAY).map((p) => p.field)).toEqual(['branchId']);
    expect(joinProblems({ ...valid, birthDate: '2026-02-30' }, TODAY).map((p) => p.field)).toEqual(['birthDate']);
    // too young by the ID's digits: no longer decided here (the register decides, in joinAssociation)
    expect(joinProblems({ ...valid, citizenId: '012167000001' }, TODAY)).toEqual([]);
    expect(joinProblems({ ...valid, groupName: 'g'.repeat(101) }, TODAY).map((p) => p.field)).toEqual(['groupName']);
  });

  it('compares with the register afterwards', () => {
    expect(eligibilityOf('1966-11-24', '2026-11-23', '1966-11-23')).toEqual({
      ageAtJoining: 59,
      eligible: false,
      declaredBirthDate: '1966-11-23',
      declaredMatchesRegister: false,
    });
    expect(eligibilityOf(null, '2026-11-23', null)).toBeNull();
  });
});

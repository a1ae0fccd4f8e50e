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

describe("the age-60 rule on joining (Law on the Elderly 2009, Art. 2), from the citizen ID's birth year", () => {
  it.each([
    // citizen ID (birth year in digits 4-6), joinedOn, declared birth date, refused field
    ['012165000001', '2026-01-01', null, null], // born 1965: 61 by calendar year, a full 60 on any day
    ['012166000001', '2026-11-23', null, 'birthDate'], // the 60th year: the date is needed
    ['012166000001', '2026-11-23', '1966-11-23', null], // a full 60 today
    ['012166000001', '2026-11-23', '1966-11-24', 'joinedOn'], // 59 until tomorrow
    ['012166000001', '2026-11-23', '1965-11-23', 'birthDate'], // contradicts the ID
    ['012167000001', '2026-11-23', null, 'joinedOn'], // born 1967
    ['012364000001', '2024-02-29', null, 'joinedOn'], // digit 4 = 3: born in the 2000s (2064)
  ])('%s joining %s (declared %s) -> %s', (citizenId, joinedOn, birthDate, field) => {
    expect(joiningAgeProblem(citizenId, joinedOn, birthDate)?.field ?? null).toBe(field);
  });

  it('reports shape problems before the age rule, and checks the branch ID shape', () => {
    const valid = { citizenId: '012150000001', branchId: 'CH-03199-001', joinedOn: '2020-01-01', cardNumber: 'HNCT-1' };
    expect(joinProblems(valid, TODAY)).toEqual([]);
    expect(joinProblems({ ...valid, branchId: 'CH-1' }, TODAY).map((p) => p.field)).toEqual(['branchId']);
    expect(joinProblems({ ...valid, birthDate: '2026-02-30' }, TODAY).map((p) => p.field)).toEqual(['birthDate']);
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

import { membershipProblems, normaliseMembership } from './membership.rules';

const TODAY = '2026-11-23';

describe('membership registration (Association charter; Law on the Elderly 2009)', () => {
  const valid = { citizenId: '012145000002', branchName: 'Chi hội Bản Hon', communeCode: '03199', joinedOn: '2010-05-10', cardNumber: 'HNCT-03199-000001' };

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

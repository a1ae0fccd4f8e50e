import { cardCodeProblems, currentCard, isValidOn, issueCardProblems, overlaps, parseCardCode } from './insurance-card.rules';
import { BENEFICIARY_GROUP_ROWS, beneficiaryGroupOn, validateBeneficiaryGroups } from './rules/beneficiary-groups';

const TODAY = '2026-03-10';

// Decision 1351/QĐ-BHXH (2015): group (2 letters) + level (1-5) + province (2 digits) + SI number (10 digits).
describe('BHYT card code', () => {
  it.each(['BT2120123456789', 'HT3010000000001', 'GD4991234567890', 'CK2121111111111', 'DN1790000000000'])('accepts %s', (code) => {
    expect(cardCodeProblems(code, TODAY)).toEqual([]);
  });

  it.each([
    ['BT212012345678', ['WRONG_LENGTH']],
    ['BT21201234567890', ['WRONG_LENGTH']],
    ['', ['WRONG_LENGTH']],
    ['bt2120123456789', ['LOWER_CASE']],
    ['Bt2120123456789', ['LOWER_CASE']],
    ['bt212012345678', ['LOWER_CASE', 'WRONG_LENGTH']],
    ['ZZ2120123456789', ['UNKNOWN_GROUP']],
    ['B12120123456789', ['UNKNOWN_GROUP']],
    ['BT0120123456789', ['BENEFIT_LEVEL_OUT_OF_RANGE']],
    ['BT6120123456789', ['BENEFIT_LEVEL_OUT_OF_RANGE']],
    ['BTX120123456789', ['BENEFIT_LEVEL_OUT_OF_RANGE']],
    ['BT2000123456789', ['BAD_PROVINCE']],
    ['BT21A0123456789', ['BAD_PROVINCE']],
    ['BT212012345678X', ['BAD_SOCIAL_INSURANCE_NUMBER']],
    ['BT212 123456789', ['BAD_SOCIAL_INSURANCE_NUMBER']],
    ['ZZ9000123456 89', ['UNKNOWN_GROUP', 'BENEFIT_LEVEL_OUT_OF_RANGE', 'BAD_PROVINCE', 'BAD_SOCIAL_INSURANCE_NUMBER']],
  ])('%j -> %j', (code, expected) => {
    const problems = cardCodeProblems(code, TODAY);
    expect(problems.map((p) => p.problem)).toEqual(expected);
    for (const p of problems) expect(p.vi && p.en && p.field).toBeTruthy();
  });

  it('knows group codes only from their effective date', () => {
    expect(cardCodeProblems('BT2120123456789', '2015-11-15').map((p) => p.problem)).toEqual(['UNKNOWN_GROUP']);
  });

  it('splits a code into its parts', () => {
    expect(parseCardCode('BT2120123456789')).toEqual({
      beneficiaryGroup: 'BT',
      benefitLevel: 2,
      provinceCode: '12',
      socialInsuranceNumber: '0123456789',
    });
  });
});

describe('beneficiary group table (Decision 1351/QĐ-BHXH)', () => {
  it('has the groups the elderly most often hold', () => {
    for (const code of ['BT', 'HT', 'HN', 'CN', 'CC', 'CK', 'GD', 'CT']) expect(beneficiaryGroupOn(code, TODAY)).not.toBeNull();
  });

  const good = BENEFICIARY_GROUP_ROWS[0];
  it.each([
    [{ code: 'dn' }],
    [{ code: 'DNX' }],
    [{ payer: 7 as 1 }],
    [{ effectiveFrom: '16/11/2015' }],
    [{ effectiveTo: '2010-01-01' }],
    [{ legalAct: ' ' }],
  ])('refuses a malformed row %j', (change) => {
    expect(() => validateBeneficiaryGroups([{ ...good, ...change }])).toThrow();
  });

  it('refuses two rows in force for the same code', () => {
    expect(() => validateBeneficiaryGroups([good, { ...good, effectiveFrom: '2020-01-01' }])).toThrow(/overlaps/);
    expect(() =>
      validateBeneficiaryGroups([
        { ...good, effectiveTo: '2019-12-31' },
        { ...good, effectiveFrom: '2020-01-01' },
      ]),
    ).not.toThrow();
  });
});

describe('validity', () => {
  const card = { validFrom: '2026-01-01', validTo: '2026-12-31' };
  it.each([
    ['2025-12-31', false],
    ['2026-01-01', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
  ])('on %s -> %s', (date, expected) => {
    expect(isValidOn(card, date)).toBe(expected);
  });

  it.each([
    [{ validFrom: '2027-01-01', validTo: '2027-12-31' }, false],
    [{ validFrom: '2026-12-31', validTo: '2027-12-30' }, true],
    [{ validFrom: '2025-01-01', validTo: '2026-01-01' }, true],
    [{ validFrom: '2025-01-01', validTo: '2025-12-31' }, false],
  ])('overlap with %j -> %s', (other, expected) => {
    expect(overlaps(card, other)).toBe(expected);
    expect(overlaps(other, card)).toBe(expected);
  });

  it('picks the card valid today, else the most recently expired, never a future one', () => {
    const old = { validFrom: '2024-01-01', validTo: '2024-12-31' };
    const last = { validFrom: '2025-01-01', validTo: '2025-12-31' };
    const future = { validFrom: '2027-01-01', validTo: '2027-12-31' };
    expect(currentCard([old, card, last, future], TODAY)).toBe(card);
    expect(currentCard([old, last, future], TODAY)).toBe(last);
    expect(currentCard([future], TODAY)).toBeNull();
    expect(currentCard([], TODAY)).toBeNull();
  });
});

describe('issuing a card', () => {
  const valid = {
    code: 'BT2120123456789',
    citizenId: '012140000001',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    primaryCareFacility: 'Trạm Y tế xã Tam Đường',
  };
  it('accepts a consistent card', () => {
    expect(issueCardProblems(valid, TODAY)).toEqual([]);
  });
  it.each([
    [{ validTo: '2026-01-01' }, 'validTo'],
    [{ validTo: '2025-12-31' }, 'validTo'],
    [{ validFrom: '2026-02-30' }, 'validFrom'],
    [{ primaryCareFacility: '' }, 'primaryCareFacility'],
    [{ citizenId: '1234' }, 'citizenId'],
    [{ code: 'bt2120123456789' }, 'code'],
  ])('refuses %j', (change, field) => {
    expect(issueCardProblems({ ...valid, ...change }, TODAY).map((p) => p.field)).toEqual([field]);
  });
});

import {
  celebrationAges,
  celebrationProblems,
  celebrationRegisterProblems,
  celebrationView,
  celebratesAt,
  giftFor,
  transitionAllowed,
} from './celebrations.rules';
import { CELEBRATION_AGES, validateCelebrationAges } from './rules/celebration-ages';
import { NATIONAL_MINIMUMS, PROVINCE_GIFTS, ProvinceGiftRow, validateNationalMinimums, validateProvinceGifts } from './rules/gift-levels';

const TODAY = '2026-11-23';
const person = (birthDate: string, deathDate: string | null = null) => ({ citizenId: '012126000001', birthDate, deathDate });

describe('longevity celebrations (Law on the Elderly 2009 Art. 21: 70, 75, 80, 85, 90, 95, 100 and over; calendar age)', () => {
  it.each([
    // birth date, year, celebrates at calendar age
    ['1956-12-31', 2026, 70], // turns 70 on the last day of the year: still celebrated in 2026
    ['1957-01-01', 2026, null], // 69 by calendar year
    ['1956-01-01', 2026, 70],
    ['1926-12-31', 2026, 100],
    ['1927-01-01', 2026, null], // 99
    ['1925-06-15', 2026, 101], // every year from 100
    ['1951-07-07', 2026, 75],
    ['1952-07-07', 2026, null], // 74
  ])('born %s, in %i -> %s', (birthDate, year, age) => {
    expect(celebrationView(person(birthDate), year, '12', null)?.age ?? null).toBe(age);
  });

  it('excludes the deceased, unless the gift was delivered before death', () => {
    expect(celebrationView(person('1956-05-05', '2026-03-01'), 2026, '12', null)).toBeNull();
    expect(celebrationView(person('1956-05-05', '2025-03-01'), 2026, '12', null)).toBeNull();
    const delivered = {
      citizenId: '012126000001',
      year: 2026,
      age: 70,
      communeCode: '03199',
      status: 'DELIVERED' as const,
      deliveredOn: '2026-02-05',
      reason: null,
    };
    expect(celebrationView(person('1956-05-05', '2026-03-01'), 2026, '12', delivered)?.status).toBe('DELIVERED');
    expect(celebrationView(person('1956-05-05', '2026-01-20'), 2026, '12', delivered)).toBeNull();
    // died after the year: that year's celebration stays
    expect(celebrationView(person('1956-05-05', '2027-03-01'), 2026, '12', null)?.status).toBe('PLANNED');
    expect(celebrationView({ citizenId: '012126000001', birthDate: null }, 2026, '12', null)).toBeNull();
  });

  it.each([
    // year, age, level, amount (the province's table in force on 1 January)
    [2026, 70, 'COMMUNE', 200_000],
    [2026, 90, 'PROVINCE', 800_000],
    [2026, 100, 'STATE_PRESIDENT', 700_000],
    [2026, 104, 'PROVINCE', 1_000_000],
    [2025, 90, 'PROVINCE', 500_000], // the 2019 row still applies on 2025-01-01
  ] as const)('gift in %i at %i: %s %i', (year, age, level, amount) => {
    expect(giftFor('12', year, age)).toMatchObject({ level, amount });
  });

  it('has no gift for a province without a table (gift fields null, the celebration still listed)', () => {
    expect(giftFor('01', 2026, 70)).toBeNull();
    expect(celebrationView(person('1956-05-05'), 2026, '01', null)).toMatchObject({
      age: 70,
      giftLevel: null,
      giftAmount: null,
      status: 'PLANNED',
    });
  });

  it('lists the ages for a dashboard to ask the register', () => {
    expect(celebrationAges(2026)).toMatchObject({ ages: [70, 75, 80, 85, 90, 95], everyYearFrom: 100 });
    expect([celebratesAt(95, 2026), celebratesAt(96, 2026), celebratesAt(130, 2026)]).toEqual([true, false, true]);
  });

  it.each([
    [null, 'PLANNED', true],
    ['PLANNED', 'DELIVERED', true],
    ['PLANNED', 'NOT_DELIVERED', true],
    ['NOT_DELIVERED', 'DELIVERED', true],
    ['DELIVERED', 'NOT_DELIVERED', false],
    ['DELIVERED', 'PLANNED', false],
    ['NOT_DELIVERED', 'PLANNED', false],
    ['PLANNED', 'CANCELLED_DECEASED', false], // only the death receiver cancels
    ['CANCELLED_DECEASED', 'DELIVERED', false], // final
  ] as const)('status %s -> %s allowed: %s', (from, to, ok) => expect(transitionAllowed(from, to)).toBe(ok));

  describe("against the register's dates (Art. 21: calendar age; nothing after death)", () => {
    const alive = { birthDate: '1956-03-10', deathDate: null };
    it.each([
      // record, register dates, refused fields
      [{ year: 2026, status: 'DELIVERED', deliveredOn: '2026-10-01' }, alive, []], // 70 in 2026
      [{ year: 2025, status: 'PLANNED', deliveredOn: null }, alive, ['year']], // 69 in 2025: no celebration
      [{ year: 2026, status: 'PLANNED', deliveredOn: null }, { birthDate: '1926-12-31', deathDate: null }, []], // 100 by calendar age
      [{ year: 2026, status: 'PLANNED', deliveredOn: null }, { ...alive, deathDate: '2026-05-01' }, ['status']], // dead: nothing planned
      [{ year: 2026, status: 'DELIVERED', deliveredOn: '2026-05-02' }, { ...alive, deathDate: '2026-05-01' }, ['deliveredOn']],
      [{ year: 2026, status: 'DELIVERED', deliveredOn: '2026-04-30' }, { ...alive, deathDate: '2026-05-01' }, []], // delivered before death
      [{ year: 2026, status: 'NOT_DELIVERED', deliveredOn: null }, { ...alive, deathDate: '2026-05-01' }, []], // died before delivery: recorded
    ] as const)('%j with %j -> %j', (input, register, fields) => {
      expect(celebrationRegisterProblems(input, register).map((p) => p.field)).toEqual(fields);
    });
  });

  describe('delivery records', () => {
    const valid = {
      citizenId: '012156000001',
      year: 2026,
      communeCode: '03199',
      status: 'DELIVERED' as const,
      deliveredOn: '2026-10-01',
      reason: null,
    };
    it('accepts a valid record', () => expect(celebrationProblems(valid, TODAY)).toEqual([]));
    it.each([
      [{ citizenId: '0121560000' }, 'citizenId'],
      [{ citizenId: '999156000001' }, 'citizenId'],
      [{ year: 2025 }, 'deliveredOn'], // deliveredOn's year differs
      [{ status: 'CANCELLED_DECEASED' as const, deliveredOn: null }, 'status'], // the death receiver's only
      [{ year: 1999 }, 'year'],
      [{ year: 2031 }, 'year'],
      [{ communeCode: '{"$gt":""}' }, 'communeCode'],
      [{ deliveredOn: '2026-12-24' }, 'deliveredOn'], // future
      [{ deliveredOn: '2025-12-31' }, 'deliveredOn'], // outside the year
      [{ deliveredOn: null }, 'deliveredOn'],
      [{ status: 'NOT_DELIVERED' as const, deliveredOn: null, reason: ' ' }, 'reason'],
      [{ status: 'PLANNED' as const }, 'deliveredOn'],
      [{ reason: 'x'.repeat(301) }, 'reason'],
    ])('refuses %j', (change, field) => {
      expect(celebrationProblems({ ...valid, ...change }, TODAY).map((p) => p.field)).toContain(field);
    });
  });
});

describe('celebration tables are validated at load', () => {
  it('accepts the shipped tables', () => {
    expect(validateCelebrationAges(CELEBRATION_AGES)).toBe(CELEBRATION_AGES);
    expect(validateNationalMinimums(NATIONAL_MINIMUMS)).toBe(NATIONAL_MINIMUMS);
    expect(validateProvinceGifts(PROVINCE_GIFTS)).toBe(PROVINCE_GIFTS);
  });
  const row = PROVINCE_GIFTS[1];
  it.each([
    [
      'a 90-year gift below the national minimum (Circular 96/2018)',
      { ...row, gifts: row.gifts.map((g) => (g.age === 90 ? { ...g, amount: 400_000 } : g)) },
      /below the national minimum/,
    ],
    ['no gift for 95', { ...row, gifts: row.gifts.filter((g) => g.age !== 95) }, /no gift for calendar age 95/],
    ['a fractional amount', { ...row, gifts: row.gifts.map((g) => (g.age === 70 ? { ...g, amount: 0.5 } : g)) }, /whole VND/],
    ['no legal act', { ...row, legalAct: '' }, /legalAct/],
  ])('refuses a province table with %s', (_what, bad, message) => {
    expect(() => validateProvinceGifts([bad as ProvinceGiftRow])).toThrow(message);
  });
  it('refuses malformed age and minimum tables', () => {
    expect(() => validateCelebrationAges([{ ...CELEBRATION_AGES[0], ages: [75, 70] }])).toThrow(/ages must increase/);
    expect(() => validateCelebrationAges([{ ...CELEBRATION_AGES[0], everyYearFrom: 90 }])).toThrow(/everyYearFrom/);
    expect(() => validateNationalMinimums([{ ...NATIONAL_MINIMUMS[0], minimums: { 90: -1 } }])).toThrow(/positive/);
  });
});

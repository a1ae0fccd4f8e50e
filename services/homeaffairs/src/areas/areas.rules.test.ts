import {
  communeListedOn,
  intersection,
  listingId,
  listingProblems,
  spellsOf,
  villageCommune,
  villageProblems,
  type Listing,
} from './areas.rules';

// The kind of acts that decide the list (the seeded lists are illustrative, packages/seed).
const QD861 = 'Quyết định 861/QĐ-TTg ngày 04/6/2021'; // region III communes 2021-2025
const QD612 = 'Quyết định 612/QĐ-UBDT ngày 16/9/2021'; // especially disadvantaged villages
const PROVINCE = 'Quyết định 1128/QĐ-UBND ngày 01/7/2025'; // after the 2025 reform

const listings: Listing[] = [
  { level: 'COMMUNE', unitCode: '03333', villageCode: null, from: '2021-06-04', to: '2025-06-30', legalAct: QD861 },
  { level: 'VILLAGE', unitCode: '03332', villageCode: '03332-001', from: '2021-09-16', to: '2025-06-30', legalAct: QD612 },
  { level: 'COMMUNE', unitCode: '03310', villageCode: null, from: '2021-06-04', to: '2025-06-30', legalAct: QD861 },
  { level: 'COMMUNE', unitCode: '03310', villageCode: null, from: '2025-07-01', to: null, legalAct: PROVINCE },
  { level: 'VILLAGE', unitCode: '03240', villageCode: '03240-002', from: '2025-07-01', to: null, legalAct: PROVINCE },
];

describe('spells of especially disadvantaged status in a residence period (clipped to the period)', () => {
  it.each([
    [
      'a region III commune under Decision 861, lived in 2004-2025: the whole listing',
      { communeCode: '03333', villageCode: null, from: '2004-01-01', to: '2025-06-30' },
      [{ from: '2021-06-04', to: '2025-06-30', level: 'COMMUNE', legalAct: QD861 }],
    ],
    [
      'moved in mid-2023: from the move',
      { communeCode: '03333', villageCode: '03333-004', from: '2023-03-15', to: '2025-06-30' },
      [{ from: '2023-03-15', to: '2025-06-30', level: 'COMMUNE', legalAct: QD861 }],
    ],
    ['left before the list: nothing', { communeCode: '03333', villageCode: null, from: '2004-01-01', to: '2021-06-03' }, []],
    [
      'a listed village (Decision 612) in an unlisted commune: the village spell',
      { communeCode: '03332', villageCode: '03332-001', from: '2010-05-05', to: '2025-06-30' },
      [{ from: '2021-09-16', to: '2025-06-30', level: 'VILLAGE', legalAct: QD612 }],
    ],
    [
      'another village of that commune: nothing',
      { communeCode: '03332', villageCode: '03332-002', from: '2010-05-05', to: '2025-06-30' },
      [],
    ],
    [
      'a commune kept across the reform: two spells, two acts, the second open with the open period',
      { communeCode: '03310', villageCode: null, from: '2020-01-01', to: null },
      [
        { from: '2021-06-04', to: '2025-06-30', level: 'COMMUNE', legalAct: QD861 },
        { from: '2025-07-01', to: null, level: 'COMMUNE', legalAct: PROVINCE },
      ],
    ],
    [
      'an open listing clipped by a closed period',
      { communeCode: '03240', villageCode: '03240-002', from: '2025-07-01', to: '2026-03-31' },
      [{ from: '2025-07-01', to: '2026-03-31', level: 'VILLAGE', legalAct: PROVINCE }],
    ],
  ])('%s', (_label, period, expected) => {
    expect(spellsOf(period, listings)).toEqual(expected);
  });
});

describe('dated list helpers', () => {
  it('a commune is listed on a date only as a whole commune', () => {
    expect(communeListedOn('03310', listings, '2026-11-23')).toBe(true);
    expect(communeListedOn('03333', listings, '2026-11-23')).toBe(false); // lost at the reform
    expect(communeListedOn('03333', listings, '2025-06-30')).toBe(true);
    expect(communeListedOn('03240', listings, '2026-11-23')).toBe(false); // only a village is listed
  });

  it.each([
    [
      { from: '2021-01-01', to: null },
      { from: '2025-07-01', to: '2025-12-31' },
      { from: '2025-07-01', to: '2025-12-31' },
    ],
    [{ from: '2021-01-01', to: '2021-12-31' }, { from: '2022-01-01', to: null }, null],
    [
      { from: '2021-01-01', to: null },
      { from: '2020-01-01', to: null },
      { from: '2021-01-01', to: null },
    ],
  ])('intersection of %j and %j is %j', (a, b, expected) => {
    expect(intersection(a, b)).toEqual(expected);
  });

  it('names a listing by its area and first day', () => {
    expect(listingId(listings[1])).toBe('03332-001@2021-09-16');
    expect(listingId(listings[3])).toBe('03310@2025-07-01');
  });
});

describe('codes and inputs', () => {
  it.each([
    ['03250-004', '03250'],
    ['03250-4', null],
    ['3250-004', null],
    ['03250_004', null],
  ])('village code %s belongs to %s', (code, commune) => {
    expect(villageCommune(code)).toBe(commune);
  });

  const ok = { level: 'COMMUNE' as const, unitCode: '03310', from: '2025-07-01', to: null, legalAct: PROVINCE };
  it('accepts a well-formed listing', () => {
    expect(listingProblems(ok)).toEqual([]);
    expect(listingProblems({ ...ok, level: 'VILLAGE', villageCode: '03310-003' })).toEqual([]);
  });
  it.each([
    [{ unitCode: '0331' }, 'unitCode'],
    [{ level: 'VILLAGE' as const }, 'villageCode'],
    [{ level: 'VILLAGE' as const, villageCode: '03320-003' }, 'villageCode'], // another commune's village
    [{ villageCode: '03310-003' }, 'villageCode'], // a commune listing names no village
    [{ from: '2025-02-30' }, 'from'],
    [{ to: '2025-06-30' }, 'to'],
    [{ legalAct: '  ' }, 'legalAct'],
  ])('refuses %j', (change, field) => {
    expect(listingProblems({ ...ok, ...change }).map((p) => p.field)).toContain(field);
  });
  it.each([
    [{ villageCode: '03250-04' }, 'villageCode'],
    [{ name: '' }, 'name'],
    [{ from: 'soon' }, 'from'],
  ])('refuses the village %j', (change, field) => {
    expect(villageProblems({ villageCode: '03250-004', name: 'bản Nà Tăm', from: '2025-07-01', ...change }).map((p) => p.field)).toContain(
      field,
    );
  });
});

import { healthCheckDue, homeVisitedIn, insuranceCardValidOn } from './follow-up.rules';
import { bucketOf, dayNumber, digestRowOf, isoOfDay } from './health.digest';

// Circular 35/2011/TT-BYT: a periodic check at least once a year; BHYT validity both ends inclusive.
describe('care follow-up facts', () => {
  it.each([
    [[2024, 2026], 2026, false],
    [[2024, 2025], 2026, true],
    [[], 2026, true],
  ])('checks in %j: due in %i -> %s', (years, year, due) => {
    expect(healthCheckDue(years, year)).toBe(due);
  });

  const card: [number, number] = [dayNumber('2026-01-01'), dayNumber('2026-12-31')];
  it.each([
    ['2025-12-31', false],
    ['2026-01-01', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
  ])('card 2026-01-01..2026-12-31 on %s -> %s', (date, valid) => {
    expect(insuranceCardValidOn([card], date)).toBe(valid);
  });

  it('visited in a quarter only when a visit falls in it', () => {
    expect(homeVisitedIn(['2026-Q3', '2026-Q4'], '2026-Q4')).toBe(true);
    expect(homeVisitedIn(['2026-Q3'], '2026-Q4')).toBe(false);
  });

  it('day numbers round-trip', () => {
    for (const d of ['1970-01-01', '2024-02-29', '2026-12-31']) expect(isoOfDay(dayNumber(d))).toBe(d);
  });
});

describe('digest row and bucket of a person', () => {
  const sources = {
    record: null,
    checks: [{ date: '2026-03-01' }, { date: '2024-05-05' }, { date: '2026-07-01' }],
    cards: [
      { code: 'GD4129990000002', validFrom: '2026-01-01', validTo: '2026-12-31' },
      { code: 'GD4019990000001', validFrom: '2025-01-01', validTo: '2025-12-31' },
    ],
    visits: [{ date: '2026-11-02' }, { date: '2026-10-01' }, { date: '2026-02-01' }],
    conditions: [{ underManagement: true }, { underManagement: false }],
  };
  it('keeps years, day-number periods by start, quarters and counts; no codes', () => {
    expect(digestRowOf('012140000001', sources)).toEqual({
      citizenId: '012140000001',
      recordOpenedOn: null,
      checkYears: [2024, 2026],
      cards: [
        [dayNumber('2025-01-01'), dayNumber('2025-12-31')],
        [dayNumber('2026-01-01'), dayNumber('2026-12-31')],
      ],
      visitQuarters: ['2026-Q1', '2026-Q4'],
      chronicTotal: 2,
      chronicManaged: 1,
    });
  });
  it.each([
    [{ record: { communeCode: '03199', openedOn: '2020-01-01' } }, '03199'],
    [{}, 'province:12'], // the latest card's province
    [{ cards: [] }, 'unplaced'],
  ])('%j -> bucket %s', (change, bucket) => {
    expect(bucketOf({ ...sources, ...change })).toBe(bucket);
  });
});

import {
  applyMove,
  historyBirthProblems,
  impliedHistory,
  initialPeriod,
  isCurrentResidence,
  moveProblems,
  placeValidityProblems,
} from './residence.rules';
import type { ResidencePeriodDoc } from './person.model';

const TODAY = '2026-11-23';
const person = { birthDate: '1950-04-04', deathDate: null };
const history: ResidencePeriodDoc[] = [
  { communeCode: '03341', villageCode: '03341-002', from: '2004-01-01', to: '2025-06-30' },
  { communeCode: '03340', villageCode: null, from: '2025-07-01', to: null },
];

describe('residence periods (docs/consistency.md section 3)', () => {
  it('an entry without a history lives in its commune from birth, or from the commune’s formation when later', () => {
    expect(impliedHistory({ communeCode: '03340', birthDate: '1950-04-04' }, '2025-07-01')).toEqual([
      { communeCode: '03340', villageCode: null, from: '2025-07-01', to: null },
    ]);
    expect(impliedHistory({ communeCode: '03310', birthDate: '1950-04-04' }, '2004-01-01')[0].from).toBe('2004-01-01');
    expect(impliedHistory({ communeCode: '03310', birthDate: '2005-04-04' }, '2004-01-01')[0].from).toBe('2005-04-04');
  });

  it('a new entry starts at residentSince when given', () => {
    expect(
      initialPeriod({ communeCode: '03340', birthDate: '1950-04-04', residentSince: '2025-09-01', villageCode: '03340-001' }, '2025-07-01'),
    ).toEqual({
      communeCode: '03340',
      villageCode: '03340-001',
      from: '2025-09-01',
      to: null,
    });
  });

  it('a move closes the current period the day before (inclusive dates)', () => {
    expect(applyMove(history, { communeCode: '03220', villageCode: '03220-005', from: '2026-03-01' })).toEqual([
      history[0],
      { communeCode: '03340', villageCode: null, from: '2025-07-01', to: '2026-02-28' },
      { communeCode: '03220', villageCode: '03220-005', from: '2026-03-01', to: null },
    ]);
  });

  it('a move to the current commune and village is the current residence (nothing to do)', () => {
    expect(isCurrentResidence(history, { communeCode: '03340', villageCode: null })).toBe(true);
    expect(isCurrentResidence(history, { communeCode: '03340', villageCode: '03340-001' })).toBe(false);
  });

  const move = { communeCode: '03220', villageCode: null, from: '2026-03-01' };
  it('accepts a move after the current period started, on or before today', () => {
    expect(moveProblems(person, history, move, TODAY)).toEqual([]);
    expect(moveProblems(person, history, { ...move, from: TODAY }, TODAY)).toEqual([]);
  });
  it.each([
    ['in the future', { from: '2026-11-24' }, person],
    ['before birth', { from: '1950-04-03' }, person],
    ['after death', { from: '2026-03-02' }, { ...person, deathDate: '2026-03-01' }],
    ['on the first day of the current period (a correction, not a move)', { from: '2025-07-01' }, person],
    ['before the current period started', { from: '2024-12-31' }, person],
    ['an impossible date', { from: '2026-02-30' }, person],
  ])('refuses a move %s', (_label, change, who) => {
    expect([...new Set(moveProblems(who, history, { ...move, ...change }, TODAY).map((p) => p.field))]).toEqual(['from']);
  });
  it.each([
    [{ communeCode: '0322' }, 'communeCode'],
    [{ villageCode: '03230-001' }, 'villageCode'], // a village of another commune
  ])('refuses the place %j', (change, field) => {
    expect(moveProblems(person, history, { ...move, ...change }, TODAY).map((p) => p.field)).toContain(field);
  });

  it.each([
    // Resolution 1670/NQ-UBTVQH15: the new communes exist from 2025-07-01, the old ones until 2025-06-30
    ['a commune formed 2025-07-01, in 2024', { validFrom: '2025-07-01', validTo: null }, '2024-05-01', false],
    ['a commune formed 2025-07-01, on that day', { validFrom: '2025-07-01', validTo: null }, '2025-07-01', true],
    [
      'an abolished commune, before it was abolished (it is not current)',
      { validFrom: '2004-01-01', validTo: '2025-06-30' },
      '2025-01-01',
      false,
    ],
    ['no such commune', null, '2026-01-01', false],
  ])('%s: may start a residence: %s', (_label, unit, date, ok) => {
    expect(placeValidityProblems(unit, { field: 'communeCode', code: '03340', kind: 'commune' }, date, TODAY).length === 0).toBe(ok);
  });

  it('a corrected birth date may not fall after the recorded residence starts', () => {
    expect(historyBirthProblems('2004-01-02', history).map((p) => p.field)).toEqual(['birthDate']);
    expect(historyBirthProblems('1950-01-02', history)).toEqual([]);
  });
});

import { quarterProblems, recordVisitProblems } from './visits.rules';
import { quarterOf } from '@nct/dates';

// Law on the Elderly 2009 Art. 12; Circular 35/2011/TT-BYT: home care for elderly who are lonely or cannot travel.
describe('recording a home visit', () => {
  const TODAY = '2026-03-10';
  const valid = { citizenId: '012140000001', date: '2026-03-10', visitor: 'Y sĩ Lò Văn Páo', kind: 'SUPPORT_VISIT', notes: 'Thăm hỏi' };
  it('accepts a visit today, notes optional', () => {
    expect(recordVisitProblems(valid, TODAY)).toEqual([]);
    expect(recordVisitProblems({ ...valid, notes: null }, TODAY)).toEqual([]);
  });
  it.each([
    [{ citizenId: '12' }, 'citizenId'],
    [{ date: '2026-03-11' }, 'date'],
    [{ date: '2026-02-30' }, 'date'],
    [{ visitor: ' ' }, 'visitor'],
    [{ visitor: 'x'.repeat(101) }, 'visitor'],
    [{ kind: 'PARTY' }, 'kind'],
    [{ notes: 'x'.repeat(2001) }, 'notes'],
  ])('refuses %j', (change, field) => {
    expect(recordVisitProblems({ ...valid, ...change }, TODAY).map((p) => p.field)).toEqual([field]);
  });
});

describe('quarters', () => {
  it.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-09-30', '2026-Q3'],
    ['2026-10-01', '2026-Q4'],
    ['2026-12-31', '2026-Q4'],
  ])('%s is in %s', (date, quarter) => {
    expect(quarterOf(date)).toBe(quarter);
  });
  it.each(['2026-Q4', '1999-Q1'])('accepts %s', (q) => expect(quarterProblems(q)).toEqual([]));
  it.each(['2026-Q5', '2026-Q0', '2026Q4', '2026-q4', '26-Q4', '2026-Q4 ', '', '3026-Q1'])('refuses %j', (q) =>
    expect(quarterProblems(q)).toHaveLength(1),
  );
});

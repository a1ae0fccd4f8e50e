import { ageInMonth, caseIdFor, currentCase, openSlotFor, referenceMonth } from './cases.rules';
import { addMonths, dateReachingAge, monthOf } from '@nct/dates';
import { monthReaching } from '../allowance/eligibility.rules';

// Month arithmetic itself is tested in packages/dates (the one date module).
describe('ages in benefit months', () => {
  it('counts the age reached by the end of the month', () => {
    expect(ageInMonth('1946-11-30', '2026-10')).toBe(79);
    expect(ageInMonth('1946-11-30', '2026-11')).toBe(80);
  });
  it.each([
    ['1944-02-29', 82, '2026-02'], // 29 February: 82 on 28 February 2026 (Civil Code 2015 Art. 148.3)
    ['1946-02-28', 80, '2026-02'],
    ['1951-02-28', 75, '2026-02'],
    ['1946-03-01', 80, '2026-03'],
    ['1948-02-29', 80, '2028-02'],
  ])('born %s: %i from the month of the birthday (%s), and the same month everywhere', (birth, age, month) => {
    expect(ageInMonth(birth, month)).toBe(age);
    expect(ageInMonth(birth, addMonths(month, -1))).toBe(age - 1);
    expect(monthReaching(birth, age)).toBe(month);
    expect(monthOf(dateReachingAge(birth, age))).toBe(month);
  });
});

describe('case identity', () => {
  it('derives a stable ID per kind and decision number', () => {
    expect(caseIdFor('ALLOWANCE', '12/QĐ-UBND')).toMatch(/^TCXH-[0-9A-F]{16}$/);
    expect(caseIdFor('SOCIAL_PENSION', '12/QĐ-UBND')).toMatch(/^HTXH-/);
    expect(caseIdFor('ALLOWANCE', '12/QĐ-UBND')).toBe(caseIdFor('ALLOWANCE', '12/QĐ-UBND'));
    expect(caseIdFor('ALLOWANCE', '12/QĐ-UBND')).not.toBe(caseIdFor('ALLOWANCE', '13/QĐ-UBND'));
  });
  it('holds the open slot only while ACTIVE or SUSPENDED', () => {
    const c = { citizenId: '012140000001', caseId: 'TCXH-1' };
    expect(openSlotFor({ ...c, status: 'ACTIVE' })).toBe('012140000001');
    expect(openSlotFor({ ...c, status: 'SUSPENDED' })).toBe('012140000001');
    expect(openSlotFor({ ...c, status: 'STOPPED' })).toBe('TCXH-1');
  });
});

describe('reference month of the amounts', () => {
  const TODAY = '2026-11-23';
  it.each([
    [{ status: 'ACTIVE', startMonth: '2022-01', stopMonth: null }, '2026-11'],
    [{ status: 'SUSPENDED', startMonth: '2022-01', stopMonth: null }, '2026-11'],
    [{ status: 'ACTIVE', startMonth: '2027-02', stopMonth: null }, '2027-02'], // not started yet
    [{ status: 'STOPPED', startMonth: '2022-01', stopMonth: '2024-07' }, '2024-06'], // last paid month
    [{ status: 'STOPPED', startMonth: '2024-07', stopMonth: '2024-07' }, '2024-07'], // never paid: its start
    [{ status: 'STOPPED', startMonth: '2022-01', stopMonth: '2027-03' }, '2026-11'], // stop still ahead
  ] as const)('%j -> %s', (c, month) => {
    expect(referenceMonth(c, TODAY)).toBe(month);
  });
});

describe('current case', () => {
  const stopped = (startMonth: string, stopMonth: string) => ({ status: 'STOPPED' as const, startMonth, stopMonth });
  it('prefers the open case', () => {
    const open = { status: 'SUSPENDED' as const, startMonth: '2022-01', stopMonth: null };
    expect(currentCase([stopped('2023-01', '2025-01'), open])).toBe(open);
  });
  it('else takes the most recently stopped', () => {
    const later = stopped('2023-01', '2025-01');
    expect(currentCase([stopped('2021-08', '2022-12'), later, stopped('2022-01', '2024-03')])).toBe(later);
  });
  it('is null without cases', () => {
    expect(currentCase([])).toBeNull();
  });
});

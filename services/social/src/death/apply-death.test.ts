import type { BenefitCaseDoc } from '../cases/benefit-case.model';
import { funeralItemFor } from './apply-death';

const c = (over: Partial<BenefitCaseDoc>): BenefitCaseDoc => ({
  caseId: 'TCXH-A',
  kind: 'ALLOWANCE',
  citizenId: '012140000001',
  group: 'A5C',
  decisionNumber: '1',
  decisionDate: '2024-01-10',
  startMonth: '2024-02',
  status: 'ACTIVE',
  stopMonth: null,
  communeCode: '03199',
  openSlot: '012140000001',
  ...over,
});
const death = (deathDate: string) => ({ citizenId: '012140000001', deathDate, today: '2026-11-20', source: 'REGISTER_EVENT' as const });

/**
 * Decree 20/2021/NĐ-CP Art. 11: funeral support of at least 20 x the base level for a
 * beneficiary who dies; base level 360,000 (Decree 20/2021 Art. 4.1) then 500,000 from
 * 2024-07-01 (Decree 76/2024). One item per person.
 */
describe('funeral support prepared on a death', () => {
  it.each([
    ['an open case, death after the base change', [c({})], '2025-03-15', 10_000_000, 500_000],
    ['an open case, death before the base change (base on the date of death)', [c({})], '2024-06-30', 7_200_000, 360_000],
    ['a suspended case still covers the month', [c({ status: 'SUSPENDED', suspendedFrom: '2025-01' })], '2025-03-15', 10_000_000, 500_000],
    ['a case stopped after the month of death', [c({ status: 'STOPPED', stopMonth: '2025-04' })], '2025-03-15', 10_000_000, 500_000],
  ])('%s', (_what, cases, deathDate, amount, baseLevel) => {
    expect(funeralItemFor(cases, death(deathDate))).toMatchObject({ amount, baseLevel, baseMultiple: 20, status: 'PREPARED', deathDate });
  });

  it.each([
    ['no case', []],
    ['a case stopped before the month of death', [c({ status: 'STOPPED', stopMonth: '2025-03' })]],
    ['a case starting after the month of death', [c({ startMonth: '2025-04' })]],
    ['a death before the tables (2021-07)', [c({ startMonth: '2021-01' })]],
  ])('none for %s', (_what, cases) => {
    const date = _what.includes('tables') ? '2021-06-15' : '2025-03-15';
    expect(funeralItemFor(cases, death(date))).toBeNull();
  });

  it('one item when two cases covered the month: the highest amount', () => {
    const item = funeralItemFor(
      [c({}), c({ caseId: 'HTXH-B', kind: 'SOCIAL_PENSION', group: null, communeCode: '03388' })],
      death('2025-08-01'),
    );
    expect(item).toMatchObject({ caseId: 'HTXH-B', amount: 10_000_000 });
  });
});

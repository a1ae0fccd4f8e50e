import type { BenefitCaseDoc } from '../cases/benefit-case.model';
import type { MonthlyPaymentDoc, PaymentStatus } from './monthly-payment.model';
import { monthsBeforeSuspension, paymentRunPlan, suspendsIn } from './payments.rules';

const c = (over: Partial<BenefitCaseDoc> = {}): BenefitCaseDoc => ({
  caseId: 'TCXH-A',
  kind: 'ALLOWANCE',
  citizenId: '012140000001',
  group: 'A5C',
  decisionNumber: '1',
  decisionDate: '2025-01-10',
  startMonth: '2025-02',
  status: 'ACTIVE',
  stopMonth: null,
  communeCode: '03199',
  openSlot: '012140000001',
  history: [{ action: 'OPEN', month: '2025-02', on: '2025-01-10', note: null }],
  ...over,
});
const paid = (months: string[], status: PaymentStatus, caseId = 'TCXH-A'): MonthlyPaymentDoc[] =>
  months.map((month) => ({
    _id: `012140000001:${month}`,
    citizenId: '012140000001',
    month,
    caseId,
    kind: 'ALLOWANCE',
    amount: 500_000,
    communeCode: '03199',
    status,
  }));

describe('automatic suspension in a payment run (3 uncollected months, dated table)', () => {
  it('looks at the 3 months before the run, across a year end', () => {
    expect(monthsBeforeSuspension('2027-01')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(monthsBeforeSuspension('2028-03')).toEqual(['2027-12', '2028-01', '2028-02']);
  });

  it.each([
    ['3 uncollected months', c(), paid(['2026-10', '2026-11', '2026-12'], 'UNCOLLECTED'), true],
    ['one collected', c(), [...paid(['2026-10', '2026-12'], 'UNCOLLECTED'), ...paid(['2026-11'], 'COLLECTED')], false],
    ['one month missing', c(), paid(['2026-11', '2026-12'], 'UNCOLLECTED'), false],
    ['paid on another case', c(), paid(['2026-10', '2026-11', '2026-12'], 'UNCOLLECTED', 'TCXH-B'), false],
    [
      'already suspended',
      c({ status: 'SUSPENDED', suspendedFrom: '2026-12' }),
      paid(['2026-10', '2026-11', '2026-12'], 'UNCOLLECTED'),
      false,
    ],
    [
      'resumed within the 3 months',
      c({
        history: [
          { action: 'SUSPEND', month: '2026-09', on: 'x', note: null },
          { action: 'RESUME', month: '2026-11', on: 'x', note: null },
        ],
      }),
      paid(['2026-10', '2026-11', '2026-12'], 'UNCOLLECTED'),
      false,
    ],
    ['stopped from the month', c({ stopMonth: '2027-01' }), paid(['2026-10', '2026-11', '2026-12'], 'UNCOLLECTED'), false],
  ])('%s -> suspends: %s', (_what, theCase, payments, expected) => {
    expect(suspendsIn(theCase, payments, '2027-01')).toBe(expected);
  });

  it('a run plan suspends instead of paying, and pays everyone else once', () => {
    const other = c({ caseId: 'TCXH-B', citizenId: '012140000002', openSlot: '012140000002' });
    const plan = paymentRunPlan([c(), other], paid(['2026-10', '2026-11', '2026-12'], 'UNCOLLECTED'), '2027-01');
    expect(plan.suspend.map((x) => x.caseId)).toEqual(['TCXH-A']);
    expect(plan.pay.map((p) => [p.citizenId, p.c.caseId, p.amount])).toEqual([['012140000002', 'TCXH-B', 500_000]]);
  });
});

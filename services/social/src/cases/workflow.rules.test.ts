import { ConflictError } from '@nct/errors';
import { ALLOWED_ACTIONS, assertTransition, funeralSupportAmount, stopMonthAfterDeath, type CaseAction } from './workflow.rules';
import { checkFuneralSupportTable } from './rules/funeral-support';
import { checkWorkflowTable } from './rules/workflow';
import { checkActionMonthTable } from '../action-month/rules/action-month';
import { casePaysIn, expandRanges, paymentRanges, paymentsAfterDeath, payableCase, suspensionBlockers } from '../payments/payments.rules';
import type { BenefitCaseDoc } from './benefit-case.model';
import type { MonthlyPaymentDoc } from '../payments/monthly-payment.model';

describe('the case state machine', () => {
  it.each([
    ['ACTIVE', 'SUSPEND', true],
    ['ACTIVE', 'STOP', true],
    ['ACTIVE', 'RESUME', false],
    ['SUSPENDED', 'RESUME', true],
    ['SUSPENDED', 'STOP', true],
    ['SUSPENDED', 'SUSPEND', false],
    ['STOPPED', 'STOP', false],
    ['STOPPED', 'RESUME', false],
    ['STOPPED', 'SUSPEND', false],
  ] as const)('%s + %s allowed: %s', (status, action, ok) => {
    const call = () => assertTransition('TCXH-1', status, action as CaseAction);
    if (ok) expect(call).not.toThrow();
    else {
      expect(call).toThrow(ConflictError);
      try {
        call();
      } catch (e) {
        expect((e as ConflictError).extensions).toMatchObject({ code: 'CONFLICT', allowedActions: [...ALLOWED_ACTIONS[status]] });
      }
    }
  });
});

describe('death and funeral support (Decree 20/2021 Art. 11: at least 20 x base)', () => {
  it.each([
    ['2025-01-31', '2025-02'],
    ['2024-12-01', '2025-01'],
  ])('death on %s stops payment from %s', (death, month) => expect(stopMonthAfterDeath(death)).toBe(month));
  it.each([
    ['ALLOWANCE', '2024-06-30', 7_200_000],
    ['ALLOWANCE', '2024-07-01', 10_000_000],
    ['SOCIAL_PENSION', '2025-09-10', 10_000_000],
  ] as const)('%s, death on %s: %i VND', (kind, death, amount) => expect(funeralSupportAmount(kind, death)).toBe(amount));
  it('refuses a table under 20 x base, and other malformed workflow tables', () => {
    expect(() =>
      checkFuneralSupportTable([{ effectiveFrom: '2021-07-01', legalAct: 'x', baseMultiple: { ALLOWANCE: 19, SOCIAL_PENSION: 20 } }]),
    ).toThrow(/funeral support/);
    expect(() => checkWorkflowTable([{ effectiveFrom: '2021-07-01', legalAct: 'x', uncollectedMonthsToSuspend: 0 }])).toThrow(
      /payment workflow/,
    );
    expect(() => checkActionMonthTable([{ effectiveFrom: '2015-10-01', legalAct: 'x', month: 13, maxAmount: 1 }])).toThrow(/action month/);
  });
});

const c = (over: Partial<BenefitCaseDoc>): BenefitCaseDoc => ({
  caseId: 'TCXH-A',
  kind: 'ALLOWANCE',
  citizenId: '012140000001',
  group: 'A5C',
  decisionNumber: '1',
  decisionDate: '2024-01-01',
  startMonth: '2024-01',
  status: 'ACTIVE',
  stopMonth: null,
  communeCode: '03199',
  openSlot: '012140000001',
  ...over,
});
const pay = (month: string, status: MonthlyPaymentDoc['status'] = 'COLLECTED', amount = 500_000, caseId = 'TCXH-A'): MonthlyPaymentDoc => ({
  _id: `012140000001:${month}`,
  citizenId: '012140000001',
  month,
  caseId,
  kind: 'ALLOWANCE',
  amount,
  communeCode: '03199',
  status,
});

describe('payments', () => {
  it.each([
    [c({}), '2023-12', false],
    [c({}), '2024-01', true],
    [c({ status: 'STOPPED', stopMonth: '2024-05' }), '2024-04', true],
    [c({ status: 'STOPPED', stopMonth: '2024-05' }), '2024-05', false],
    [c({ status: 'SUSPENDED', suspendedFrom: '2024-06' }), '2024-05', true],
    [c({ status: 'SUSPENDED', suspendedFrom: '2024-06' }), '2024-06', false],
    [
      c({
        history: [
          { action: 'SUSPEND', month: '2024-03', on: 'x', note: null },
          { action: 'RESUME', month: '2024-05', on: 'x', note: null },
        ],
      }),
      '2024-04',
      false,
    ],
    [
      c({
        history: [
          { action: 'SUSPEND', month: '2024-03', on: 'x', note: null },
          { action: 'RESUME', month: '2024-05', on: 'x', note: null },
        ],
      }),
      '2024-05',
      true,
    ],
  ])('case %j pays in %s: %s', (k, month, expected) => expect(casePaysIn(k, month)).toBe(expected));

  it('pays only the highest of two open cases', () => {
    const sp = c({ caseId: 'HTXH-B', kind: 'SOCIAL_PENSION', group: null, startMonth: '2025-07' });
    const a5d = c({ caseId: 'TCXH-C', group: 'A5D' });
    expect(payableCase([sp, c({})], '2025-08')?.c.caseId).toBe('HTXH-B'); // tie at 500,000: the lower case ID, stable
    expect(payableCase([sp, a5d], '2025-08')).toMatchObject({ amount: 1_500_000, c: { caseId: 'TCXH-C' } });
    expect(payableCase([c({ group: 'A5A' })], '2025-08')).toBeNull(); // 5a without a birth date
    expect(
      payableCase([c({ group: 'A5A', decisionFacts: { birthDate: '1940-01-01', deathDate: null, disadvantagedCommune: null } })], '2025-08')
        ?.amount,
    ).toBe(1_000_000);
  });

  it('needs three consecutive uncollected months before a suspension', () => {
    const ps = [pay('2025-01', 'UNCOLLECTED'), pay('2025-02', 'UNCOLLECTED'), pay('2025-03', 'UNCOLLECTED'), pay('2025-04', 'COLLECTED')];
    expect(suspensionBlockers(ps, 'TCXH-A', '2025-04')).toEqual([]);
    expect(suspensionBlockers(ps, 'TCXH-A', '2025-05')).toEqual(['2025-04']);
    expect(suspensionBlockers(ps, 'TCXH-A', '2025-03')).toEqual(['2024-12']);
    expect(suspensionBlockers(ps, 'TCXH-OTHER', '2025-04')).toEqual(['2025-01', '2025-02', '2025-03']);
  });

  it('compresses payments into runs and expands them back', () => {
    const ps = [
      pay('2025-03'),
      pay('2025-01'),
      pay('2025-02'),
      pay('2025-04', 'UNCOLLECTED'),
      pay('2025-06'),
      pay('2025-07', 'COLLECTED', 750_000),
    ];
    const ranges = paymentRanges(ps);
    expect(ranges).toEqual([
      ['2025-01', '2025-03', 'TCXH-A', 500_000, 'COLLECTED', '03199'],
      ['2025-04', '2025-04', 'TCXH-A', 500_000, 'UNCOLLECTED', '03199'],
      ['2025-06', '2025-06', 'TCXH-A', 500_000, 'COLLECTED', '03199'],
      ['2025-07', '2025-07', 'TCXH-A', 750_000, 'COLLECTED', '03199'],
    ]);
    expect(expandRanges('012140000001', ranges, () => true).map((p) => p.month)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-06',
      '2025-07',
    ]);
    expect(paymentsAfterDeath('012140000001', ranges, '2025-04-30').map((p) => [p.month, p.amount])).toEqual([
      ['2025-06', 500_000],
      ['2025-07', 750_000],
    ]);
    expect(paymentsAfterDeath('012140000001', ranges, null)).toEqual([]);
  });
});

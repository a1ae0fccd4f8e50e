import { SMALL_CELL_THRESHOLD, suppressSmallCells } from '@nct/auth';
import type { BenefitCaseDoc, BenefitKind } from '../cases/benefit-case.model';
import { payableCase } from '../payments/payments.rules';
import type { PensionPeriod } from '../records/social-record.model';
import type { BenefitFigure, BenefitSummaryCell } from './benefit-summary';

interface Tally {
  count: number;
  total: number;
}
type Tallies = Record<BenefitKind, Tally>;

const empty = (): Tallies => ({ ALLOWANCE: { count: 0, total: 0 }, SOCIAL_PENSION: { count: 0, total: 0 } });

/**
 * What the payroll pays for `month`, per commune and kind: per person, the case and amount
 * `payableCase` picks (the payroll's own rule: in force that month, one case per person, the
 * highest amount, the social pension less a small SI benefit), counted in the case's commune.
 * Cells of 1-4 cases are withheld with their total, with complementary suppression across the
 * communes of each kind; the total row is withheld only when it is itself 1-4.
 */
export function benefitSummaryCells(
  cases: readonly BenefitCaseDoc[],
  month: string,
  pensionsOf: ReadonlyMap<string, readonly PensionPeriod[]>,
): { communes: BenefitSummaryCell[]; total: BenefitSummaryCell } {
  const byPerson = new Map<string, BenefitCaseDoc[]>();
  for (const c of cases) byPerson.set(c.citizenId, [...(byPerson.get(c.citizenId) ?? []), c]);
  const byCommune = new Map<string, Tallies>();
  const all = empty();
  for (const [citizenId, list] of byPerson) {
    const paid = payableCase(list, month, pensionsOf.get(citizenId) ?? []);
    if (!paid) continue;
    const t = byCommune.get(paid.c.communeCode) ?? empty();
    byCommune.set(paid.c.communeCode, t);
    for (const tally of [t[paid.c.kind], all[paid.c.kind]]) {
      tally.count += 1;
      tally.total += paid.amount;
    }
  }
  const codes = [...byCommune.keys()].sort();
  const shown = (kind: BenefitKind) => suppressSmallCells(codes.map((code) => ({ key: code, count: byCommune.get(code)![kind].count })));
  const figure = (t: Tally, suppressed: boolean): BenefitFigure => ({
    count: suppressed ? null : t.count,
    monthlyTotal: suppressed ? null : t.total,
    suppressed,
  });
  const allowance = shown('ALLOWANCE');
  const pension = shown('SOCIAL_PENSION');
  const small = (t: Tally) => t.count > 0 && t.count < SMALL_CELL_THRESHOLD;
  return {
    communes: codes.map((code, i) => ({
      communeCode: code,
      allowance: figure(byCommune.get(code)!.ALLOWANCE, allowance[i].suppressed),
      socialPension: figure(byCommune.get(code)!.SOCIAL_PENSION, pension[i].suppressed),
    })),
    total: {
      communeCode: 'ALL',
      allowance: figure(all.ALLOWANCE, small(all.ALLOWANCE)),
      socialPension: figure(all.SOCIAL_PENSION, small(all.SOCIAL_PENSION)),
    },
  };
}

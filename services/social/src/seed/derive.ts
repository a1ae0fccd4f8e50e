import { createHash } from 'node:crypto';
import type { SeedData } from '@nct/seed';
import { addMonths, ageOn, dateReachingAge, firstDayOfMonth, monthOf } from '@nct/dates';
import type { ActionMonthSupportDoc, SupportKind } from '../action-month/action-month-support.model';
import type { BenefitCaseDoc } from '../cases/benefit-case.model';
import { caseIdFor, openSlotFor } from '../cases/cases.rules';
import { funeralSupportAmount } from '../cases/workflow.rules';
import { paymentIdFor, type MonthlyPaymentDoc, type PaymentStatus } from '../payments/monthly-payment.model';
import { caseAmountIn } from '../payments/payments.rules';
import type { PovertyStatus, SocialRecordDoc } from '../records/social-record.model';

/**
 * Rates of the derived social records (documented in README.md). Poverty rates follow the
 * pattern of a mountainous northern province (much higher in especially disadvantaged
 * communes); pensions are rarer in rural and disadvantaged communes.
 */
export const SOCIAL_SEED_RATES = {
  poor: { disadvantaged: 0.25, commune: 0.07, ward: 0.03 },
  nearPoor: { disadvantaged: 0.12, commune: 0.06, ward: 0.03 },
  /** chance that a year's status differs from the person's usual one */
  povertyYearChange: 0.12,
  pension: { disadvantaged: 0.04, commune: 0.12, ward: 0.35 },
  siMonthlyBenefit: 0.03,
  /** of people 70-74 in poor / near-poor households alive, the share already on the social pension */
  socialPensionOfPoor70to74: 0.4,
  /** payment history kept: the last N months before asOf */
  paymentMonths: 12,
  uncollected: 0.03,
  /** share of elderly given Action Month support, on / off social-protection lists */
  actionMonthOnList: 0.3,
  actionMonthOffList: 0.04,
} as const;

export interface SocialSeedExtra {
  asOf: string;
  /** every case written (the generator's, enriched, plus derived social pensions) */
  cases: BenefitCaseDoc[];
  records: SocialRecordDoc[];
  payments: MonthlyPaymentDoc[];
  supports: ActionMonthSupportDoc[];
}

/** Deterministic [0, 1) from a citizen ID and a label. */
function unit(...parts: Array<string | number>): number {
  return createHash('sha256').update(parts.join('\n')).digest().readUInt32BE(0) / 2 ** 32;
}

const pick = <T>(u: number, items: readonly T[]): T => items[Math.min(items.length - 1, Math.floor(u * items.length))];

/** The social service's own seed records, derived from the shared generation (pure, deterministic). */
export function deriveSocialSeed(data: SeedData): SocialSeedExtra {
  const asOf = data.asOf ?? '2026-11-01';
  const asOfMonth = monthOf(asOf);
  const asOfYear = Number(asOf.slice(0, 4));
  const communes = new Map(data.communes.map((c) => [c.code, c]));
  const people = new Map(data.people.map((p) => [p.citizenId, p]));
  const R = SOCIAL_SEED_RATES;
  const area = (code: string) => {
    const c = communes.get(code);
    return c?.disadvantaged ? 'disadvantaged' : c?.kind === 'WARD' ? 'ward' : 'commune';
  };

  const allowanceOf = new Map(data.social.allowanceCases.map((c) => [c.citizenId, c]));
  const pensionOf = new Map(data.social.socialPensionCases.map((c) => [c.citizenId, c]));

  // ---- records: poverty by year, pension / SI, disability and circumstances ----------------
  const records: SocialRecordDoc[] = [];
  const recordOf = new Map<string, SocialRecordDoc>();
  const years = [asOfYear - 2, asOfYear - 1, asOfYear];
  for (const p of data.people) {
    const a = area(p.communeCode);
    const allowance = allowanceOf.get(p.citizenId);
    const group = allowance?.group;
    let usual: PovertyStatus = 'NONE';
    const u = unit(p.citizenId, 'poverty');
    if (u < R.poor[a]) usual = 'POOR';
    else if (u < R.poor[a] + R.nearPoor[a]) usual = 'NEAR_POOR';
    if (group === 'A5A' || group === 'A5D') usual = 'POOR';
    if (group === 'A5B' && usual === 'NONE') usual = unit(p.citizenId, 'a5b') < 0.6 ? 'POOR' : 'NEAR_POOR';
    const poverty = years.map((year) => {
      let status = usual;
      if (!group && unit(p.citizenId, 'poverty-year', year) < R.povertyYearChange)
        status = pick(unit(p.citizenId, 'poverty-alt', year), ['POOR', 'NEAR_POOR', 'NONE'] as const);
      return { year, status };
    });
    // Pension / SI: never for people whose case says they have none (5c, social pension).
    const excluded = group === 'A5C' || pensionOf.has(p.citizenId) || usual === 'POOR';
    let insurance: SocialRecordDoc['insurance'] = [];
    if (!excluded) {
      const v = unit(p.citizenId, 'pension');
      const retired = (age: number) => firstDayOfMonth(monthOf(dateReachingAge(p.birthDate, age)));
      if (v < R.pension[a]) insurance = [{ from: retired(p.sex === 'FEMALE' ? 55 : 60), status: 'PENSION' }];
      else if (v < R.pension[a] + R.siMonthlyBenefit) insurance = [{ from: retired(60), status: 'SI_MONTHLY_BENEFIT' }];
      insurance = insurance.filter((e) => e.from <= asOf);
    }
    const disability = group === 'DISABILITY_SEVERE' ? 'SEVERE' : group === 'DISABILITY_VERY_SEVERE' ? 'VERY_SEVERE' : 'NONE';
    const noSupporter = group === 'A5A' || group === 'A5D';
    const careFacilityEligible = group === 'A5D';
    if (usual === 'NONE' && !insurance.length && !group && !poverty.some((y) => y.status !== 'NONE')) continue; // nothing to record
    const rec: SocialRecordDoc = {
      _id: p.citizenId,
      communeCode: p.communeCode,
      poverty,
      insurance,
      disability,
      noSupporter,
      careFacilityEligible,
      otherMonthlyAllowance: false,
    };
    records.push(rec);
    recordOf.set(p.citizenId, rec);
  }

  // ---- social pensions for people 70-74 in poor / near-poor households (Q2 negatives) -------
  const extraPensions: BenefitCaseDoc[] = [];
  for (const p of data.people) {
    if (p.deathDate || allowanceOf.has(p.citizenId) || pensionOf.has(p.citizenId)) continue;
    const age = ageOn(p.birthDate, asOf);
    if (age < 70 || age > 74) continue;
    const status = recordOf.get(p.citizenId)?.poverty.find((y) => y.year === asOfYear)?.status;
    if (status !== 'POOR' && status !== 'NEAR_POOR') continue;
    if (recordOf.get(p.citizenId)?.insurance?.length) continue;
    if (unit(p.citizenId, 'sp70') >= R.socialPensionOfPoor70to74) continue;
    const turned70 = monthOf(dateReachingAge(p.birthDate, 70));
    const start = [turned70, '2025-07', `${asOfYear}-01`].sort().pop()!;
    // starting in the month of asOf is fine (it covers asOf): in January it is the only month of the year
    if (start > asOfMonth) continue;
    // the whole citizen ID: six digits collide in a 100,000-person province
    const decisionNumber = `HT-${p.citizenId}/QĐ-UBND`;
    const caseId = caseIdFor('SOCIAL_PENSION', decisionNumber);
    extraPensions.push({
      caseId,
      kind: 'SOCIAL_PENSION',
      citizenId: p.citizenId,
      group: null,
      decisionNumber,
      decisionDate: `${addMonths(start, -1)}-20`,
      startMonth: start,
      status: 'ACTIVE',
      stopMonth: null,
      communeCode: p.communeCode,
      openSlot: p.citizenId,
    });
  }

  // ---- cases: the generator's, enriched with the decision's facts and their history ---------
  const cases: BenefitCaseDoc[] = [];
  const enrich = (c: BenefitCaseDoc): BenefitCaseDoc => {
    const person = people.get(c.citizenId);
    const facts = person
      ? { birthDate: person.birthDate, deathDate: null, disadvantagedCommune: communes.get(c.communeCode)?.disadvantaged ?? null }
      : null;
    const history: NonNullable<BenefitCaseDoc['history']> = [
      { action: 'OPEN', month: c.startMonth, on: c.decisionDate, note: c.decisionNumber },
    ];
    let suspendedFrom: string | null = null;
    let stopReason: BenefitCaseDoc['stopReason'] = null;
    let funeralSupport: BenefitCaseDoc['funeralSupport'] = null;
    if (c.status === 'SUSPENDED') {
      suspendedFrom = addMonths(asOfMonth, -1);
      if (suspendedFrom < addMonths(c.startMonth, 3)) suspendedFrom = addMonths(c.startMonth, 3);
      history.push({ action: 'SUSPEND', month: suspendedFrom, on: `${suspendedFrom}-05`, note: null });
    }
    if (c.status === 'STOPPED' && c.stopMonth) {
      const died = person?.deathDate && addMonths(monthOf(person.deathDate), 1) === c.stopMonth;
      stopReason = died ? 'DEATH' : 'NO_LONGER_ELIGIBLE';
      if (died)
        funeralSupport = {
          deathDate: person!.deathDate!,
          amount: funeralSupportAmount(c.kind, person!.deathDate!),
          recordedOn: `${c.stopMonth}-10`,
        };
      history.push({ action: 'STOP', month: c.stopMonth, on: `${c.stopMonth}-10`, note: stopReason });
    }
    return { ...c, decisionFacts: facts, suspendedFrom, stopReason, funeralSupport, history };
  };
  for (const c of data.social.allowanceCases) {
    const caseId = caseIdFor('ALLOWANCE', c.decisionNumber);
    cases.push(enrich({ ...c, caseId, kind: 'ALLOWANCE', openSlot: openSlotFor({ status: c.status, citizenId: c.citizenId, caseId }) }));
  }
  for (const c of data.social.socialPensionCases) {
    const caseId = caseIdFor('SOCIAL_PENSION', c.decisionNumber);
    cases.push(
      enrich({
        ...c,
        group: null,
        caseId,
        kind: 'SOCIAL_PENSION',
        openSlot: openSlotFor({ status: c.status, citizenId: c.citizenId, caseId }),
      }),
    );
  }
  for (const c of extraPensions) cases.push(enrich(c));

  // ---- payments: the last N months of every case that paid then --------------------------
  const payments: MonthlyPaymentDoc[] = [];
  const firstPaid = addMonths(asOfMonth, -R.paymentMonths);
  for (const c of cases) {
    const from = c.startMonth > firstPaid ? c.startMonth : firstPaid;
    const endExclusive = [c.stopMonth ?? asOfMonth, c.suspendedFrom ?? asOfMonth, asOfMonth].sort()[0];
    for (let m = from; m < endExclusive; m = addMonths(m, 1)) {
      const amount = caseAmountIn(c, m);
      if (amount === null) continue;
      let status: PaymentStatus = unit(c.citizenId, 'collected', m) < R.uncollected ? 'UNCOLLECTED' : 'COLLECTED';
      if (c.suspendedFrom && m >= addMonths(c.suspendedFrom, -3)) status = 'UNCOLLECTED';
      if (m === addMonths(asOfMonth, -1) && status === 'COLLECTED' && unit(c.citizenId, 'pending', m) < 0.5) status = 'PENDING';
      payments.push({
        _id: paymentIdFor(c.citizenId, m),
        citizenId: c.citizenId,
        month: m,
        caseId: c.caseId,
        kind: c.kind,
        amount,
        communeCode: c.communeCode,
        status,
      });
    }
  }

  // ---- Action Month supports (Q14): October of asOf's year, or the year before -----------
  const year = asOfMonth >= `${asOfYear}-11` ? asOfYear : asOfYear - 1;
  const october = `${year}-10`;
  const onListIds = new Set<string>();
  for (const c of cases) if (c.startMonth <= october && (!c.stopMonth || october < c.stopMonth)) onListIds.add(c.citizenId);
  for (const r of records) if (r.poverty.some((y) => y.year === year && y.status !== 'NONE')) onListIds.add(r._id);
  const supports: ActionMonthSupportDoc[] = [];
  const KINDS: Array<[SupportKind, number, number, string]> = [
    ['GIFT', 300_000, 500_000, 'Quà Tháng hành động vì người cao tuổi'],
    ['GIFT', 300_000, 500_000, 'Quà Tháng hành động vì người cao tuổi'],
    ['CASH', 500_000, 1_000_000, 'Tiền hỗ trợ Tháng hành động'],
    ['HEALTH_CHECK', 0, 0, 'Khám sức khỏe miễn phí'],
    ['HOME_REPAIR', 5_000_000, 20_000_000, 'Hỗ trợ sửa nhà'],
  ];
  const PROVIDERS = ['UBND xã', 'Hội Người cao tuổi xã', 'Hội Chữ thập đỏ', 'Mặt trận Tổ quốc xã'];
  for (const p of data.people) {
    if (p.deathDate && p.deathDate < `${october}-01`) continue;
    const share = onListIds.has(p.citizenId) ? R.actionMonthOnList : R.actionMonthOffList;
    if (unit(p.citizenId, 'action-month', year) >= share) continue;
    const [kind, lo, hi, description] = pick(unit(p.citizenId, 'am-kind', year), KINDS);
    const amount = lo === hi ? lo : Math.round((lo + (hi - lo) * unit(p.citizenId, 'am-amount', year)) / 10_000) * 10_000;
    const date = `${october}-${String(1 + Math.floor(unit(p.citizenId, 'am-day', year) * 28)).padStart(2, '0')}`;
    const _id = `THD-${createHash('sha256').update(`${p.citizenId}\n${date}\n${kind}`).digest('hex').slice(0, 16).toUpperCase()}`;
    supports.push({
      _id,
      citizenId: p.citizenId,
      communeCode: p.communeCode,
      year,
      date,
      kind,
      description,
      amount,
      provider: pick(unit(p.citizenId, 'am-provider', year), PROVIDERS),
    });
  }

  return { asOf, cases, records, payments, supports };
}

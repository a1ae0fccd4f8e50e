import { dateReachingAge, monthOf } from '@nct/dates';
import type { AllowanceGroup } from '../cases/benefit-case.model';
import { ageInMonth } from '../cases/cases.rules';
import { SOCIAL_PENSION_FIRST_MONTH, socialPensionAmountOn } from '../pension/pension.rules';
import { SOCIAL_PENSION_ELIGIBILITY_TABLE } from '../pension/rules/social-pension-eligibility';
import type { DisabilityLevel, PovertyEntry, PovertyStatus } from '../records/social-record.model';
import { ALLOWANCE_FIRST_MONTH, allowanceCoefficient, baseLevelOn } from './allowance.rules';
import { ELIGIBILITY_TABLE, type EntitlementKind } from './rules/eligibility';

/**
 * The eligibility engine: Decree 20/2021 Art. 5.5 (groups 5a-5d) and Art. 5.6 (elderly with
 * a severe / very severe disability), the base level (Decree 20/2021, Decree 76/2024), the
 * social pension (Social Insurance Law 2024 Art. 21-22, Decree 176/2025), and "only the
 * highest entitlement is paid". Pure: the facts come in, the answer with its reasons goes out.
 */

export interface Text {
  vi: string;
  en: string;
}

export interface EligibilityFacts {
  /** From the register (through the graph); null when unknown. */
  birthDate: string | null;
  deathDate: string | null;
  /** The residence commune is especially disadvantaged (Art. 5.5(b)); null when unknown. */
  disadvantagedCommune: boolean | null;
  /** The department's own records. */
  poverty: readonly PovertyEntry[];
  /** Pension or monthly social-insurance benefit on the date asked about. */
  receivesPension: boolean;
  disability: DisabilityLevel;
  noSupporter: boolean;
  careFacilityEligible: boolean;
  otherMonthlyAllowance: boolean;
}

export interface Entitlement {
  kind: EntitlementKind;
  eligible: boolean;
  coefficient: number | null;
  monthlyAmount: number | null;
  /** First month of the current uninterrupted entitlement (null when not eligible). */
  startMonth: string | null;
  reasons: Text[];
}

export interface Eligibility {
  asOf: string;
  month: string;
  eligible: boolean;
  /** The highest entitlement, paid (null: none). */
  chosen: EntitlementKind | null;
  group: AllowanceGroup | null;
  coefficient: number | null;
  monthlyAmount: number | null;
  startMonth: string | null;
  baseLevel: number | null;
  reasons: Text[];
  considered: Entitlement[];
}

const POOR: readonly PovertyStatus[] = ['POOR'];
const POOR_OR_NEAR: readonly PovertyStatus[] = ['POOR', 'NEAR_POOR'];
const fmt = (n: number) => n.toLocaleString('en-US');

/** The month a person reaches `age` full years (Art. 8: paid from the month they reach it). */
export function monthReaching(birthDate: string, age: number): string {
  return monthOf(dateReachingAge(birthDate, age));
}

/** First month of the run of consecutive years up to `year` whose status is in `statuses`; null if `year` is not. */
function povertyRunStart(poverty: readonly PovertyEntry[], year: number, statuses: readonly PovertyStatus[]): string | null {
  const ok = (y: number) => statuses.includes(poverty.find((p) => p.year === y)?.status ?? 'NONE');
  if (!ok(year)) return null;
  let y = year;
  while (ok(y - 1)) y -= 1;
  return `${y}-01`;
}

const maxMonth = (...months: Array<string | null>): string | null => {
  if (months.some((m) => m === null)) return null;
  return (months as string[]).reduce((a, b) => (a > b ? a : b));
};

function povertyText(status: PovertyStatus, year: number): Text {
  const vi = { POOR: 'hộ nghèo', NEAR_POOR: 'hộ cận nghèo', NONE: 'không thuộc hộ nghèo/cận nghèo' }[status];
  const en = { POOR: 'a poor household', NEAR_POOR: 'a near-poor household', NONE: 'neither a poor nor a near-poor household' }[status];
  return { vi: `năm ${year}: ${vi}`, en: `${year}: ${en}` };
}

/** Every entitlement considered in `asOf`'s month, and the highest one. */
export function evaluateEligibility(facts: EligibilityFacts, asOf: string): Eligibility {
  const month = monthOf(asOf);
  const year = Number(month.slice(0, 4));
  const result = (considered: Entitlement[], reasons: Text[], baseLevel: number | null): Eligibility => {
    const rules = ELIGIBILITY_TABLE.inMonth(month < ALLOWANCE_FIRST_MONTH ? ALLOWANCE_FIRST_MONTH : month);
    const eligible = considered.filter((e) => e.eligible);
    eligible.sort(
      (a, b) => (b.monthlyAmount ?? 0) - (a.monthlyAmount ?? 0) || rules.tieBreak.indexOf(a.kind) - rules.tieBreak.indexOf(b.kind),
    );
    const best = eligible[0] ?? null;
    const out: Text[] = [...reasons];
    if (best) {
      out.push({
        vi: `Được hưởng ${label(best.kind).vi}: ${fmt(best.monthlyAmount ?? 0)} đồng/tháng từ ${best.startMonth}`,
        en: `Entitled to ${label(best.kind).en}: ${fmt(best.monthlyAmount ?? 0)} VND/month from ${best.startMonth}`,
      });
      if (eligible.length > 1) {
        out.push({
          vi: `Chỉ hưởng mức cao nhất; không chi: ${eligible
            .slice(1)
            .map((e) => `${label(e.kind).vi} (${fmt(e.monthlyAmount ?? 0)})`)
            .join(', ')}`,
          en: `Only the highest entitlement is paid; not paid: ${eligible
            .slice(1)
            .map((e) => `${label(e.kind).en} (${fmt(e.monthlyAmount ?? 0)})`)
            .join(', ')}`,
        });
      }
    } else if (considered.length) {
      out.push({ vi: 'Không đủ điều kiện hưởng trợ cấp nào', en: 'Not eligible for any allowance or the social pension' });
    }
    return {
      asOf,
      month,
      eligible: best !== null,
      chosen: best?.kind ?? null,
      group: best && best.kind !== 'SOCIAL_PENSION' ? best.kind : null,
      coefficient: best?.coefficient ?? null,
      monthlyAmount: best?.monthlyAmount ?? null,
      startMonth: best?.startMonth ?? null,
      baseLevel,
      reasons: out,
      considered,
    };
  };

  if (month < ALLOWANCE_FIRST_MONTH) {
    return result(
      [],
      [{ vi: `Trước ${ALLOWANCE_FIRST_MONTH}: chưa có quy định áp dụng`, en: `Before ${ALLOWANCE_FIRST_MONTH}: no rule in force` }],
      null,
    );
  }
  const baseLevel = baseLevelOn(month);
  if (!facts.birthDate) {
    return result([], [{ vi: 'Không có ngày sinh trong sổ đăng ký', en: 'No birth date in the register' }], baseLevel);
  }
  if (facts.deathDate && monthOf(facts.deathDate) < month) {
    return result(
      [],
      [
        {
          vi: `Đã mất ngày ${facts.deathDate}: thôi hưởng từ tháng sau tháng mất`,
          en: `Died on ${facts.deathDate}: benefits stop from the month after death`,
        },
      ],
      baseLevel,
    );
  }

  const rules = ELIGIBILITY_TABLE.inMonth(month);
  const age = ageInMonth(facts.birthDate, month);
  const status = facts.poverty.find((p) => p.year === year)?.status ?? 'NONE';
  const common: Text[] = [{ vi: `Tuổi trong tháng ${month}: ${age}`, en: `Age in ${month}: ${age}` }, povertyText(status, year)];
  if (facts.deathDate) {
    common.push({
      vi: `Mất ngày ${facts.deathDate}: vẫn hưởng tháng mất`,
      en: `Died on ${facts.deathDate}: the month of death is still paid`,
    });
  }
  const elderly = age >= rules.elderlyAge;
  const elderlyFrom = maxMonth(monthReaching(facts.birthDate, rules.elderlyAge), ALLOWANCE_FIRST_MONTH);
  const allowance = (kind: AllowanceGroup, conditions: Array<[boolean, Text]>, start: Array<string | null>): Entitlement => {
    const failed = conditions.filter(([ok]) => !ok).map(([, t]) => t);
    const eligible = failed.length === 0;
    const coefficient = eligible ? allowanceCoefficient(kind, age, month) : null;
    return {
      kind,
      eligible,
      coefficient,
      monthlyAmount: coefficient === null ? null : Math.round(coefficient * baseLevel),
      startMonth: eligible ? maxMonth(...start) : null,
      reasons: eligible
        ? [{ vi: `Đủ điều kiện, hệ số ${coefficient} × ${fmt(baseLevel)}`, en: `Eligible, coefficient ${coefficient} x ${fmt(baseLevel)}` }]
        : failed,
    };
  };
  const notElderly: [boolean, Text] = [elderly, { vi: `Chưa đủ ${rules.elderlyAge} tuổi`, en: `Under ${rules.elderlyAge}` }];
  const poor: [boolean, Text] = [POOR.includes(status), { vi: `Không thuộc hộ nghèo năm ${year}`, en: `Not a poor household in ${year}` }];
  const noSupporter: [boolean, Text] = [
    facts.noSupporter,
    { vi: 'Có người có nghĩa vụ phụng dưỡng', en: 'Someone is obliged and able to support them' },
  ];
  const noPension: [boolean, Text] = [
    !facts.receivesPension,
    { vi: 'Đang hưởng lương hưu/BHXH hằng tháng', en: 'Receives a pension or monthly social-insurance benefit' },
  ];
  const povertyStart = (statuses: readonly PovertyStatus[]) => povertyRunStart(facts.poverty, year, statuses);

  const a5a = allowance('A5A', [notElderly, poor, noSupporter], [elderlyFrom, povertyStart(POOR)]);
  const a5b = allowance(
    'A5B',
    [
      [
        age >= rules.a5bFromAge && age <= rules.a5bToAge,
        { vi: `Không trong độ tuổi ${rules.a5bFromAge}-${rules.a5bToAge}`, en: `Not aged ${rules.a5bFromAge}-${rules.a5bToAge}` },
      ],
      [
        POOR_OR_NEAR.includes(status),
        { vi: `Không thuộc hộ nghèo/cận nghèo năm ${year}`, en: `Not a poor or near-poor household in ${year}` },
      ],
      [
        facts.disadvantagedCommune === true,
        facts.disadvantagedCommune === null
          ? {
              vi: 'Không rõ xã nơi cư trú có thuộc vùng ĐBKK hay không',
              en: 'Unknown whether the residence commune is especially disadvantaged',
            }
          : {
              vi: 'Xã nơi cư trú không thuộc vùng ĐBKK vùng DTTS-MN',
              en: 'The residence commune is not an especially disadvantaged ethnic-minority/mountain commune',
            },
      ],
    ],
    [maxMonth(monthReaching(facts.birthDate, rules.a5bFromAge), ALLOWANCE_FIRST_MONTH), povertyStart(POOR_OR_NEAR)],
  );
  const a5c = allowance(
    'A5C',
    [
      [age >= rules.a5cFromAge, { vi: `Chưa đủ ${rules.a5cFromAge} tuổi`, en: `Under ${rules.a5cFromAge}` }],
      [!a5a.eligible, { vi: 'Thuộc nhóm 5a', en: 'In group 5a' }],
      noPension,
      [!facts.otherMonthlyAllowance, { vi: 'Đang hưởng trợ cấp hằng tháng khác', en: 'Receives another monthly allowance' }],
    ],
    [maxMonth(monthReaching(facts.birthDate, rules.a5cFromAge), ALLOWANCE_FIRST_MONTH)],
  );
  const a5d = allowance(
    'A5D',
    [
      notElderly,
      poor,
      noSupporter,
      [facts.careFacilityEligible, { vi: 'Không thuộc diện vào cơ sở BTXH', en: 'Not eligible for a care facility' }],
    ],
    [elderlyFrom, povertyStart(POOR)],
  );
  const severe = allowance(
    'DISABILITY_SEVERE',
    [notElderly, [facts.disability === 'SEVERE', { vi: 'Không có xác định khuyết tật nặng', en: 'No severe disability recorded' }]],
    [elderlyFrom],
  );
  const verySevere = allowance(
    'DISABILITY_VERY_SEVERE',
    [
      notElderly,
      [facts.disability === 'VERY_SEVERE', { vi: 'Không có xác định khuyết tật đặc biệt nặng', en: 'No very severe disability recorded' }],
    ],
    [elderlyFrom],
  );
  const considered = [a5a, a5b, a5c, a5d, severe, verySevere, socialPensionEntitlement(facts, month, age, status)];
  return result(considered, common, baseLevel);
}

function socialPensionEntitlement(facts: EligibilityFacts, month: string, age: number, status: PovertyStatus): Entitlement {
  const none = (reasons: Text[]): Entitlement => ({
    kind: 'SOCIAL_PENSION',
    eligible: false,
    coefficient: null,
    monthlyAmount: null,
    startMonth: null,
    reasons,
  });
  if (month < SOCIAL_PENSION_FIRST_MONTH) {
    return none([
      {
        vi: `Trợ cấp hưu trí xã hội áp dụng từ ${SOCIAL_PENSION_FIRST_MONTH}`,
        en: `The social pension exists from ${SOCIAL_PENSION_FIRST_MONTH}`,
      },
    ]);
  }
  const rules = SOCIAL_PENSION_ELIGIBILITY_TABLE.inMonth(month);
  const year = Number(month.slice(0, 4));
  const failed: Text[] = [];
  if (facts.receivesPension)
    failed.push({ vi: 'Đang hưởng lương hưu/BHXH hằng tháng', en: 'Receives a pension or monthly social-insurance benefit' });
  let start: string | null = null;
  const birth = facts.birthDate as string;
  if (age >= rules.ageWithoutPension) {
    start = maxMonth(monthReaching(birth, rules.ageWithoutPension), SOCIAL_PENSION_FIRST_MONTH);
    // someone 70-74 and poor before turning 75 is entitled from the earlier month
    const poorStart = povertyRunStart(facts.poverty, year, POOR_OR_NEAR);
    if (poorStart) {
      const early = maxMonth(monthReaching(birth, rules.poorFromAge), poorStart, SOCIAL_PENSION_FIRST_MONTH);
      if (early && start && early < start) start = early;
    }
  } else if (age >= rules.poorFromAge) {
    if (!POOR_OR_NEAR.includes(status)) {
      failed.push({
        vi: `${rules.poorFromAge}-${rules.ageWithoutPension - 1} tuổi nhưng không thuộc hộ nghèo/cận nghèo năm ${year}`,
        en: `Aged ${rules.poorFromAge}-${rules.ageWithoutPension - 1} but not a poor or near-poor household in ${year}`,
      });
    }
    start = maxMonth(
      monthReaching(birth, rules.poorFromAge),
      povertyRunStart(facts.poverty, year, POOR_OR_NEAR),
      SOCIAL_PENSION_FIRST_MONTH,
    );
  } else {
    failed.push({ vi: `Chưa đủ ${rules.poorFromAge} tuổi`, en: `Under ${rules.poorFromAge}` });
  }
  if (failed.length) return none(failed);
  const amount = socialPensionAmountOn(month);
  return {
    kind: 'SOCIAL_PENSION',
    eligible: true,
    coefficient: null,
    monthlyAmount: amount,
    startMonth: start,
    reasons: [{ vi: `Đủ điều kiện, ${fmt(amount)} đồng/tháng`, en: `Eligible, ${fmt(amount)} VND/month` }],
  };
}

const LABELS: Record<EntitlementKind, Text> = {
  A5A: { vi: 'trợ cấp nhóm 5a', en: 'group 5a allowance' },
  A5B: { vi: 'trợ cấp nhóm 5b', en: 'group 5b allowance' },
  A5C: { vi: 'trợ cấp nhóm 5c', en: 'group 5c allowance' },
  A5D: { vi: 'trợ cấp nhóm 5d', en: 'group 5d allowance' },
  DISABILITY_SEVERE: { vi: 'trợ cấp người cao tuổi khuyết tật nặng', en: 'severe-disability allowance' },
  DISABILITY_VERY_SEVERE: { vi: 'trợ cấp người cao tuổi khuyết tật đặc biệt nặng', en: 'very-severe-disability allowance' },
  SOCIAL_PENSION: { vi: 'trợ cấp hưu trí xã hội', en: 'the social pension' },
};

export function label(kind: EntitlementKind): Text {
  return LABELS[kind];
}

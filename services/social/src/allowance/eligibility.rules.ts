import { dateReachingAge, monthOf } from '@nct/dates';
import type { AllowanceGroup } from '../cases/benefit-case.model';
import { ageInMonth } from '../cases/cases.rules';
import { SOCIAL_PENSION_FIRST_MONTH, socialPensionWithBenefits } from '../pension/pension.rules';
import { SOCIAL_PENSION_ELIGIBILITY_TABLE } from '../pension/rules/social-pension-eligibility';
import {
  inForceOn,
  pensionPeriodsOf,
  type DisabilityLevel,
  type PensionKind,
  type PensionPeriod,
  type PovertyEntry,
  type PovertyStatus,
  type SocialRecordDoc,
} from '../records/social-record.model';
import { disadvantagedOn, residenceOn, type ResidencePeriod } from '../register/residence.rules';
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
  /**
   * Residence periods from the register, each with the especially-disadvantaged spells of its
   * commune or village (Art. 5.5(b)); the engine takes the one in force on the date asked
   * about. null when unknown.
   */
  residenceHistory: readonly ResidencePeriod[] | null;
  /** The department's own records. */
  poverty: readonly PovertyEntry[];
  /** Pension / monthly social-insurance periods with their amounts; the engine takes those in force on the date. */
  pensions: readonly PensionPeriod[];
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

/** Facts for the engine: identity from the register (a `@requires` representation or RegisterPort), circumstances from the department's record. */
export function eligibilityFacts(
  person: { birthDate?: string | null; deathDate?: string | null; residenceHistory?: readonly ResidencePeriod[] | null },
  record: SocialRecordDoc | null,
): EligibilityFacts {
  return {
    birthDate: person.birthDate ?? null,
    deathDate: person.deathDate ?? null,
    residenceHistory: person.residenceHistory ?? null,
    poverty: record?.poverty ?? [],
    pensions: pensionPeriodsOf(record),
    disability: record?.disability ?? 'NONE',
    noSupporter: record?.noSupporter ?? false,
    careFacilityEligible: record?.careFacilityEligible ?? false,
    otherMonthlyAllowance: record?.otherMonthlyAllowance ?? false,
  };
}

const PENSION_TEXT: Record<PensionKind, Text> = {
  RETIREMENT_PENSION: { vi: 'lương hưu', en: 'a retirement pension' },
  MONTHLY_SOCIAL_INSURANCE: { vi: 'trợ cấp BHXH hằng tháng', en: 'a monthly social-insurance benefit' },
};
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
  /** A condition: whether it holds, why not, and (optionally) what it rests on when it holds. */
  type Condition = [boolean, Text, Text?];
  const allowance = (kind: AllowanceGroup, conditions: Condition[], start: Array<string | null>): Entitlement => {
    const failed = conditions.filter(([ok]) => !ok).map(([, t]) => t);
    const eligible = failed.length === 0;
    const coefficient = eligible ? allowanceCoefficient(kind, age, month) : null;
    const basis = conditions.flatMap(([, , t]) => (t ? [t] : []));
    return {
      kind,
      eligible,
      coefficient,
      monthlyAmount: coefficient === null ? null : Math.round(coefficient * baseLevel),
      startMonth: eligible ? maxMonth(...start) : null,
      reasons: eligible
        ? [
            {
              vi: `Đủ điều kiện, hệ số ${coefficient} × ${fmt(baseLevel)}`,
              en: `Eligible, coefficient ${coefficient} x ${fmt(baseLevel)}`,
            },
            ...basis,
          ]
        : failed,
    };
  };
  const notElderly: Condition = [elderly, { vi: `Chưa đủ ${rules.elderlyAge} tuổi`, en: `Under ${rules.elderlyAge}` }];
  const poor: Condition = [POOR.includes(status), { vi: `Không thuộc hộ nghèo năm ${year}`, en: `Not a poor household in ${year}` }];
  const noSupporter: Condition = [
    facts.noSupporter,
    { vi: 'Có người có nghĩa vụ phụng dưỡng', en: 'Someone is obliged and able to support them' },
  ];
  const benefits = facts.pensions.filter((p) => inForceOn(p, asOf));
  const a5cExcluding = benefits.filter((p) => rules.a5cExcludedBy.includes(p.kind));
  const noPension: Condition = [
    a5cExcluding.length === 0,
    {
      vi: `Đang hưởng ${a5cExcluding.map((p) => PENSION_TEXT[p.kind].vi).join(', ')} (loại trừ nhóm 5c dù ở mức nào: ${rules.legalAct})`,
      en: `Receives ${a5cExcluding.map((p) => PENSION_TEXT[p.kind].en).join(', ')} (excludes group 5c whatever the amount: ${rules.legalAct})`,
    },
  ];
  const residence = facts.residenceHistory === null ? null : residenceOn(facts.residenceHistory, asOf);
  const spells = disadvantagedOn(residence, asOf);
  const place = (r: ResidencePeriod) => (r.villageCode ? `${r.communeCode} / ${r.villageCode}` : r.communeCode);
  const disadvantaged: Condition = [
    spells.length > 0,
    facts.residenceHistory === null
      ? {
          vi: 'Không rõ nơi cư trú và vùng ĐBKK (sổ đăng ký không gửi lịch sử cư trú)',
          en: 'Unknown residence and disadvantaged status (no residence history from the register)',
        }
      : residence === null
        ? { vi: `Sổ đăng ký không có nơi cư trú ngày ${asOf}`, en: `No residence in the register on ${asOf}` }
        : {
            vi: `Nơi cư trú ngày ${asOf} (${place(residence)}) không thuộc xã/thôn ĐBKK vùng DTTS-MN`,
            en: `The residence on ${asOf} (${place(residence)}) is not an especially disadvantaged ethnic-minority/mountain commune or village`,
          },
    spells.length && residence
      ? {
          vi: `Nơi cư trú ngày ${asOf} (${place(residence)}) thuộc vùng ĐBKK (${spells.map((s) => `${s.level}: ${s.legalAct}`).join('; ')})`,
          en: `The residence on ${asOf} (${place(residence)}) is especially disadvantaged (${spells.map((s) => `${s.level}: ${s.legalAct}`).join('; ')})`,
        }
      : undefined,
  ];
  // 5b is met from the month the disadvantaged status of the residence began (for this residence).
  const disadvantagedFrom =
    spells.length && residence
      ? monthOf(spells.map((s) => (s.from > residence.from ? s.from : residence.from)).reduce((a, b) => (a < b ? a : b)))
      : null;
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
      disadvantaged,
    ],
    [maxMonth(monthReaching(facts.birthDate, rules.a5bFromAge), ALLOWANCE_FIRST_MONTH), povertyStart(POOR_OR_NEAR), disadvantagedFrom],
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
  const considered = [a5a, a5b, a5c, a5d, severe, verySevere, socialPensionEntitlement(facts, month, age, status, benefits)];
  return result(considered, common, baseLevel);
}

function socialPensionEntitlement(
  facts: EligibilityFacts,
  month: string,
  age: number,
  status: PovertyStatus,
  benefits: readonly PensionPeriod[],
): Entitlement {
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
  // Art. 21.1(b) and its exception (Art. 23.7): what the benefits in force do (the dated table).
  const withBenefits = socialPensionWithBenefits(month, benefits);
  if (withBenefits.amount === null) failed.push(...withBenefits.reasons);
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
  if (failed.length || withBenefits.amount === null) return none(failed);
  const amount = withBenefits.amount;
  return {
    kind: 'SOCIAL_PENSION',
    eligible: true,
    coefficient: null,
    monthlyAmount: amount,
    startMonth: start,
    reasons: [{ vi: `Đủ điều kiện, ${fmt(amount)} đồng/tháng`, en: `Eligible, ${fmt(amount)} VND/month` }, ...withBenefits.reasons],
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

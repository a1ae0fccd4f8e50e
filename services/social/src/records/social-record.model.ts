import { Schema } from 'mongoose';
import { addDays } from '@nct/dates';

export type PovertyStatus = 'POOR' | 'NEAR_POOR' | 'NONE';
export type InsuranceStatus = 'PENSION' | 'SI_MONTHLY_BENEFIT' | 'NONE';
export type DisabilityLevel = 'NONE' | 'SEVERE' | 'VERY_SEVERE';

export const POVERTY_STATUSES: readonly PovertyStatus[] = ['POOR', 'NEAR_POOR', 'NONE'];
export const INSURANCE_STATUSES: readonly InsuranceStatus[] = ['PENSION', 'SI_MONTHLY_BENEFIT', 'NONE'];
export const DISABILITY_LEVELS: readonly DisabilityLevel[] = ['NONE', 'SEVERE', 'VERY_SEVERE'];

export interface PovertyEntry {
  year: number;
  status: PovertyStatus;
}

/**
 * A status reported by the social-insurance agency, in force from a date until the next entry.
 * The stored shape of records written before pension periods (`SocialRecordDoc.insurance`),
 * still read (as periods without an amount: `pensionPeriodsOf`), and the shape of the
 * agency's CSV export.
 */
export interface InsuranceEntry {
  from: string;
  status: InsuranceStatus;
}

/**
 * A monthly benefit from the social-insurance fund: a retirement pension (lương hưu) or a
 * monthly social-insurance benefit (trợ cấp BHXH hằng tháng, e.g. under Social Insurance Law
 * 2024 Art. 23). The kind and the amount decide the social pension (Art. 21.1(b)).
 */
export type PensionKind = 'RETIREMENT_PENSION' | 'MONTHLY_SOCIAL_INSURANCE';
export const PENSION_KINDS: readonly PensionKind[] = ['RETIREMENT_PENSION', 'MONTHLY_SOCIAL_INSURANCE'];

/** A pension or monthly SI benefit over a period (inclusive dates; `to` null while it lasts). */
export interface PensionPeriod {
  kind: PensionKind;
  /** VND per month; null when the amount is not on record. */
  monthlyAmount: number | null;
  from: string;
  to: string | null;
}

/**
 * The department's own record of one person's circumstances (one document per person,
 * `_id` = citizen ID: entity batches are one `_id $in` query): household poverty status per year (hộ nghèo / cận nghèo), pension /
 * social-insurance status imported from the insurance agency, disability level, and the
 * circumstances Decree 20/2021 Art. 5.5 asks about. No identity: that is the register's.
 */
export interface SocialRecordDoc {
  _id: string;
  /** 5-digit commune that keeps the social record (the commune of the poverty roster). */
  communeCode: string;
  poverty: PovertyEntry[];
  /** Pension / monthly SI benefit periods with their amounts (records written since the periods exist). */
  pensions?: PensionPeriod[];
  /** Older records: the insurance agency's status steps (read as periods, emptied on the next write). */
  insurance?: InsuranceEntry[];
  disability: DisabilityLevel;
  /** Nobody obliged to support them, or the supporter is also on allowance (Art. 5.5(a)). */
  noSupporter: boolean;
  /** Eligible for a social-protection facility but cared for in the community (Art. 5.5(d)). */
  careFacilityEligible: boolean;
  /** Receives another monthly allowance (e.g. a merit allowance): excludes 5c. */
  otherMonthlyAllowance: boolean;
}

export const socialRecordSchema = new Schema<SocialRecordDoc>(
  {
    _id: { type: String, required: true, match: /^\d{12}$/ },
    communeCode: { type: String, required: true, match: /^\d{5}$/ },
    poverty: {
      type: [
        {
          _id: false,
          year: { type: Number, required: true, min: 2000, max: 2999 },
          status: { type: String, required: true, enum: POVERTY_STATUSES },
        },
      ],
      default: [],
    },
    pensions: {
      type: [
        {
          _id: false,
          kind: { type: String, required: true, enum: PENSION_KINDS },
          monthlyAmount: { type: Number, default: null, min: 1 },
          from: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
          to: { type: String, default: null, match: /^\d{4}-\d{2}-\d{2}$/ },
        },
      ],
      default: undefined,
    },
    insurance: {
      type: [
        {
          _id: false,
          from: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
          status: { type: String, required: true, enum: INSURANCE_STATUSES },
        },
      ],
      default: undefined,
    },
    disability: { type: String, required: true, enum: DISABILITY_LEVELS, default: 'NONE' },
    noSupporter: { type: Boolean, required: true, default: false },
    careFacilityEligible: { type: Boolean, required: true, default: false },
    otherMonthlyAllowance: { type: Boolean, required: true, default: false },
  },
  { collection: 'social_records', versionKey: false, timestamps: true },
);
// Poverty rosters (Q2's second driver): one equality query per status, for a year [and commune].
socialRecordSchema.index({ 'poverty.year': 1, 'poverty.status': 1, communeCode: 1 });

/** An empty record (no poverty, no pension, no disability). */
export function emptyRecord(citizenId: string, communeCode: string): SocialRecordDoc {
  return {
    _id: citizenId,
    communeCode,
    poverty: [],
    pensions: [],
    disability: 'NONE',
    noSupporter: false,
    careFacilityEligible: false,
    otherMonthlyAllowance: false,
  };
}

/** Poverty status in a year (NONE when nothing is recorded for it). */
export function povertyIn(record: Pick<SocialRecordDoc, 'poverty'> | null, year: number): PovertyStatus {
  return record?.poverty.find((p) => p.year === year)?.status ?? 'NONE';
}

const KIND_OF_STATUS: Record<Exclude<InsuranceStatus, 'NONE'>, PensionKind> = {
  PENSION: 'RETIREMENT_PENSION',
  SI_MONTHLY_BENEFIT: 'MONTHLY_SOCIAL_INSURANCE',
};
const STATUS_OF_KIND: Record<PensionKind, InsuranceStatus> = {
  RETIREMENT_PENSION: 'PENSION',
  MONTHLY_SOCIAL_INSURANCE: 'SI_MONTHLY_BENEFIT',
};

/** A status step (from the agency's export) with the amount of the period it starts, when known. */
export interface InsuranceStep extends InsuranceEntry {
  monthlyAmount?: number | null;
}

const byFrom = <T extends { from: string }>(a: T, b: T) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0);

/**
 * Periods from status steps: each non-NONE step lasts until the day before the next step; a
 * step continuing the same kind and amount extends the period before it.
 */
export function periodsFromSteps(steps: readonly InsuranceStep[]): PensionPeriod[] {
  const sorted = [...steps].sort(byFrom);
  const out: PensionPeriod[] = [];
  sorted.forEach((s, i) => {
    if (s.status === 'NONE') return;
    const next = sorted[i + 1];
    const period: PensionPeriod = {
      kind: KIND_OF_STATUS[s.status],
      monthlyAmount: s.monthlyAmount ?? null,
      from: s.from,
      to: next ? addDays(next.from, -1) : null,
    };
    const last = out[out.length - 1];
    if (last && last.to === addDays(s.from, -1) && last.kind === period.kind && last.monthlyAmount === period.monthlyAmount)
      last.to = period.to;
    else out.push(period);
  });
  return out;
}

/** Status steps of (non-overlapping) periods: a step where each starts, NONE the day after one ends without a successor. */
export function stepsFromPeriods(periods: readonly PensionPeriod[]): InsuranceStep[] {
  const sorted = [...periods].sort(byFrom);
  const starts = new Set(sorted.map((p) => p.from));
  const out: InsuranceStep[] = [];
  for (const p of sorted) {
    out.push({ from: p.from, status: STATUS_OF_KIND[p.kind], monthlyAmount: p.monthlyAmount });
    if (p.to !== null && !starts.has(addDays(p.to, 1))) out.push({ from: addDays(p.to, 1), status: 'NONE', monthlyAmount: null });
  }
  return out.sort(byFrom);
}

/** Every pension / monthly SI period on record: the dated periods, and those read from an older record's status steps. */
export function pensionPeriodsOf(record: Pick<SocialRecordDoc, 'pensions' | 'insurance'> | null): PensionPeriod[] {
  if (!record) return [];
  return [...(record.pensions ?? []), ...periodsFromSteps(record.insurance ?? [])].sort(byFrom);
}

/** The status steps of a record (its periods, or an older record's steps as stored). */
export function insuranceStepsOf(record: Pick<SocialRecordDoc, 'pensions' | 'insurance'> | null): InsuranceStep[] {
  return stepsFromPeriods(pensionPeriodsOf(record));
}

/** Whether a period is in force on a date (inclusive bounds). */
export const inForceOn = (p: Pick<PensionPeriod, 'from' | 'to'>, date: string): boolean =>
  p.from <= date && (p.to === null || date <= p.to);

/** The pension / monthly SI periods in force on a date. */
export function pensionsOn(record: Pick<SocialRecordDoc, 'pensions' | 'insurance'> | null, date: string): PensionPeriod[] {
  return pensionPeriodsOf(record).filter((p) => inForceOn(p, date));
}

/** Insurance status in force on a date (a retirement pension first, then a monthly SI benefit). */
export function insuranceOn(record: Pick<SocialRecordDoc, 'pensions' | 'insurance'> | null, date: string): InsuranceStatus {
  const kinds = new Set(pensionsOn(record, date).map((p) => p.kind));
  if (kinds.has('RETIREMENT_PENSION')) return 'PENSION';
  return kinds.has('MONTHLY_SOCIAL_INSURANCE') ? 'SI_MONTHLY_BENEFIT' : 'NONE';
}

import { Schema } from 'mongoose';

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

/** A status reported by the social-insurance agency, in force from a date until the next entry. */
export interface InsuranceEntry {
  from: string;
  status: InsuranceStatus;
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
  insurance: InsuranceEntry[];
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
    insurance: {
      type: [
        {
          _id: false,
          from: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
          status: { type: String, required: true, enum: INSURANCE_STATUSES },
        },
      ],
      default: [],
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
    insurance: [],
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

/** Insurance status in force on a date: the latest entry from that date or before. */
export function insuranceOn(record: Pick<SocialRecordDoc, 'insurance'> | null, date: string): InsuranceStatus {
  let status: InsuranceStatus = 'NONE';
  let best = '';
  for (const e of record?.insurance ?? []) {
    if (e.from <= date && e.from >= best) {
      best = e.from;
      status = e.status;
    }
  }
  return status;
}

/** Pension or a monthly social-insurance benefit on a date. */
export function receivesPensionOn(record: Pick<SocialRecordDoc, 'insurance'> | null, date: string): boolean {
  return insuranceOn(record, date) !== 'NONE';
}

import { Schema } from 'mongoose';

export type BenefitKind = 'ALLOWANCE' | 'SOCIAL_PENSION';
export type AllowanceGroup = 'A5A' | 'A5B' | 'A5C' | 'A5D' | 'DISABILITY_SEVERE' | 'DISABILITY_VERY_SEVERE';
export type CaseStatus = 'ACTIVE' | 'SUSPENDED' | 'STOPPED';

/**
 * One benefit case: a monthly social allowance (Decree 20/2021) or a social pension (Social
 * Insurance Law 2024). Both kinds share one collection so that a person's benefits are
 * one query, whatever the number of people.
 */
export interface BenefitCaseDoc {
  /** 'TCXH-…' (allowance) or 'HTXH-…' (social pension), derived from kind + decision number. */
  caseId: string;
  kind: BenefitKind;
  citizenId: string;
  /** Allowance only (Decree 20/2021 Art. 5.5 / 5.6); null for a social pension. */
  group: AllowanceGroup | null;
  decisionNumber: string;
  decisionDate: string;
  /** First month paid, YYYY-MM. */
  startMonth: string;
  status: CaseStatus;
  /** First month no longer paid, YYYY-MM (the case stops from this month). */
  stopMonth: string | null;
  /** 5-digit commune that pays the case. */
  communeCode: string;
  /**
   * citizenId while the case is ACTIVE or SUSPENDED, caseId once STOPPED: the unique index
   * on {kind, openSlot} lets a person have at most one open case of each kind, enforced by
   * the database (no partial indexes needed, which FerretDB lacks).
   */
  openSlot: string;
}

export const benefitCaseSchema = new Schema<BenefitCaseDoc>(
  {
    caseId: { type: String, required: true, maxlength: 40 },
    kind: { type: String, required: true, enum: ['ALLOWANCE', 'SOCIAL_PENSION'] },
    citizenId: { type: String, required: true, match: /^\d{12}$/ },
    group: { type: String, default: null, enum: ['A5A', 'A5B', 'A5C', 'A5D', 'DISABILITY_SEVERE', 'DISABILITY_VERY_SEVERE', null] },
    decisionNumber: { type: String, required: true, maxlength: 50 },
    decisionDate: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    startMonth: { type: String, required: true, match: /^\d{4}-\d{2}$/ },
    status: { type: String, required: true, enum: ['ACTIVE', 'SUSPENDED', 'STOPPED'] },
    stopMonth: { type: String, default: null, match: /^\d{4}-\d{2}$/ },
    communeCode: { type: String, required: true, match: /^\d{5}$/ },
    openSlot: { type: String, required: true },
  },
  { collection: 'benefit_cases', versionKey: false, timestamps: true },
);
benefitCaseSchema.pre('validate', function () {
  if ((this.kind === 'ALLOWANCE') !== (this.group != null)) {
    this.invalidate('group', 'group is required for an allowance case and absent otherwise');
  }
});
benefitCaseSchema.index({ caseId: 1 }, { unique: true });
benefitCaseSchema.index({ kind: 1, decisionNumber: 1 }, { unique: true });
benefitCaseSchema.index({ kind: 1, openSlot: 1 }, { unique: true });
benefitCaseSchema.index({ citizenId: 1 });
benefitCaseSchema.index({ communeCode: 1, kind: 1, status: 1 });

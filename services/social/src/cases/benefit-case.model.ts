import { Schema } from 'mongoose';

export type BenefitKind = 'ALLOWANCE' | 'SOCIAL_PENSION';
export type AllowanceGroup = 'A5A' | 'A5B' | 'A5C' | 'A5D' | 'DISABILITY_SEVERE' | 'DISABILITY_VERY_SEVERE';
export type CaseStatus = 'ACTIVE' | 'SUSPENDED' | 'STOPPED';
export type StopReason = 'DEATH' | 'NO_LONGER_ELIGIBLE' | 'MOVED_AWAY' | 'HIGHER_ENTITLEMENT' | 'OTHER';
export const STOP_REASONS: readonly StopReason[] = ['DEATH', 'NO_LONGER_ELIGIBLE', 'MOVED_AWAY', 'HIGHER_ENTITLEMENT', 'OTHER'];

/**
 * Identity facts as written on the decision (birth date, death date, whether the residence
 * commune is especially disadvantaged). A mutation cannot `@requires` register fields, so
 * the caseworker's client passes what the register says and the decision keeps it; the
 * payroll uses the birth date for the age-dependent 5a coefficient. `Person` fields always
 * use the register's values through the graph (see docs/identity-in-mutations.md).
 */
export interface DecisionFacts {
  birthDate: string;
  deathDate: string | null;
  disadvantagedCommune: boolean | null;
}

export interface FuneralSupport {
  deathDate: string;
  amount: number;
  recordedOn: string;
}

export interface CaseTransition {
  action: 'OPEN' | 'SUSPEND' | 'RESUME' | 'STOP';
  month: string;
  on: string;
  note: string | null;
}

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
   * the database.
   */
  openSlot: string;
  decisionFacts?: DecisionFacts | null;
  /** First month not paid because of the suspension (while SUSPENDED). */
  suspendedFrom?: string | null;
  stopReason?: StopReason | null;
  funeralSupport?: FuneralSupport | null;
  history?: CaseTransition[];
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
    decisionFacts: {
      type: new Schema(
        {
          birthDate: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
          deathDate: { type: String, default: null },
          disadvantagedCommune: { type: Boolean, default: null },
        },
        { _id: false },
      ),
      default: null,
    },
    suspendedFrom: { type: String, default: null },
    stopReason: { type: String, default: null, enum: [...STOP_REASONS, null] },
    funeralSupport: {
      type: new Schema({ deathDate: String, amount: Number, recordedOn: String }, { _id: false }),
      default: null,
    },
    history: {
      type: [{ _id: false, action: String, month: String, on: String, note: { type: String, default: null } }],
      default: [],
    },
  },
  { collection: 'benefit_cases', versionKey: false, timestamps: true },
);
benefitCaseSchema.pre('validate', function () {
  if ((this.kind === 'ALLOWANCE') !== (this.group != null)) {
    this.invalidate('group', 'group is required for an allowance case and absent otherwise');
  }
});
// Unique keys: the case, the decision per kind, one open case per person and kind.
benefitCaseSchema.index({ caseId: 1 }, { unique: true });
benefitCaseSchema.index({ kind: 1, decisionNumber: 1 }, { unique: true });
benefitCaseSchema.index({ kind: 1, openSlot: 1 }, { unique: true });
// Entity batches (`citizenId $in`) and a person's cases.
benefitCaseSchema.index({ citizenId: 1 });
// Commune pages (Q4, Q10: kind + commune [+ status], by caseId) and the commune's payment run.
benefitCaseSchema.index({ communeCode: 1, kind: 1, status: 1, caseId: 1 });
// Province pages by status (kind [+ status], by caseId).
benefitCaseSchema.index({ kind: 1, status: 1, caseId: 1 });

import { Schema } from 'mongoose';

/** Level of an Association of the Elderly unit kept in the organisation records. */
export type AssociationLevel = 'PROVINCE' | 'COMMUNE';
/** "Ban đại diện" (representative board) or a full "Hội" (association). */
export type AssociationType = 'REPRESENTATIVE_BOARD' | 'ASSOCIATION';

export interface DecisionDoc {
  number: string;
  date: string;
  issuingBody: string;
}

/** One Association unit: its legal status, level and establishment decision. */
export interface AssociationUnitDoc {
  /** code of the administrative unit it serves (2 digits province / 5 digits commune) */
  adminUnitCode: string;
  name: string;
  level: AssociationLevel;
  type: AssociationType;
  establishment: DecisionDoc;
}

const decisionSchema = new Schema<DecisionDoc>(
  {
    number: { type: String, required: true, maxlength: 50 },
    date: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    issuingBody: { type: String, required: true, maxlength: 200 },
  },
  { _id: false },
);

export const associationUnitSchema = new Schema<AssociationUnitDoc>(
  {
    adminUnitCode: { type: String, required: true, match: /^(\d{2}|\d{5})$/ },
    name: { type: String, required: true, maxlength: 200 },
    level: { type: String, required: true, enum: ['PROVINCE', 'COMMUNE'] },
    type: { type: String, required: true, enum: ['REPRESENTATIVE_BOARD', 'ASSOCIATION'] },
    establishment: { type: decisionSchema, required: true },
  },
  { collection: 'association_units', versionKey: false, timestamps: true },
);
// One Association body per administrative unit.
associationUnitSchema.index({ adminUnitCode: 1 }, { unique: true });
associationUnitSchema.index({ level: 1, type: 1, adminUnitCode: 1 });

/** A leadership term (nhiệm kỳ) of one unit: its own document (single-document writes). */
export interface LeadershipTermDoc {
  adminUnitCode: string;
  startDate: string;
  endDate: string;
  /** chair elected for the term (public office holder, not a register entry) */
  chairName: string;
  decision: DecisionDoc;
}

export const leadershipTermSchema = new Schema<LeadershipTermDoc>(
  {
    adminUnitCode: { type: String, required: true, match: /^(\d{2}|\d{5})$/ },
    startDate: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    endDate: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    chairName: { type: String, required: true, maxlength: 100 },
    decision: { type: decisionSchema, required: true },
  },
  { collection: 'leadership_terms', versionKey: false, timestamps: true },
);
leadershipTermSchema.index({ adminUnitCode: 1, startDate: 1 }, { unique: true });

import { Schema } from 'mongoose';

/** A BHYT card. Group, level and province are read from the code, never stored twice. */
export interface InsuranceCardDoc {
  code: string;
  citizenId: string;
  validFrom: string;
  validTo: string;
  primaryCareFacility: string;
}

export const insuranceCardSchema = new Schema<InsuranceCardDoc>(
  {
    code: { type: String, required: true, match: /^[A-Z]{2}\d{3}\d{10}$/ },
    citizenId: { type: String, required: true, match: /^\d{12}$/ },
    validFrom: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    validTo: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    primaryCareFacility: { type: String, required: true, maxlength: 200 },
  },
  { collection: 'insurance_cards', versionKey: false, timestamps: true },
);
insuranceCardSchema.index({ code: 1 }, { unique: true });
// A person's cards: the per-request batch (`citizenId $in`), the overlap check of an issue and
// the coverage `$lookup` (by citizenId) read this index.
insuranceCardSchema.index({ citizenId: 1, validTo: -1 });

/**
 * One document per person a card was ever issued to through the API (`_id` = citizen ID),
 * counting the issues. `issueInsuranceCard` increments it inside its transaction before it
 * looks for an overlapping card: two concurrent issues for the same person then write the same
 * document, so the server lets only one of them commit and the other is retried, sees the
 * first card and is refused. Holds no card data.
 */
export interface CardHolderDoc {
  _id: string;
  issued: number;
}

export const cardHolderSchema = new Schema<CardHolderDoc>(
  { _id: { type: String, required: true, match: /^\d{12}$/ }, issued: { type: Number, required: true, min: 0 } },
  { collection: 'insurance_card_holders', versionKey: false },
);

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
insuranceCardSchema.index({ citizenId: 1, validTo: -1 });

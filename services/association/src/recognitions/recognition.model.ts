import { Schema } from 'mongoose';

export type RecognitionLevel = 'COMMUNE' | 'PROVINCE' | 'CENTRAL';

/** An exemplary-elderly recognition ("Tuổi cao - Gương sáng" movement): person, year, level, decision. */
export interface RecognitionDoc {
  citizenId: string;
  year: number;
  level: RecognitionLevel;
  decisionNumber: string;
  decisionDate: string;
  communeCode: string;
}

export const recognitionSchema = new Schema<RecognitionDoc>(
  {
    citizenId: { type: String, required: true, match: /^\d{12}$/ },
    year: { type: Number, required: true, min: 2000, max: 2100 },
    level: { type: String, required: true, enum: ['COMMUNE', 'PROVINCE', 'CENTRAL'] },
    decisionNumber: { type: String, required: true, maxlength: 50 },
    decisionDate: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    communeCode: { type: String, required: true, match: /^\d{5}$/ },
  },
  { collection: 'recognitions', versionKey: false },
);
// One recognition per person, year and level.
recognitionSchema.index({ citizenId: 1, year: 1, level: 1 }, { unique: true });
recognitionSchema.index({ communeCode: 1, year: 1 });

import { Schema } from 'mongoose';

export type Sex = 'MALE' | 'FEMALE';

/** One entry of the resident register of elderly people: the identity every agency joins on. */
export interface PersonDoc {
  citizenId: string;
  fullName: string;
  /** fullName folded (no diacritics, lower case) for diacritic-insensitive search. */
  nameSearch: string;
  birthDate: string;
  sex: Sex;
  ethnicity: string;
  /** Current residence commune (5-digit code, post-July-2025). */
  communeCode: string;
  /** Pre-July-2025 unit code the record was originally made under, if any. */
  legacyUnitCode: string | null;
  deathDate: string | null;
}

export const personSchema = new Schema<PersonDoc>(
  {
    citizenId: { type: String, required: true, match: /^\d{12}$/ },
    fullName: { type: String, required: true, maxlength: 100 },
    nameSearch: { type: String, required: true, maxlength: 100 },
    birthDate: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    sex: { type: String, required: true, enum: ['MALE', 'FEMALE'] },
    ethnicity: { type: String, required: true, maxlength: 50 },
    communeCode: { type: String, required: true, match: /^\d{5}$/ },
    legacyUnitCode: { type: String, default: null },
    deathDate: { type: String, default: null },
  },
  { collection: 'people', versionKey: false, timestamps: true },
);
personSchema.index({ citizenId: 1 }, { unique: true });
personSchema.index({ communeCode: 1, citizenId: 1 });
personSchema.index({ birthDate: 1 });
personSchema.index({ nameSearch: 1 });

import { Schema } from 'mongoose';

export type Sex = 'MALE' | 'FEMALE';

/**
 * One period of a person's residence (inclusive dates; `to` null while current). Periods do not
 * overlap and are kept oldest first; gaps are allowed (where the register does not know).
 */
export interface ResidencePeriodDoc {
  /** 5-digit commune code, valid on `from` (units.rules.ts `isValidOn`). */
  communeCode: string;
  /** A village of that commune (`<commune code>-NNN`, areas.rules.ts), or null. */
  villageCode: string | null;
  from: string;
  to: string | null;
}

/** One entry of the resident register of elderly people: the identity every agency joins on. */
export interface PersonDoc {
  citizenId: string;
  fullName: string;
  /** fullName folded (no diacritics, lower case). */
  nameSearch: string;
  /**
   * The folded name from each word on ("nguyen van an", "van an", "an"): a name search is a
   * prefix range on this multikey index, so "van an" and "an" find "Nguyễn Văn An" (people.rules.ts).
   */
  nameKeys: string[];
  birthDate: string;
  sex: Sex;
  ethnicity: string;
  /** Current residence commune (5-digit code, post-July-2025). */
  communeCode: string;
  /** Pre-July-2025 unit code the record was originally made under, if any. */
  legacyUnitCode: string | null;
  deathDate: string | null;
  /**
   * Residence periods, oldest first; the last one is current and in `communeCode`. Absent on
   * entries written before the register kept histories: read as one period in `communeCode`
   * (residence.rules.ts `impliedHistory`), stored on the entry's next residence write.
   */
  residenceHistory?: ResidencePeriodDoc[];
}

const residencePeriodSchema = new Schema<ResidencePeriodDoc>(
  {
    communeCode: { type: String, required: true, match: /^\d{5}$/ },
    villageCode: { type: String, default: null, match: /^\d{5}-\d{3}$/ },
    from: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    to: { type: String, default: null, match: /^\d{4}-\d{2}-\d{2}$/ },
  },
  { _id: false },
);

export const personSchema = new Schema<PersonDoc>(
  {
    citizenId: { type: String, required: true, match: /^\d{12}$/ },
    fullName: { type: String, required: true, maxlength: 100 },
    nameSearch: { type: String, required: true, maxlength: 100 },
    nameKeys: { type: [String], default: [] },
    birthDate: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    sex: { type: String, required: true, enum: ['MALE', 'FEMALE'] },
    ethnicity: { type: String, required: true, maxlength: 50 },
    communeCode: { type: String, required: true, match: /^\d{5}$/ },
    legacyUnitCode: { type: String, default: null },
    deathDate: { type: String, default: null },
    // no default: an entry without a history stays without one until its next residence write
    residenceHistory: { type: [residencePeriodSchema], default: undefined },
  },
  { collection: 'people', versionKey: false, timestamps: true },
);
// Every query on `people` starts from one of these (person.queries.ts, register.queries.ts).
// Identity: `person`, `_entities` batches ($in), every write.
personSchema.index({ citizenId: 1 }, { unique: true });
// recordDeath's conditional update `{ citizenId, deathDate: null }` (two deaths cannot both be recorded).
personSchema.index({ citizenId: 1, deathDate: 1 });
// Residence history is read with the entry (no index of its own): lookups by residence are by
// the current commune, `communeCode`, which the current period always equals.
// A commune's page in citizen-ID order (keyset), `citizenIdIn` rosters, commune counts ($in).
personSchema.index({ communeCode: 1, citizenId: 1 });
// Rosters by age or celebration year: birth-date ranges within one commune (Q1, Q2, Q8, Q15).
personSchema.index({ communeCode: 1, birthDate: 1 });
// The deceased of a commune (Q9), and living people of a commune (`deathDate: null`).
personSchema.index({ communeCode: 1, deathDate: 1 });
// Deaths recorded after a date (the few people alive on a past `asOf` whom `living-births` no
// longer counts: register.tallies.ts).
personSchema.index({ deathDate: 1 });
// Age ranges over the province: centenarians (Q15), people pages filtered by age only.
personSchema.index({ birthDate: 1 });
// Records still on a pre-2025 code (Q12): every such record, or one old code's.
personSchema.index({ legacyUnitCode: 1, communeCode: 1 });
// Name search without diacritics: a prefix range on the folded words, in a commune or anywhere.
personSchema.index({ communeCode: 1, nameKeys: 1 });
personSchema.index({ nameKeys: 1 });

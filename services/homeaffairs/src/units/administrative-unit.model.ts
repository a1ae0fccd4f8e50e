import { Schema } from 'mongoose';

export type UnitKind = 'PROVINCE' | 'DISTRICT' | 'COMMUNE' | 'WARD' | 'SPECIAL_ZONE' | 'TOWNSHIP';
export type UnitLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

/** An administrative unit, current or abolished, keyed by its official code (never by name). */
export interface UnitDoc {
  code: string;
  name: string;
  kind: UnitKind;
  level: UnitLevel;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  /**
   * The flag of the imported unit list (unit-import.rules.ts), kept as imported. What the
   * register answers (`AdministrativeUnit.disadvantaged`, residence histories) comes from the
   * dated list of especially disadvantaged areas (areas/), never from this flag.
   */
  disadvantaged: boolean;
  mountainous: boolean;
}

export const unitSchema = new Schema<UnitDoc>(
  {
    code: { type: String, required: true, match: /^(\d{2}|\d{3}|\d{5})$/ },
    name: { type: String, required: true, maxlength: 200 },
    kind: { type: String, required: true, enum: ['PROVINCE', 'DISTRICT', 'COMMUNE', 'WARD', 'SPECIAL_ZONE', 'TOWNSHIP'] },
    level: { type: String, required: true, enum: ['PROVINCE', 'DISTRICT', 'COMMUNE'] },
    parentCode: { type: String, default: null },
    validFrom: { type: String, required: true },
    validTo: { type: String, default: null },
    disadvantaged: { type: Boolean, default: false },
    mountainous: { type: Boolean, default: false },
  },
  { collection: 'administrative_units', versionKey: false },
);
// Codes are reused across levels only by length, so the code alone is unique.
unitSchema.index({ code: 1 }, { unique: true });
unitSchema.index({ parentCode: 1, code: 1 });

/** Lineage link: old unit -> new unit by a legal act on a date (many-to-many). */
export interface LineageDoc {
  fromCode: string;
  toCode: string;
  legalAct: string;
  effectiveDate: string;
}

export const lineageSchema = new Schema<LineageDoc>(
  {
    fromCode: { type: String, required: true },
    toCode: { type: String, required: true },
    legalAct: { type: String, required: true, maxlength: 200 },
    effectiveDate: { type: String, required: true },
  },
  { collection: 'unit_lineage', versionKey: false },
);
lineageSchema.index({ fromCode: 1, toCode: 1 }, { unique: true });
lineageSchema.index({ toCode: 1 });

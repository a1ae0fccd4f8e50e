import { Schema } from 'mongoose';

/**
 * A village (thôn, ấp, bản) or residential group (tổ dân phố) of a commune, as the register
 * knows it: `villageCode` is the commune's 5-digit code, a dash and the village's 3-digit number
 * in that commune (`03250-004`; areas.rules.ts). A village in force from `from` to `to`
 * (inclusive; null while current), like the administrative units.
 */
export interface VillageDoc {
  villageCode: string;
  communeCode: string;
  name: string;
  from: string;
  to: string | null;
}

export const villageSchema = new Schema<VillageDoc>(
  {
    villageCode: { type: String, required: true, match: /^\d{5}-\d{3}$/ },
    communeCode: { type: String, required: true, match: /^\d{5}$/ },
    name: { type: String, required: true, maxlength: 100 },
    from: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    to: { type: String, default: null },
  },
  { collection: 'villages', versionKey: false },
);
// One village by code (a residence write, a listing).
villageSchema.index({ villageCode: 1 }, { unique: true });
// The villages of a commune, in code order.
villageSchema.index({ communeCode: 1, villageCode: 1 });

export type AreaLevel = 'COMMUNE' | 'VILLAGE';

/**
 * One listing of the dated list of especially disadvantaged areas: a commune, or one village of
 * a commune (`unitCode` is then the village's commune), from `from` to `to` (inclusive; null
 * while in force), under the act that decided it. Two listings of the same area never overlap.
 */
export interface DisadvantagedAreaDoc {
  /** `<commune or village code>@<from>`: one area's listings never start on the same day. */
  listingId: string;
  level: AreaLevel;
  unitCode: string;
  villageCode: string | null;
  from: string;
  to: string | null;
  legalAct: string;
}

export const disadvantagedAreaSchema = new Schema<DisadvantagedAreaDoc>(
  {
    listingId: { type: String, required: true, maxlength: 40 },
    level: { type: String, required: true, enum: ['COMMUNE', 'VILLAGE'] },
    unitCode: { type: String, required: true, match: /^\d{5}$/ },
    villageCode: { type: String, default: null },
    from: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    to: { type: String, default: null },
    legalAct: { type: String, required: true, maxlength: 200 },
  },
  { collection: 'disadvantaged_areas', versionKey: false },
);
// One listing (an add, a close).
disadvantagedAreaSchema.index({ listingId: 1 }, { unique: true });
// Closing an open listing only: `{ listingId, to: null }` (two closes cannot both land).
disadvantagedAreaSchema.index({ listingId: 1, to: 1 });
// Every listing of the communes of a request (residence histories, `disadvantaged` today, the
// overlap check of a new listing): `unitCode $in`, batched per request.
disadvantagedAreaSchema.index({ unitCode: 1, from: 1 });
// The list in force on a date: listings started on or before it.
disadvantagedAreaSchema.index({ from: 1 });

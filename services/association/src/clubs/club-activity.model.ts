import { Schema } from 'mongoose';
import { ACTIVITY_AREAS, type ActivityArea } from './rules/operation-targets';

/** An activity a club ran, in one of the eight areas (Decision 1336/QĐ-TTg). */
export interface ClubActivityDoc {
  clubId: string;
  reference: string;
  date: string;
  area: ActivityArea;
  title: string;
  participants: number;
}

export const clubActivitySchema = new Schema<ClubActivityDoc>(
  {
    clubId: { type: String, required: true, match: /^CLB-\d{5}-\d{2}$/ },
    reference: { type: String, required: true, maxlength: 60 },
    date: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    area: { type: String, required: true, enum: [...ACTIVITY_AREAS] },
    title: { type: String, required: true, maxlength: 200 },
    participants: { type: Number, required: true, min: 0 },
  },
  { collection: 'club_activities', versionKey: false },
);
clubActivitySchema.index({ clubId: 1, reference: 1 }, { unique: true });
clubActivitySchema.index({ clubId: 1, date: 1 });

import { Schema } from 'mongoose';
import { HOME_VISIT_KINDS, HomeVisitKind } from './visits.rules';

/** A home visit to an elderly person (thăm khám, chăm sóc tại nhà). Notes are health data. */
export interface HomeVisitDoc {
  citizenId: string;
  date: string;
  /** who visited: the health worker, village health worker or volunteer, as written */
  visitor: string;
  kind: HomeVisitKind;
  notes: string;
}

export const homeVisitSchema = new Schema<HomeVisitDoc>(
  {
    citizenId: { type: String, required: true, match: /^\d{12}$/ },
    date: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    visitor: { type: String, required: true, maxlength: 100 },
    kind: { type: String, required: true, enum: HOME_VISIT_KINDS },
    notes: { type: String, default: '', maxlength: 2000 },
  },
  { collection: 'home_visits', versionKey: false, timestamps: true },
);
// A person's visits newest first: the history page (citizenId, then date desc, visitor asc) and
// the per-request batch (`citizenId $in`) read this index.
homeVisitSchema.index({ citizenId: 1, date: -1, visitor: 1 });
// The same visit (person, day, visitor) cannot be recorded twice.
homeVisitSchema.index({ citizenId: 1, date: 1, visitor: 1 }, { unique: true });

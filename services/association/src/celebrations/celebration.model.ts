import { Schema } from 'mongoose';
import type { CelebrationRecord } from './celebrations.rules';

/** A longevity celebration (mừng thọ) of one person in one year: who, where, delivered or not. */
export type CelebrationDoc = CelebrationRecord;

export const celebrationSchema = new Schema<CelebrationDoc>(
  {
    citizenId: { type: String, required: true, match: /^\d{12}$/ },
    year: { type: Number, required: true, min: 2000, max: 2100 },
    communeCode: { type: String, required: true, match: /^\d{5}$/ },
    age: { type: Number, required: true, min: 60, max: 150 },
    status: { type: String, required: true, enum: ['PLANNED', 'DELIVERED', 'NOT_DELIVERED', 'CANCELLED_DECEASED'] },
    deliveredOn: { type: String, default: null },
    reason: { type: String, default: null, maxlength: 300 },
    cancelledOn: { type: String, default: null, match: /^\d{4}-\d{2}-\d{2}$/ },
    cancelledFrom: { type: String, default: null, enum: ['PLANNED', 'NOT_DELIVERED', null] },
  },
  { collection: 'celebrations', versionKey: false },
);
celebrationSchema.index({ citizenId: 1, year: 1 }, { unique: true });
// A year's records by calendar age: the centenarian count per commune (Q15) reads only the 100+.
celebrationSchema.index({ year: 1, age: 1 });

import { Schema } from 'mongoose';
import { RESULT_CLASSES, ResultClass } from './checks.rules';

/** One periodic health check (khám sức khỏe định kỳ). */
export interface HealthCheckDoc {
  citizenId: string;
  date: string;
  facility: string;
  resultClass: ResultClass;
}

export const healthCheckSchema = new Schema<HealthCheckDoc>(
  {
    citizenId: { type: String, required: true, match: /^\d{12}$/ },
    date: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    facility: { type: String, required: true, maxlength: 200 },
    resultClass: { type: String, required: true, enum: RESULT_CLASSES },
  },
  { collection: 'health_checks', versionKey: false, timestamps: true },
);
// A person's checks newest first: the history page (citizenId, then date desc, facility asc) and
// the per-request batch (`citizenId $in`) read this index.
healthCheckSchema.index({ citizenId: 1, date: -1, facility: 1 });
// The same check cannot be recorded twice.
healthCheckSchema.index({ citizenId: 1, date: 1, facility: 1 }, { unique: true });

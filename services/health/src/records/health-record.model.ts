import { Schema } from 'mongoose';

/** Health management record (hồ sơ theo dõi sức khỏe): one per person. */
export interface HealthRecordDoc {
  citizenId: string;
  openedOn: string;
  /** The commune health station that keeps the record. */
  facility: string;
  communeCode: string;
}

export const healthRecordSchema = new Schema<HealthRecordDoc>(
  {
    citizenId: { type: String, required: true, match: /^\d{12}$/ },
    openedOn: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    facility: { type: String, required: true, maxlength: 200 },
    communeCode: { type: String, required: true, match: /^\d{5}$/ },
  },
  { collection: 'health_records', versionKey: false, timestamps: true },
);
healthRecordSchema.index({ citizenId: 1 }, { unique: true });
healthRecordSchema.index({ communeCode: 1, citizenId: 1 });

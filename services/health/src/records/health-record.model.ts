import { Schema } from 'mongoose';

/**
 * Where the record is kept: the commune health station's own record, or the electronic health
 * book (sổ sức khỏe điện tử) on VNeID, which has the same legal value (Decision 1332/QĐ-BYT
 * 2023 on the electronic health book; Law on Medical Examination and Treatment 2023).
 */
export const RECORD_SOURCES = ['COMMUNE_STATION', 'VNEID_HEALTH_BOOK'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

/** Health management record (hồ sơ theo dõi sức khỏe): one per person. */
export interface HealthRecordDoc {
  citizenId: string;
  openedOn: string;
  /** The commune health station that keeps the record. */
  facility: string;
  communeCode: string;
  /** absent on records written before the field existed: read as COMMUNE_STATION */
  source?: RecordSource;
  /**
   * The date the record was closed: the date of death the register gave when the death
   * reached health (`healthApplyDeath`); null while open. The record and its history stay.
   */
  closedOn?: string | null;
  /** Why it was closed: DECEASED (the only reason so far); null while open. */
  closedReason?: RecordClosedReason | null;
}

export const RECORD_CLOSED_REASONS = ['DECEASED'] as const;
export type RecordClosedReason = (typeof RECORD_CLOSED_REASONS)[number];

export const healthRecordSchema = new Schema<HealthRecordDoc>(
  {
    citizenId: { type: String, required: true, match: /^\d{12}$/ },
    openedOn: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    facility: { type: String, required: true, maxlength: 200 },
    communeCode: { type: String, required: true, match: /^\d{5}$/ },
    source: { type: String, enum: RECORD_SOURCES, default: 'COMMUNE_STATION' },
    closedOn: { type: String, default: null, match: /^\d{4}-\d{2}-\d{2}$/ },
    closedReason: { type: String, default: null, enum: [...RECORD_CLOSED_REASONS, null] },
  },
  { collection: 'health_records', versionKey: false, timestamps: true },
);
healthRecordSchema.index({ citizenId: 1 }, { unique: true });
healthRecordSchema.index({ communeCode: 1, citizenId: 1 });

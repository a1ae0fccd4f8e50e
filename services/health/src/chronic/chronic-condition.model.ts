import { Schema } from 'mongoose';

/**
 * A chronic condition of one person (SENSITIVE: PDP Law 91/2025/QH15), by ICD-10 code from the
 * tracked table (chronic.rules.ts). HIV codes are refused before anything is written.
 */
export interface ChronicConditionDoc {
  citizenId: string;
  /** ICD-10 code as recorded, e.g. I10, E11.9 */
  code: string;
  diagnosedOn: string;
  /** whether the commune health station (or another facility) manages it (quản lý điều trị) */
  underManagement: boolean;
  /** the facility that diagnosed or manages it */
  facility: string;
  /**
   * The day its management ended: the date of death, set by `healthApplyDeath` on the
   * conditions still under management (the flag itself is kept as it was, as history); null
   * otherwise.
   */
  managementEndedOn?: string | null;
}

export const chronicConditionSchema = new Schema<ChronicConditionDoc>(
  {
    citizenId: { type: String, required: true, match: /^\d{12}$/ },
    code: { type: String, required: true, match: /^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/ },
    diagnosedOn: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    underManagement: { type: Boolean, required: true },
    facility: { type: String, required: true, maxlength: 200 },
    managementEndedOn: { type: String, default: null, match: /^\d{4}-\d{2}-\d{2}$/ },
  },
  { collection: 'chronic_conditions', versionKey: false, timestamps: true },
);
// One row per person and code: recording it twice is a CONFLICT.
chronicConditionSchema.index({ citizenId: 1, code: 1 }, { unique: true });

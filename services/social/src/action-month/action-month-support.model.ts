import { Schema } from 'mongoose';

export type SupportKind = 'GIFT' | 'CASH' | 'HEALTH_CHECK' | 'HOME_REPAIR' | 'OTHER';
export const SUPPORT_KINDS: readonly SupportKind[] = ['GIFT', 'CASH', 'HEALTH_CHECK', 'HOME_REPAIR', 'OTHER'];

/**
 * Support given to one person during the Action Month for the Elderly (October): who, what,
 * how much, when. `_id` is derived from (citizen, date, kind), so recording the same support
 * twice is refused by the database.
 */
export interface ActionMonthSupportDoc {
  _id: string;
  citizenId: string;
  communeCode: string;
  year: number;
  date: string;
  kind: SupportKind;
  description: string;
  /** VND (0 for support in kind without a value). */
  amount: number;
  /** Who gave it (organisation). */
  provider: string;
}

export const actionMonthSupportSchema = new Schema<ActionMonthSupportDoc>(
  {
    _id: { type: String, required: true },
    citizenId: { type: String, required: true, match: /^\d{12}$/ },
    communeCode: { type: String, required: true, match: /^\d{5}$/ },
    year: { type: Number, required: true },
    date: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    kind: { type: String, required: true, enum: SUPPORT_KINDS },
    description: { type: String, required: true, maxlength: 200 },
    amount: { type: Number, required: true, min: 0 },
    provider: { type: String, required: true, maxlength: 200 },
  },
  { collection: 'action_month_supports', versionKey: false, timestamps: true },
);
actionMonthSupportSchema.index({ citizenId: 1, date: 1, kind: 1 }, { unique: true });
// Q14: a year's supports in a commune ({year, communeCode}, keyset on _id) or the province ({year}, keyset on _id).
actionMonthSupportSchema.index({ year: 1, communeCode: 1, _id: 1 });
actionMonthSupportSchema.index({ year: 1, _id: 1 });

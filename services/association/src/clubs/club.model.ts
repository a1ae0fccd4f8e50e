import { Schema } from 'mongoose';

/** An intergenerational self-help club (CLB liên thế hệ tự giúp nhau), founded by a commune decision. */
export interface ClubDoc {
  clubId: string;
  name: string;
  communeCode: string;
  foundedOn: string;
  decisionNumber: string;
}

export const clubSchema = new Schema<ClubDoc>(
  {
    clubId: { type: String, required: true, match: /^CLB-\d{5}-\d{2}$/ },
    name: { type: String, required: true, maxlength: 200 },
    communeCode: { type: String, required: true, match: /^\d{5}$/ },
    foundedOn: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    decisionNumber: { type: String, required: true, maxlength: 50 },
  },
  { collection: 'clubs', versionKey: false },
);
clubSchema.index({ clubId: 1 }, { unique: true });
clubSchema.index({ decisionNumber: 1 }, { unique: true });
clubSchema.index({ communeCode: 1, clubId: 1 });

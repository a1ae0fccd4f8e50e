import { Schema } from 'mongoose';

/** A branch (chi hội) of a commune association, by village or residential group, with optional groups (tổ hội). */
export interface BranchDoc {
  /** `CH-<commune>-<nnn>` */
  branchId: string;
  communeCode: string;
  name: string;
  village: string;
  groups: string[];
}

export const branchSchema = new Schema<BranchDoc>(
  {
    branchId: { type: String, required: true, match: /^CH-\d{5}-\d{3}$/ },
    communeCode: { type: String, required: true, match: /^\d{5}$/ },
    name: { type: String, required: true, maxlength: 100 },
    village: { type: String, required: true, maxlength: 100 },
    groups: { type: [String], default: [] },
  },
  { collection: 'branches', versionKey: false },
);
branchSchema.index({ branchId: 1 }, { unique: true });
branchSchema.index({ communeCode: 1, name: 1 }, { unique: true });

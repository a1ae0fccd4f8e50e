import { Schema } from 'mongoose';
import type { BenefitKind } from '../cases/benefit-case.model';

export type FuneralSupportStatus = 'PREPARED';
export const FUNERAL_SUPPORT_STATUSES: readonly FuneralSupportStatus[] = ['PREPARED'];

/** How the death that prepared the item reached social. */
export type DeathSource = 'REGISTER_EVENT' | 'PAYMENT_RUN' | 'STOP_CASE';
export const DEATH_SOURCES: readonly DeathSource[] = ['REGISTER_EVENT', 'PAYMENT_RUN', 'STOP_CASE'];

/**
 * Funeral support (hỗ trợ chi phí mai táng, Decree 20/2021 Art. 11) prepared when a
 * beneficiary dies: one per person (`_id` = citizen ID), for the social staff of the commune
 * that paid the person to pay out. The amount is the table's multiple of the base level in
 * force on the date of death (cases/rules/funeral-support.ts).
 */
export interface FuneralSupportItemDoc {
  /** The citizen ID: one item per person, whatever the number of deliveries of the death. */
  _id: string;
  communeCode: string;
  deathDate: string;
  /** The case the person was paid on at death (the highest multiple when there were two). */
  caseId: string;
  kind: BenefitKind;
  /** VND. */
  amount: number;
  baseLevel: number;
  baseMultiple: number;
  legalAct: string;
  status: FuneralSupportStatus;
  preparedOn: string;
  source: DeathSource;
  /** The register's event, when the item came from one. */
  eventId: string | null;
}

export const funeralSupportItemSchema = new Schema<FuneralSupportItemDoc>(
  {
    _id: { type: String, required: true, match: /^\d{12}$/ },
    communeCode: { type: String, required: true, match: /^\d{5}$/ },
    deathDate: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    caseId: { type: String, required: true },
    kind: { type: String, required: true, enum: ['ALLOWANCE', 'SOCIAL_PENSION'] },
    amount: { type: Number, required: true, min: 1 },
    baseLevel: { type: Number, required: true, min: 1 },
    baseMultiple: { type: Number, required: true, min: 1 },
    legalAct: { type: String, required: true },
    status: { type: String, required: true, enum: FUNERAL_SUPPORT_STATUSES },
    preparedOn: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    source: { type: String, required: true, enum: DEATH_SOURCES },
    eventId: { type: String, default: null, maxlength: 128 },
  },
  { collection: 'funeral_support_items', versionKey: false, timestamps: true },
);
// Social staff's lists: a commune's items [by status], or the province's by status; keyset on _id.
funeralSupportItemSchema.index({ communeCode: 1, status: 1, _id: 1 });
funeralSupportItemSchema.index({ status: 1, _id: 1 });

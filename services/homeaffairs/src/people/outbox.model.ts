import { Schema } from 'mongoose';

export type DeliveryState = 'PENDING' | 'DELIVERED';

/** `nextAttemptAt` of a new entry: due at once. */
export const DUE_NOW = new Date(0);

/**
 * One promise of the register to tell one subscriber about one event (docs/consistency.md
 * section 2), written in the transaction of the register write it reports. The delivery worker
 * (outbox.delivery.ts) sends it through the graph until the subscriber answers; it is never
 * dropped.
 */
export interface OutboxEntryDoc {
  /** Deterministic: the same event for the same subscriber always has the same id (outbox.rules.ts). */
  eventId: string;
  type: 'DEATH';
  /** The subgraph told (`social`, `health`, `association`): it is called as `<subscriber>ApplyDeath`. */
  subscriber: string;
  citizenId: string;
  /** The date the event reports (the date of death). */
  eventDate: string;
  state: DeliveryState;
  /** Failed deliveries so far. */
  attempts: number;
  /**
   * When the entry is next due (a new entry: `DUE_NOW`, the epoch, so due at once whatever the
   * clocks). A worker that claims an entry moves this to the end of its lease,
   * so that no other worker sends it meanwhile; a failure moves it to the next try (backoff).
   */
  nextAttemptAt: Date;
  /** The claim of the worker sending it now (only that worker may settle it). */
  claimToken: string | null;
  /** The subscriber's receipt (`APPLIED`, `ALREADY_APPLIED`, `NOT_DECEASED`). */
  outcome: string | null;
  /** Why the last attempt failed (a code, never personal data). */
  lastError: string | null;
  /** The date the register recorded the event (the request's `today`). */
  recordedOn: string;
  deliveredAt: Date | null;
}

export const outboxSchema = new Schema<OutboxEntryDoc>(
  {
    eventId: { type: String, required: true },
    type: { type: String, required: true, enum: ['DEATH'] },
    subscriber: { type: String, required: true },
    citizenId: { type: String, required: true, match: /^\d{12}$/ },
    eventDate: { type: String, required: true },
    state: { type: String, required: true, enum: ['PENDING', 'DELIVERED'] },
    attempts: { type: Number, required: true, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    claimToken: { type: String, default: null },
    outcome: { type: String, default: null },
    lastError: { type: String, default: null },
    recordedOn: { type: String, required: true },
    deliveredAt: { type: Date, default: null },
  },
  { collection: 'register_outbox', versionKey: false },
);
// One entry per event and subscriber (a retried write cannot add a second).
outboxSchema.index({ eventId: 1 }, { unique: true });
// Settling a delivery only while its claim holds: `{ eventId, claimToken }`.
outboxSchema.index({ eventId: 1, claimToken: 1 });
// The worker's claim: the first due entry (`state: PENDING, nextAttemptAt <= now`, oldest due first).
outboxSchema.index({ state: 1, nextAttemptAt: 1 });
// The operators' list: entries of one state in event-id order (keyset pages).
outboxSchema.index({ state: 1, eventId: 1 });

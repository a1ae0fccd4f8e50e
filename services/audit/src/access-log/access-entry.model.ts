import { Connection, Model, Schema } from 'mongoose';

/**
 * The access log. Append-only: this service has no update or delete path, and an entry's
 * `_id` (request id + citizen ID) makes a retried write of the same request a no-op.
 * `key` orders the log in time (`at|requestId|citizenId`) for cursor pages.
 */
export interface AccessEntryDoc {
  _id: string;
  key: string;
  at: string;
  requestId: string;
  subject: string;
  role: string;
  commune: string | null;
  purpose: string;
  citizenId: string;
  fields: string[];
  operationName: string | null;
}

const schema = new Schema<AccessEntryDoc>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    at: { type: String, required: true },
    requestId: { type: String, required: true },
    subject: { type: String, required: true },
    role: { type: String, required: true },
    commune: { type: String, default: null },
    purpose: { type: String, required: true },
    citizenId: { type: String, required: true },
    fields: { type: [String], required: true },
    operationName: { type: String, default: null },
  },
  { collection: 'access_log', versionKey: false, strict: 'throw' },
);
schema.index({ key: 1 }, { unique: true });
schema.index({ citizenId: 1, key: 1 });
schema.index({ subject: 1, key: 1 });

export function accessEntryModel(connection: Connection): Model<AccessEntryDoc> {
  return connection.model<AccessEntryDoc>('AccessEntry', schema);
}

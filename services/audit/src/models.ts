import type { Connection } from 'mongoose';
import { accessEntryModel } from './access-log/access-entry.model';

export function createModels(connection: Connection) {
  return { AccessEntry: accessEntryModel(connection) };
}
export type Models = ReturnType<typeof createModels>;

import type { ClientSession } from 'mongoose';
import type { Models } from './models';

/**
 * Runs `fn` in one multi-document transaction on the social database (mongoose's
 * `connection.transaction`: committed at the end, aborted on any error, retried by the driver
 * on transient conflicts). Every operation inside must pass `{ session }`.
 */
export function inTransaction<T>(models: Models, fn: (session: ClientSession) => Promise<T>): Promise<T> {
  return models.BenefitCase.db.transaction(fn);
}

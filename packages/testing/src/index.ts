import { randomBytes } from 'node:crypto';

/** URI of the real database server the jest global setup started (or MONGODB_URI). */
export function testMongoUri(): string {
  const uri = process.env.NCT_TEST_MONGODB_URI;
  if (!uri) throw new Error('NCT_TEST_MONGODB_URI is not set: run tests through jest with the shared preset');
  return uri;
}

/** A database name no other test uses: tests never share data. */
export function uniqueDbName(prefix: string): string {
  return `t_${prefix}_${randomBytes(5).toString('hex')}`;
}

export { executeOperation, type OperationResult } from './operations';

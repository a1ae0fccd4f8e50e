import type { Connection } from 'mongoose';
import { benefitCaseSchema } from './cases/benefit-case.model';

/** The social database: benefit cases (monthly allowance and social pension, one collection). */
export function createModels(conn: Connection) {
  return {
    BenefitCase: conn.model('BenefitCase', benefitCaseSchema),
  };
}

export type Models = ReturnType<typeof createModels>;

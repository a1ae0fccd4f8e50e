import type { Connection } from 'mongoose';
import { healthCheckSchema } from './checks/health-check.model';
import { insuranceCardSchema } from './insurance/insurance-card.model';
import { healthRecordSchema } from './records/health-record.model';

/** The health database: health records, periodic checks, BHYT cards. */
export function createModels(conn: Connection) {
  return {
    HealthRecord: conn.model('HealthRecord', healthRecordSchema),
    HealthCheck: conn.model('HealthCheck', healthCheckSchema),
    InsuranceCard: conn.model('InsuranceCard', insuranceCardSchema),
  };
}

export type Models = ReturnType<typeof createModels>;

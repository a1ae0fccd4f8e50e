import type { Connection } from 'mongoose';
import { digestModel } from '@nct/subgraph-kit';
import { healthCheckSchema } from './checks/health-check.model';
import { chronicConditionSchema } from './chronic/chronic-condition.model';
import { digestLocatorSchema } from './dashboards/health.digest';
import { insuranceCardSchema } from './insurance/insurance-card.model';
import { healthRecordSchema } from './records/health-record.model';
import { homeVisitSchema } from './visits/home-visit.model';

/** The health database: records, periodic checks, BHYT cards, chronic conditions, home visits, digests. */
export function createModels(conn: Connection) {
  return {
    HealthRecord: conn.model('HealthRecord', healthRecordSchema),
    HealthCheck: conn.model('HealthCheck', healthCheckSchema),
    InsuranceCard: conn.model('InsuranceCard', insuranceCardSchema),
    ChronicCondition: conn.model('ChronicCondition', chronicConditionSchema),
    HomeVisit: conn.model('HomeVisit', homeVisitSchema),
    digests: digestModel(conn),
    DigestLocator: conn.model('HealthDigestLocator', digestLocatorSchema),
  };
}

export type Models = ReturnType<typeof createModels>;

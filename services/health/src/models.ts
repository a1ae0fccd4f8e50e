import type { Connection } from 'mongoose';
import { appliedDeaths } from '@nct/subgraph-kit';
import { healthCheckSchema } from './checks/health-check.model';
import { chronicConditionSchema } from './chronic/chronic-condition.model';
import { createCoverageModels } from './coverage/coverage.tallies';
import { cardHolderSchema, insuranceCardSchema } from './insurance/insurance-card.model';
import { healthRecordSchema } from './records/health-record.model';
import { homeVisitSchema } from './visits/home-visit.model';

/**
 * The health database: records, periodic checks, BHYT cards (and one issue counter per card
 * holder), chronic conditions, home visits, the deaths applied from the register (the kit's
 * `applied_deaths`); and the coverage tallies with the per-person guard
 * that serialises the writes changing them (src/coverage/coverage.tallies.ts). Every read goes
 * through the indexes declared next to each schema.
 */
export function createModels(conn: Connection) {
  return {
    HealthRecord: conn.model('HealthRecord', healthRecordSchema),
    HealthCheck: conn.model('HealthCheck', healthCheckSchema),
    InsuranceCard: conn.model('InsuranceCard', insuranceCardSchema),
    CardHolder: conn.model('InsuranceCardHolder', cardHolderSchema),
    ChronicCondition: conn.model('ChronicCondition', chronicConditionSchema),
    HomeVisit: conn.model('HomeVisit', homeVisitSchema),
    AppliedDeath: appliedDeaths(conn),
    ...createCoverageModels(conn),
  };
}

export type Models = ReturnType<typeof createModels>;

import { trusted } from '@nct/db';
import { groupByKey, loader, RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import type { HealthCheckDoc } from './health-check.model';

export const PROJECTION = { _id: 0, citizenId: 1, date: 1, facility: 1, resultClass: 1 } as const;

/**
 * Each person's periodic checks, most recent first (date desc, facility asc), for one request:
 * one `$in` query per batch on the index (citizenId, date desc). `lastHealthCheck` takes the
 * first, `healthCheckDue` looks at the dates, so a batch asking both reads the collection once.
 * A person has a few checks a year.
 */
export function personChecksLoader(models: Models, ctx: RequestContext) {
  return loader<string, HealthCheckDoc[]>(ctx, 'person-health-checks', async (ids) => {
    const rows = await models.HealthCheck.find({ citizenId: trusted({ $in: [...ids] }) }, PROJECTION)
      .sort({ citizenId: 1, date: -1, facility: 1 })
      .lean<HealthCheckDoc[]>();
    return groupByKey(ids, rows, (r) => r.citizenId);
  });
}

import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { trusted } from '@nct/db';
import { ConflictError, isDuplicateKeyError } from '@nct/errors';
import { Access, citizenIdArg, loader, pageRequest, RequestContext, todayInVietnam, toConnection } from '@nct/subgraph-kit';
import { changePersonDigest, refreshPersonDigest, ROW_CHANGES } from '../dashboards/health.digest';
import type { Models } from '../models';
import { assertStationScope, newestFirstAfter, PersonHistoryArgs } from '../common/history';
import { normaliseText, refuse } from '../common/problems';
import { recordCheckProblems } from './checks.rules';
import { HealthCheck, HealthCheckConnection, RecordHealthCheckInput } from './health-check';
import type { HealthCheckDoc } from './health-check.model';

const PROJECTION = { _id: 0, citizenId: 1, date: 1, facility: 1, resultClass: 1 } as const;

/**
 * Each person's most recent check, for one request: one query per batch. The server sorts by
 * (citizenId, date desc) and we keep the first row per person. An aggregate with
 * `$group`/`$first` would return one row per person, but FerretDB v1 answers
 * "$group accumulator "$first" is not implemented yet" (also `$max`), so this reads the
 * batch's histories, projected to the four fields (a few checks per person per year).
 */
export function lastHealthCheckLoader(models: Models, ctx: RequestContext) {
  return loader<string, HealthCheckDoc | null>(ctx, 'last-health-check', async (ids) => {
    const rows = await models.HealthCheck.find({ citizenId: trusted({ $in: [...ids] }) }, PROJECTION)
      .sort({ citizenId: 1, date: -1, facility: 1 })
      .lean<HealthCheckDoc[]>();
    const latest = new Map<string, HealthCheckDoc>();
    for (const r of rows) if (!latest.has(r.citizenId)) latest.set(r.citizenId, r);
    return ids.map((id) => latest.get(id) ?? null);
  });
}

/** History order is (date desc, facility asc); the cursor key is "<date> <facility>". */
function checkKey(c: HealthCheckDoc): string {
  return `${c.date} ${c.facility}`;
}



@Resolver(() => HealthCheck)
export class HealthCheckResolver {
  constructor(private readonly models: Models) {}

  @Access('HEALTH_CHECKS')
  @Query(() => HealthCheckConnection, { description: 'Lịch sử khám sức khỏe của một người, mới nhất trước. / A person’s check history, most recent first.' })
  async healthChecks(@Args() { citizenId, first, after }: PersonHistoryArgs, @Ctx() ctx: RequestContext): Promise<HealthCheckConnection> {
    const id = citizenIdArg(citizenId);
    await assertStationScope(this.models, ctx, id);
    const page = pageRequest(first, after);
    const filter = page.afterKey === null ? { citizenId: id } : { citizenId: id, ...newestFirstAfter(page.afterKey, 'facility') };
    const rows = await this.models.HealthCheck.find(filter, PROJECTION)
      .sort({ date: -1, facility: 1 })
      .limit(page.limit + 1)
      .lean<HealthCheckDoc[]>();
    return toConnection(HealthCheckConnection, rows, page.limit, checkKey);
  }

  @Access('HEALTH_WRITE')
  @Mutation(() => HealthCheck, {
    description:
      'Ghi nhận một lần khám định kỳ (trùng người/ngày/cơ sở: CONFLICT). / Record a periodic check; the same person, date and facility twice is a CONFLICT.',
  })
  async recordHealthCheck(@Arg('input', () => RecordHealthCheckInput) input: RecordHealthCheckInput): Promise<HealthCheckDoc> {
    const problems = recordCheckProblems(input, todayInVietnam());
    if (problems.length) refuse(problems);
    const doc: HealthCheckDoc = { citizenId: input.citizenId, date: input.date, facility: normaliseText(input.facility), resultClass: input.resultClass };
    try {
      await this.models.HealthCheck.create(doc);
    } catch (err) {
      if (isDuplicateKeyError(err)) {
        await refreshPersonDigest(this.models, doc.citizenId);
        throw new ConflictError(
          { vi: `Lần khám ngày ${doc.date} tại ${doc.facility} đã được ghi nhận`, en: `The check on ${doc.date} at ${doc.facility} is already recorded` },
          { field: 'date' },
        );
      }
      throw err;
    }
    await changePersonDigest(this.models, doc.citizenId, ROW_CHANGES.checkRecorded(doc.date));
    return doc;
  }
}

import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { trusted } from '@nct/db';
import { ConflictError, isDuplicateKeyError } from '@nct/errors';
import { Access, citizenIdArg, groupByKey, loader, pageRequest, RequestContext, toConnection } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { checkChanges, inPersonTransaction, recordCommuneOf } from '../coverage/coverage.tallies';
import { assertStationScope, historyPage, PersonHistoryArgs } from '../common/history';
import { normaliseText, refuse } from '../common/problems';
import { recordCheckProblems } from './checks.rules';
import { HealthCheck, HealthCheckConnection, RecordHealthCheckInput } from './health-check';
import type { HealthCheckDoc } from './health-check.model';

const PROJECTION = { _id: 0, citizenId: 1, date: 1, facility: 1, resultClass: 1 } as const;

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
    const rows = await historyPage<HealthCheckDoc>(this.models.HealthCheck, id, page.afterKey, 'facility', PROJECTION, page.limit + 1);
    return toConnection(HealthCheckConnection, rows, page.limit, checkKey);
  }

  @Access('HEALTH_WRITE')
  @Mutation(() => HealthCheck, {
    description:
      'Ghi nhận một lần khám định kỳ (trùng người/ngày/cơ sở: CONFLICT). / Record a periodic check; the same person, date and facility twice is a CONFLICT.',
  })
  async recordHealthCheck(@Arg('input', () => RecordHealthCheckInput) input: RecordHealthCheckInput, @Ctx() ctx: RequestContext): Promise<HealthCheckDoc> {
    const problems = recordCheckProblems(input, ctx.today);
    if (problems.length) refuse(problems);
    const doc: HealthCheckDoc = { citizenId: input.citizenId, date: input.date, facility: normaliseText(input.facility), resultClass: input.resultClass };
    try {
      // One transaction with the person's guard: the check and, when it is the person's first
      // of its year and a commune keeps their record, +1 to that commune's `people-checked`.
      await inPersonTransaction(this.models, doc.citizenId, async (session) => {
        // the person's check dates (a few a year, on the citizenId-first index), compared here: a
        // date range on that index missed a check dated exactly 1 January on the embedded server
        const dates = await this.models.HealthCheck.find({ citizenId: doc.citizenId }, { _id: 0, date: 1 }, { session }).lean<Array<{ date: string }>>();
        const checkedThatYear = dates.some((d) => d.date.slice(0, 4) === doc.date.slice(0, 4));
        await this.models.HealthCheck.create([doc], { session });
        const record = await recordCommuneOf(this.models, doc.citizenId, session);
        if (record) await this.models.Tallies.add(checkChanges(record.communeCode, doc.date, checkedThatYear), session);
      });
    } catch (err) {
      if (isDuplicateKeyError(err)) {
        throw new ConflictError(
          { vi: `Lần khám ngày ${doc.date} tại ${doc.facility} đã được ghi nhận`, en: `The check on ${doc.date} at ${doc.facility} is already recorded` },
          { field: 'date' },
        );
      }
      throw err;
    }
    return doc;
  }
}

import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ConflictError, isDuplicateKeyError } from '@nct/errors';
import { Access, citizenIdArg, idempotencyKeyArg, idempotent, pageRequest, RequestContext, toConnection } from '@nct/subgraph-kit';
import { refuseWithCodes } from '@nct/rules';
import type { Models } from '../models';
import { checkChanges, inPersonTransaction, recordCommuneOf } from '../coverage/coverage.tallies';
import { assertStationScope, historyPage, PersonHistoryArgs } from '../common/history';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../common/idempotency';
import { normaliseText } from '../common/problems';
import { recordCheckProblems } from './checks.rules';
import { HealthCheck, HealthCheckConnection, RecordHealthCheckInput } from './health-check';
import type { HealthCheckDoc } from './health-check.model';
import { PROJECTION } from './health-check.loaders';

/** History order is (date desc, facility asc); the cursor key is "<date> <facility>". */
function checkKey(c: HealthCheckDoc): string {
  return `${c.date} ${c.facility}`;
}

@Resolver(() => HealthCheck)
export class HealthCheckResolver {
  constructor(private readonly models: Models) {}

  @Access('HEALTH_CHECKS')
  @Query(() => HealthCheckConnection, {
    description: 'Lịch sử khám sức khỏe của một người, mới nhất trước. / A person’s check history, most recent first.',
  })
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
  async recordHealthCheck(
    @Arg('input', () => RecordHealthCheckInput) input: RecordHealthCheckInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<HealthCheckDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    const problems = recordCheckProblems(input, ctx.today);
    if (problems.length) refuseWithCodes(problems);
    const doc: HealthCheckDoc = {
      citizenId: input.citizenId,
      date: input.date,
      facility: normaliseText(input.facility),
      resultClass: input.resultClass,
    };
    try {
      // One transaction with the person's guard: the check and, when it is the person's first
      // of its year and a commune keeps their record, +1 to that commune's `checked:YYYY` count.
      // (With a key, the idempotency record commits in the same transaction.)
      return await idempotent(ctx, this.models.HealthCheck.db, { operation: 'recordHealthCheck', key, input: doc }, () =>
        inPersonTransaction(this.models, doc.citizenId, async () => {
          // the person's check dates (a few a year, on the citizenId-first index), compared here: a
          // date range on that index missed a check dated exactly 1 January on the embedded server
          const dates = await this.models.HealthCheck.find({ citizenId: doc.citizenId }, { _id: 0, date: 1 }).lean<
            Array<{ date: string }>
          >();
          const checkedThatYear = dates.some((d) => d.date.slice(0, 4) === doc.date.slice(0, 4));
          await this.models.HealthCheck.create([doc]);
          const record = await recordCommuneOf(this.models, doc.citizenId);
          if (record) await this.models.Tallies.add(checkChanges(record.communeCode, doc.date, checkedThatYear));
          return doc;
        }),
      );
    } catch (err) {
      if (isDuplicateKeyError(err)) {
        throw new ConflictError(
          {
            vi: `Lần khám ngày ${doc.date} tại ${doc.facility} đã được ghi nhận`,
            en: `The check on ${doc.date} at ${doc.facility} is already recorded`,
          },
          { field: 'date' },
        );
      }
      throw err;
    }
  }
}

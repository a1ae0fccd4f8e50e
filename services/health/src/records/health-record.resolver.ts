import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ConflictError, isDuplicateKeyError } from '@nct/errors';
import { Access, DateScalar, idempotencyKeyArg, idempotent, RequestContext } from '@nct/subgraph-kit';
import { refuseWithCodes } from '@nct/rules';
import type { Models } from '../models';
import { inPersonTransaction, personChanges, personFacts } from '../coverage/coverage.tallies';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../common/idempotency';
import { normaliseText } from '../common/problems';
import { HealthRecord, OpenHealthRecordInput, RecordClosedReasonEnum, RecordSourceEnum } from './health-record';
import type { HealthRecordDoc, RecordClosedReason, RecordSource } from './health-record.model';
import { openRecordProblems } from './records.rules';

@Resolver(() => HealthRecord)
export class HealthRecordResolver {
  constructor(private readonly models: Models) {}

  /** Open unless the death reached health (records written before the fields existed have none). */
  @FieldResolver(() => DateScalar, { nullable: true })
  closedOn(@Root() record: HealthRecordDoc): string | null {
    return record.closedOn ?? null;
  }

  @FieldResolver(() => RecordClosedReasonEnum, { nullable: true })
  closedReason(@Root() record: HealthRecordDoc): RecordClosedReason | null {
    return record.closedReason ?? null;
  }

  /** Records written before `source` existed are the station's own. */
  @FieldResolver(() => RecordSourceEnum)
  source(@Root() record: HealthRecordDoc): RecordSource {
    return record.source ?? 'COMMUNE_STATION';
  }

  @Access('HEALTH_WRITE')
  @Mutation(() => HealthRecord, {
    description:
      'Lập hồ sơ theo dõi sức khỏe (mỗi người một hồ sơ; trùng: CONFLICT). / Open a health record; one per person, a duplicate is a CONFLICT.',
  })
  async openHealthRecord(
    @Arg('input', () => OpenHealthRecordInput) input: OpenHealthRecordInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<HealthRecordDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    const problems = openRecordProblems(input, ctx.today);
    if (problems.length) refuseWithCodes(problems);
    const doc: HealthRecordDoc = {
      citizenId: input.citizenId,
      openedOn: input.openedOn,
      facility: normaliseText(input.facility),
      communeCode: input.communeCode,
      source: input.source ?? 'COMMUNE_STATION',
    };
    try {
      // One transaction: the record, and the coverage tallies of its commune with everything the
      // person already has (checks, cards and conditions recorded before the record existed),
      // and the idempotency record when a key is sent. A duplicate aborts it: the tallies stay
      // as they were.
      return await idempotent(ctx, this.models.HealthRecord.db, { operation: 'openHealthRecord', key, input: doc }, () =>
        inPersonTransaction(this.models, doc.citizenId, async () => {
          await this.models.HealthRecord.create([doc]);
          const facts = await personFacts(this.models, doc.citizenId, doc.openedOn);
          await this.models.Tallies.add(personChanges(doc.communeCode, facts));
          return doc;
        }),
      );
    } catch (err) {
      if (isDuplicateKeyError(err)) {
        throw new ConflictError(
          {
            vi: `Người có số định danh ${input.citizenId} đã có hồ sơ sức khỏe`,
            en: `Citizen ${input.citizenId} already has a health record`,
          },
          { field: 'citizenId' },
        );
      }
      throw err;
    }
  }
}

import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { checkCitizenId, PROBLEM_MESSAGES } from '@nct/citizen-id';
import { ConflictError, isDuplicateKeyError, NotFoundError } from '@nct/errors';
import { Access, DateScalar, idempotencyKeyArg, idempotent, RequestContext } from '@nct/subgraph-kit';
import { refuseWithCodes } from '@nct/rules';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../common/idempotency';
import { normaliseText } from '../common/problems';
import type { Models } from '../models';
import { chronicChanges, inPersonTransaction, recordCommuneOf } from '../coverage/coverage.tallies';
import { ChronicCondition, RecordChronicConditionInput, SetChronicManagementInput, TrackedCondition } from './chronic-condition';
import type { ChronicConditionDoc } from './chronic-condition.model';
import { icd10Problems, isNeverStored, HIV_REFUSAL, recordChronicProblems, TRACKED_CONDITIONS, trackedConditionOf } from './chronic.rules';
import { PROJECTION } from './chronic-condition.loaders';

/** Whether each of the person's conditions is under management, read inside a write's transaction. */
async function managedFlags(models: Models, citizenId: string): Promise<boolean[]> {
  const rows = await models.ChronicCondition.find({ citizenId }, { _id: 0, underManagement: 1 }).lean<
    Array<{ underManagement: boolean }>
  >();
  return rows.map((r) => r.underManagement);
}

@Resolver(() => ChronicCondition)
export class ChronicConditionResolver {
  constructor(private readonly models: Models) {}

  @Access('REFERENCE')
  @Query(() => [TrackedCondition], {
    description:
      'Danh mục bệnh mạn tính theo dõi ở người cao tuổi áp dụng vào ngày (mặc định hôm nay). / The tracked chronic conditions in force on a date (default today).',
  })
  trackedChronicConditions(
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Ngày (mặc định hôm nay). / Date, default today.' }) asOf?: string | null,
  ): TrackedCondition[] {
    const date = asOf ?? ctx.today;
    return TRACKED_CONDITIONS.filter((r) => r.effectiveFrom <= date && (r.effectiveTo === null || date <= r.effectiveTo));
  }

  @Access('HEALTH_WRITE')
  @Mutation(() => ChronicCondition, {
    description:
      'Ghi nhận một bệnh mạn tính (mã ICD-10 trong danh mục; mã HIV B20-B24, Z21, R75 luôn bị từ chối; trùng người/mã: CONFLICT). / Record a chronic condition; HIV codes are always refused; the same person and code twice is a CONFLICT.',
  })
  async recordChronicCondition(
    @Arg('input', () => RecordChronicConditionInput) input: RecordChronicConditionInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<ChronicConditionDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    const problems = recordChronicProblems(input, ctx.today);
    if (problems.length) refuseWithCodes(problems);
    const doc: ChronicConditionDoc = {
      citizenId: input.citizenId,
      code: input.code,
      diagnosedOn: input.diagnosedOn,
      underManagement: input.underManagement,
      facility: normaliseText(input.facility),
    };
    try {
      // One transaction with the person's guard: the condition, and the change it makes to the
      // person's `chronic` state (with any; all managed) in the commune keeping their record.
      // (With a key, the idempotency record commits in the same transaction.)
      return await idempotent(ctx, this.models.ChronicCondition.db, { operation: 'recordChronicCondition', key, input: doc }, () =>
        inPersonTransaction(this.models, doc.citizenId, async () => {
          const before = await managedFlags(this.models, doc.citizenId);
          await this.models.ChronicCondition.create([doc]);
          const record = await recordCommuneOf(this.models, doc.citizenId);
          if (record) await this.models.Tallies.add(chronicChanges(record.communeCode, before, [...before, doc.underManagement]));
          return doc;
        }),
      );
    } catch (err) {
      if (isDuplicateKeyError(err)) {
        throw new ConflictError(
          { vi: `Bệnh ${doc.code} của người này đã được ghi nhận`, en: `Condition ${doc.code} is already recorded for this person` },
          { field: 'code' },
        );
      }
      throw err;
    }
  }

  @Access('HEALTH_WRITE')
  @Mutation(() => ChronicCondition, {
    description:
      'Cập nhật tình trạng quản lý điều trị của một bệnh đã ghi nhận (lặp lại: không đổi; không có: NOT_FOUND). / Set whether a recorded condition is under management; idempotent; NOT_FOUND when not recorded.',
  })
  async setChronicConditionManagement(
    @Arg('input', () => SetChronicManagementInput) input: SetChronicManagementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ChronicConditionDoc> {
    const today = ctx.today;
    if (isNeverStored(input.code, today)) refuseWithCodes([{ field: 'code', problem: 'HIV_NOT_STORED', ...HIV_REFUSAL }]);
    const problems = [
      ...checkCitizenId(input.citizenId).map((p) => ({ field: 'citizenId', problem: p, ...PROBLEM_MESSAGES[p] })),
      // a recorded code was in the table when recorded; only its shape matters here
      ...icd10Problems(input.code, today).filter((p) => p.problem !== 'NOT_TRACKED'),
    ];
    if (problems.length) refuseWithCodes(problems);
    // Read, then update only when it changes (one document, by its unique index (citizenId, code)).
    const before = await this.models.ChronicCondition.findOne(
      { citizenId: input.citizenId, code: input.code },
      PROJECTION,
    ).lean<ChronicConditionDoc>();
    if (!before) {
      throw new NotFoundError(
        { vi: `Chưa ghi nhận bệnh ${input.code} cho người này`, en: `Condition ${input.code} is not recorded for this person` },
        { field: 'code' },
      );
    }
    if (before.underManagement === input.underManagement) return before; // idempotent: nothing to write
    // One transaction with the person's guard: the flag, and the change to the person's
    // `chronic` state, computed from all their conditions before and after.
    await inPersonTransaction(this.models, input.citizenId, async () => {
      const rows = await this.models.ChronicCondition.find({ citizenId: input.citizenId }, { _id: 0, code: 1, underManagement: 1 }).lean<
        Array<{ code: string; underManagement: boolean }>
      >();
      const target = rows.find((r) => r.code === input.code);
      if (!target || target.underManagement === input.underManagement) return; // changed meanwhile: nothing to do
      await this.models.ChronicCondition.updateOne(
        { citizenId: input.citizenId, code: input.code },
        { $set: { underManagement: input.underManagement } },
      );
      const record = await recordCommuneOf(this.models, input.citizenId);
      if (record) {
        const after = rows.map((r) => (r.code === input.code ? input.underManagement : r.underManagement));
        await this.models.Tallies.add(
          chronicChanges(
            record.communeCode,
            rows.map((r) => r.underManagement),
            after,
          ),
        );
      }
    });
    return { ...before, underManagement: input.underManagement };
  }

  @FieldResolver(() => DateScalar, { nullable: true })
  managementEndedOn(@Root() c: ChronicConditionDoc): string | null {
    return c.managementEndedOn ?? null;
  }

  @FieldResolver(() => String)
  condition(@Root() c: ChronicConditionDoc): string {
    return trackedConditionOf(c.code, c.diagnosedOn)?.key ?? 'UNKNOWN';
  }

  @FieldResolver(() => String)
  conditionName(@Root() c: ChronicConditionDoc): string {
    return trackedConditionOf(c.code, c.diagnosedOn)?.nameVi ?? c.code;
  }
}

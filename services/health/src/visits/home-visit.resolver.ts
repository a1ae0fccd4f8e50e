import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ConflictError, isDuplicateKeyError } from '@nct/errors';
import { Access, citizenIdArg, idempotencyKeyArg, idempotent, pageRequest, RequestContext, toConnection } from '@nct/subgraph-kit';
import { refuseWithCodes } from '@nct/rules';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../common/idempotency';
import { normaliseText } from '../common/problems';
import type { Models } from '../models';
import { assertStationScope, historyPage, PersonHistoryArgs } from '../common/history';
import { HomeVisit, HomeVisitConnection, RecordHomeVisitInput } from './home-visit';
import type { HomeVisitDoc } from './home-visit.model';
import { recordVisitProblems } from './visits.rules';

const PROJECTION = { _id: 0, citizenId: 1, date: 1, visitor: 1, kind: 1, notes: 1 } as const;

/** History order is (date desc, visitor asc); the cursor key is "<date> <visitor>". */
function visitKey(v: HomeVisitDoc): string {
  return `${v.date} ${v.visitor}`;
}

@Resolver(() => HomeVisit)
export class HomeVisitResolver {
  constructor(private readonly models: Models) {}

  @Access('HEALTH_RECORD')
  @Query(() => HomeVisitConnection, {
    description:
      'Các lần thăm tại nhà của một người, mới nhất trước (nội dung là dữ liệu sức khỏe). / A person’s home visits, most recent first (contents are health data).',
  })
  async homeVisits(@Args() { citizenId, first, after }: PersonHistoryArgs, @Ctx() ctx: RequestContext): Promise<HomeVisitConnection> {
    const id = citizenIdArg(citizenId);
    await assertStationScope(this.models, ctx, id);
    const page = pageRequest(first, after);
    const rows = await historyPage<HomeVisitDoc>(this.models.HomeVisit, id, page.afterKey, 'visitor', PROJECTION, page.limit + 1);
    return toConnection(HomeVisitConnection, rows, page.limit, visitKey);
  }

  @Access('HEALTH_WRITE')
  @Mutation(() => HomeVisit, {
    description:
      'Ghi nhận một lần thăm tại nhà (trùng người/ngày/người thăm: CONFLICT). / Record a home visit; the same person, date and visitor twice is a CONFLICT.',
  })
  async recordHomeVisit(
    @Arg('input', () => RecordHomeVisitInput) input: RecordHomeVisitInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<HomeVisitDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    const problems = recordVisitProblems(input, ctx.today);
    if (problems.length) refuseWithCodes(problems);
    const doc: HomeVisitDoc = {
      citizenId: input.citizenId,
      date: input.date,
      visitor: normaliseText(input.visitor),
      kind: input.kind,
      notes: normaliseText(input.notes ?? ''),
    };
    try {
      return await idempotent(ctx, this.models.HomeVisit.db, { operation: 'recordHomeVisit', key, input: doc }, async () => {
        await this.models.HomeVisit.create([doc]);
        return doc;
      });
    } catch (err) {
      if (isDuplicateKeyError(err)) {
        throw new ConflictError(
          {
            vi: `Lần thăm ngày ${doc.date} của ${doc.visitor} đã được ghi nhận`,
            en: `The visit on ${doc.date} by ${doc.visitor} is already recorded`,
          },
          { field: 'date' },
        );
      }
      throw err;
    }
  }
}

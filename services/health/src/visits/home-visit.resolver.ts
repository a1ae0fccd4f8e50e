import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { ConflictError, isDuplicateKeyError } from '@nct/errors';
import { Access, citizenIdArg, pageRequest, RequestContext, todayInVietnam, toConnection } from '@nct/subgraph-kit';
import { normaliseText, refuse } from '../common/problems';
import { changePersonDigest, refreshPersonDigest, ROW_CHANGES } from '../dashboards/health.digest';
import type { Models } from '../models';
import { assertStationScope, newestFirstAfter, PersonHistoryArgs } from '../common/history';
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
    description: 'Các lần thăm tại nhà của một người, mới nhất trước (nội dung là dữ liệu sức khỏe). / A person’s home visits, most recent first (contents are health data).',
  })
  async homeVisits(@Args() { citizenId, first, after }: PersonHistoryArgs, @Ctx() ctx: RequestContext): Promise<HomeVisitConnection> {
    const id = citizenIdArg(citizenId);
    await assertStationScope(this.models, ctx, id);
    const page = pageRequest(first, after);
    const filter = page.afterKey === null ? { citizenId: id } : { citizenId: id, ...newestFirstAfter(page.afterKey, 'visitor') };
    const rows = await this.models.HomeVisit.find(filter, PROJECTION).sort({ date: -1, visitor: 1 }).limit(page.limit + 1).lean<HomeVisitDoc[]>();
    return toConnection(HomeVisitConnection, rows, page.limit, visitKey);
  }

  @Access('HEALTH_WRITE')
  @Mutation(() => HomeVisit, {
    description:
      'Ghi nhận một lần thăm tại nhà (trùng người/ngày/người thăm: CONFLICT). / Record a home visit; the same person, date and visitor twice is a CONFLICT.',
  })
  async recordHomeVisit(@Arg('input', () => RecordHomeVisitInput) input: RecordHomeVisitInput): Promise<HomeVisitDoc> {
    const problems = recordVisitProblems(input, todayInVietnam());
    if (problems.length) refuse(problems);
    const doc: HomeVisitDoc = {
      citizenId: input.citizenId,
      date: input.date,
      visitor: normaliseText(input.visitor),
      kind: input.kind,
      notes: normaliseText(input.notes ?? ''),
    };
    try {
      await this.models.HomeVisit.create(doc);
    } catch (err) {
      if (isDuplicateKeyError(err)) {
        await refreshPersonDigest(this.models, doc.citizenId);
        throw new ConflictError(
          { vi: `Lần thăm ngày ${doc.date} của ${doc.visitor} đã được ghi nhận`, en: `The visit on ${doc.date} by ${doc.visitor} is already recorded` },
          { field: 'date' },
        );
      }
      throw err;
    }
    await changePersonDigest(this.models, doc.citizenId, ROW_CHANGES.visitRecorded(doc.date));
    return doc;
  }
}

import 'reflect-metadata';
import { Arg, Args, Ctx, Directive, Int, Mutation, Query, Resolver } from 'type-graphql';
import { trusted } from '@nct/db';
import { AppError, BadUserInputError } from '@nct/errors';
import { Access, pageRequest, RequestContext, toConnection } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { AccessLogArgs, AccessLogConnection, AccessLogEntry, AccessLogEntryInput } from './access-entry';
import type { AccessEntryDoc } from './access-entry.model';
import { entryProblem, filterProblems, MAX_ENTRIES_PER_WRITE, startOfVietnamDay, toDoc } from './access-log.rules';

const DAY_MS = 24 * 60 * 60 * 1000;

@Resolver(() => AccessLogEntry)
export class AccessLogResolver {
  constructor(private readonly models: Models) {}

  @Access('AUDIT_LOG')
  @Query(() => AccessLogConnection, {
    description:
      'Nhật ký truy cập dữ liệu cá nhân, theo thời gian, lọc theo người, người đọc, thời gian (chỉ kiểm toán viên). / The personal-data access log in time order, filtered by person, reader and period (auditors only).',
  })
  async accessLog(@Args() { filter, first, after }: AccessLogArgs): Promise<AccessLogConnection> {
    const page = pageRequest(first, after);
    const f = filter ?? {};
    const problems = filterProblems(f);
    if (problems.length) {
      throw new BadUserInputError(
        { vi: `Bộ lọc không hợp lệ: ${problems.join(', ')}`, en: `Invalid filter: ${problems.join(', ')}` },
        { problems },
      );
    }
    const query: Record<string, unknown> = {};
    if (f.citizenId) query.citizenId = f.citizenId;
    if (f.subject) query.subject = f.subject;
    if (f.role) query.role = f.role;
    if (f.requestId) query.requestId = f.requestId;
    if (f.correlationId) query.correlationId = f.correlationId;
    const range: Record<string, string> = {};
    if (f.from) range.$gte = startOfVietnamDay(f.from);
    if (f.to) range.$lt = new Date(Date.parse(startOfVietnamDay(f.to)) + DAY_MS).toISOString();
    if (page.afterKey) range.$gt = page.afterKey;
    // `key` starts with the instant, so a period is a key range.
    if (Object.keys(range).length) query.key = trusted(range);
    const rows = await this.models.AccessEntry.find(query)
      .sort({ key: 1 })
      .limit(page.limit + 1)
      .lean<AccessEntryDoc[]>();
    return toConnection(AccessLogConnection, rows.map(toEntry), page.limit, (r) => r.key);
  }

  /**
   * Written by the gateway only, before it answers the request whose reads these are.
   * `@inaccessible`: not part of the client API, so no client operation can reach it; and
   * it refuses any call whose internal credential is not the gateway's own.
   */
  @Directive('@inaccessible')
  @Mutation(() => Int, { description: 'Ghi nhật ký (chỉ cổng API). / Append entries (the gateway only).' })
  async recordAccess(
    @Arg('entries', () => [AccessLogEntryInput]) entries: AccessLogEntryInput[],
    @Ctx() ctx: RequestContext,
  ): Promise<number> {
    if (ctx.service !== 'gateway') {
      throw new AppError('FORBIDDEN', { vi: 'Chỉ cổng API được ghi nhật ký truy cập', en: 'Only the gateway writes the access log' });
    }
    if (entries.length === 0 || entries.length > MAX_ENTRIES_PER_WRITE) {
      throw new BadUserInputError(
        { vi: `Mỗi lần ghi từ 1 đến ${MAX_ENTRIES_PER_WRITE} mục`, en: `Between 1 and ${MAX_ENTRIES_PER_WRITE} entries per write` },
        { max: MAX_ENTRIES_PER_WRITE },
      );
    }
    const problems = entries.map((e, i) => [i, entryProblem(e)] as const).filter(([, p]) => p !== null);
    if (problems.length) {
      // All or nothing: nothing is written when any entry is malformed.
      throw new BadUserInputError(
        { vi: `Mục không hợp lệ: ${problems.length}`, en: `Malformed entries: ${problems.length}` },
        { problems: problems.slice(0, 10).map(([index, problem]) => ({ index, problem })) },
      );
    }
    const docs = entries.map(toDoc);
    try {
      await this.models.AccessEntry.insertMany(docs, { ordered: false, lean: true });
    } catch (err) {
      // A retried write of the same request: the entries already there are the same reads.
      const writeErrors = (err as { writeErrors?: Array<{ code?: number; err?: { code?: number } }> }).writeErrors;
      const allDuplicates = Array.isArray(writeErrors) && writeErrors.every((w) => (w.code ?? w.err?.code) === 11000);
      if (!allDuplicates) throw err;
    }
    return docs.length;
  }
}

function toEntry(d: AccessEntryDoc): AccessLogEntry & { key: string } {
  return {
    id: d._id,
    key: d.key,
    at: d.at,
    requestId: d.requestId,
    correlationId: d.correlationId ?? null,
    subject: d.subject,
    role: d.role,
    commune: d.commune,
    purpose: d.purpose,
    citizenId: d.citizenId,
    fields: d.fields,
    operationName: d.operationName,
  };
}

import { createHash } from 'node:crypto';
import { Arg, Args, ArgsType, Ctx, Field, Int, Mutation, Query, Resolver } from 'type-graphql';
import { suppressSmallCells } from '@nct/auth';
import { BadUserInputError, ConflictError, isDuplicateKeyError } from '@nct/errors';
import type { PipelineStage } from 'mongoose';
import { trusted } from '@nct/db';
import {
  Access,
  citizenIdArg,
  idempotencyKeyArg,
  idempotent,
  pageRequest,
  RequestContext,
  scopedCommune,
  textArg,
  toPage,
} from '@nct/subgraph-kit';
import { optionalCommuneArg } from '../commune-arg';
import { onProtectionList } from '../dashboards/coverage.rules';
import { listRowLoader } from '../dashboards/social-rows.loader';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency';
import { dbOf, type Models } from '../models';
import type { SocialDeps } from '../deps';
import type { ActionMonthSupportDoc } from './action-month-support.model';
import {
  ActionMonthReach,
  ActionMonthReachCell,
  ActionMonthSupport,
  ActionMonthSupportConnection,
  RecordActionMonthSupportInput,
} from './action-month';
import { ACTION_MONTH_TABLE } from './rules/action-month';

const actionMonthOf = (year: number) => ACTION_MONTH_TABLE.inMonth(`${year}-01`);
const actionMonthIn = (year: number) => `${year}-${String(actionMonthOf(year).month).padStart(2, '0')}`;

type SupportView = ActionMonthSupportDoc & { onProtectionList: boolean };

/** A year's supports [in a commune] after a support ID: the {year, communeCode, _id} / {year, _id} indexes. */
function supportStages(year: number, commune: string | null, afterId: string | null): PipelineStage[] {
  const indexed: Record<string, unknown> = commune ? { year, communeCode: commune } : { year };
  return [{ $match: afterId === null ? indexed : { ...indexed, _id: trusted({ $gt: afterId }) } }];
}

const SUPPORT_CHUNK = 200;

function yearArg(year: number, today: string): number {
  const max = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < 2015 || year > max) {
    throw new BadUserInputError({ vi: `Năm phải từ 2015 đến ${max}`, en: `year must be from 2015 to ${max}` }, { argument: 'year' });
  }
  return year;
}

@ArgsType()
class SupportsArgs {
  @Field(() => Int, { description: 'Năm. / Year.' })
  year!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Xã/phường (mặc định: toàn tỉnh hoặc xã của người hỏi). / Commune (default: province, or the caller’s commune).',
  })
  communeCode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Chỉ người thuộc (true) / không thuộc (false) danh sách trợ giúp. / Only people on (true) / off (false) the lists.',
  })
  onProtectionList?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Số phần tử mỗi trang (1-100, mặc định 20). / Page size, 1-100, default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Con trỏ. / Cursor.' })
  after?: string | null;
}

function supportNode(s: SupportView) {
  const { _id, citizenId, communeCode, year, date, kind, description, amount, provider, onProtectionList } = s;
  return {
    supportId: _id,
    citizenId,
    communeCode,
    year,
    date,
    kind,
    description,
    amount,
    provider,
    onProtectionList,
    person: { citizenId },
  };
}

@Resolver()
export class ActionMonthResolver {
  private readonly models: Models;
  constructor({ models }: SocialDeps) {
    this.models = models;
  }

  /** Whether each support's person was on a protection list in that year's Action Month (records + cases, one `$in` each per batch). */
  private async withListFlag(ctx: RequestContext, year: number, docs: ActionMonthSupportDoc[]): Promise<SupportView[]> {
    const month = actionMonthIn(year);
    const rows = await listRowLoader(this.models, ctx).loadMany([...new Set(docs.map((d) => d.citizenId))]);
    const on = new Map<string, boolean>();
    for (const r of rows) {
      if (r instanceof Error) throw r;
      if (r) on.set(r.citizenId, onProtectionList(r, month));
    }
    return docs.map((d) => ({ ...d, onProtectionList: on.get(d.citizenId) ?? false }));
  }

  /** The next supports after `afterId`, in support ID order, with their list flag. */
  private async supportChunk(
    ctx: RequestContext,
    year: number,
    commune: string | null,
    afterId: string | null,
    limit: number,
  ): Promise<SupportView[]> {
    const docs = await this.models.ActionMonthSupport.aggregate<ActionMonthSupportDoc>([
      ...supportStages(year, commune, afterId),
      { $sort: { _id: 1 } },
      { $limit: limit },
    ]);
    return this.withListFlag(ctx, year, docs);
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => ActionMonthSupport, {
    description:
      'Ghi một lần hỗ trợ trong Tháng hành động (tháng 10); ghi trùng bị từ chối (gửi lại với cùng idempotencyKey: trả kết quả lần đầu). / Record one Action Month support; a duplicate is refused (a retry with the same idempotencyKey returns the first result).',
  })
  async recordActionMonthSupport(
    @Arg('input', () => RecordActionMonthSupportInput) input: RecordActionMonthSupportInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey?: string | null,
  ): Promise<ActionMonthSupport> {
    const key = idempotencyKeyArg(idempotencyKey);
    const node = await idempotent(ctx, dbOf(this.models), { operation: 'recordActionMonthSupport', key, input }, () =>
      this.recordSupport(input, ctx),
    );
    return Object.assign(new ActionMonthSupport(), node);
  }

  private async recordSupport(input: RecordActionMonthSupportInput, ctx: RequestContext): Promise<ReturnType<typeof supportNode>> {
    const citizenId = citizenIdArg(input.citizenId, 'input.citizenId');
    optionalCommuneArg(input.communeCode);
    const today = ctx.today;
    const year = Number(input.date.slice(0, 4));
    const rule = actionMonthOf(year);
    if (input.date > today || Number(input.date.slice(5, 7)) !== rule.month) {
      throw new BadUserInputError(
        { vi: `Ngày phải trong tháng ${rule.month} và không ở tương lai`, en: `date must be in month ${rule.month} and not in the future` },
        { argument: 'input.date' },
      );
    }
    if (!Number.isInteger(input.amount) || input.amount < 0 || input.amount > rule.maxAmount) {
      throw new BadUserInputError(
        { vi: `Giá trị phải từ 0 đến ${rule.maxAmount} đồng`, en: `amount must be 0 to ${rule.maxAmount} VND` },
        { argument: 'input.amount' },
      );
    }
    const description = textArg(input.description, 'input.description', 200);
    const provider = textArg(input.provider, 'input.provider', 200);
    const _id = `THD-${createHash('sha256').update(`${citizenId}\n${input.date}\n${input.kind}`).digest('hex').slice(0, 16).toUpperCase()}`;
    const doc: ActionMonthSupportDoc = {
      _id,
      citizenId,
      communeCode: input.communeCode,
      year,
      date: input.date,
      kind: input.kind,
      description,
      amount: input.amount,
      provider,
    };
    try {
      await this.models.ActionMonthSupport.create([doc]);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      throw new ConflictError(
        { vi: 'Đã ghi hỗ trợ này (cùng người, ngày, hình thức)', en: 'This support is already recorded (same person, date and kind)' },
        { supportId: _id },
      );
    }
    const [view] = await this.withListFlag(ctx, year, [doc]);
    return supportNode(view);
  }

  @Access('SOCIAL_DATA')
  @Query(() => ActionMonthSupportConnection, { description: 'Danh sách hỗ trợ Tháng hành động. / Action Month supports.' })
  async actionMonthSupports(@Args() args: SupportsArgs, @Ctx() ctx: RequestContext): Promise<ActionMonthSupportConnection> {
    const year = yearArg(args.year, ctx.today);
    const commune = scopedCommune(ctx, optionalCommuneArg(args.communeCode));
    const page = pageRequest(args.first, args.after);
    // Keyset over the index; with an onProtectionList filter, chunks are read until the page is full.
    const out: SupportView[] = [];
    let after = page.afterKey;
    for (;;) {
      const chunk = await this.supportChunk(ctx, year, commune, after, args.onProtectionList == null ? page.limit + 1 : SUPPORT_CHUNK);
      out.push(...chunk.filter((s) => args.onProtectionList == null || s.onProtectionList === args.onProtectionList));
      if (out.length > page.limit || chunk.length < (args.onProtectionList == null ? page.limit + 1 : SUPPORT_CHUNK)) break;
      after = chunk[chunk.length - 1]._id;
    }
    const { items, pageInfo, cursors } = toPage(out.slice(0, page.limit + 1), page.limit, (s) => s._id);
    return Object.assign(new ActionMonthSupportConnection(), {
      edges: items.map((s, i) => ({ cursor: cursors[i], node: supportNode(s) })),
      pageInfo,
    });
  }

  @Access('AGGREGATES')
  @Query(() => ActionMonthReach, {
    description:
      'Câu hỏi 14: hỗ trợ Tháng hành động đến người thuộc danh sách trợ giúp xã hội (trợ cấp, hưu trí xã hội, hộ nghèo/cận nghèo), theo xã; ô 1-4 người bị ẩn. / Q14: Action Month support reaching people on social-protection lists, per commune; cells of 1-4 withheld.',
  })
  async actionMonthReach(
    @Arg('year', () => Int, { description: 'Năm. / Year.' }) yearInput: number,
    @Arg('communeCode', () => String, { nullable: true, description: 'Xã/phường (mặc định toàn tỉnh). / Commune, default the province.' })
    communeCode: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ActionMonthReach> {
    const year = yearArg(yearInput, ctx.today);
    const commune = scopedCommune(ctx, optionalCommuneArg(communeCode));
    const docs = await this.models.ActionMonthSupport.aggregate<ActionMonthSupportDoc>([
      ...supportStages(year, commune, null),
      { $project: { citizenId: 1, communeCode: 1, amount: 1 } },
    ]);
    const supports = (await this.withListFlag(ctx, year, docs)).map((s) => ({ ...s, commune: s.communeCode }));
    const byCommune = new Map<string, typeof supports>();
    for (const s of supports) byCommune.set(s.commune, [...(byCommune.get(s.commune) ?? []), s]);
    const raw = (code: string, list: typeof supports) => {
      const people = new Map<string, boolean>();
      for (const s of list) people.set(s.citizenId, (people.get(s.citizenId) ?? false) || s.onProtectionList);
      const on = [...people.values()].filter(Boolean).length;
      return { code, people: people.size, on, off: people.size - on, amount: list.reduce((a, s) => a + s.amount, 0) };
    };
    const cellOf = (r: ReturnType<typeof raw>, peopleShown: number | null): ActionMonthReachCell => {
      const [on, off] = suppressSmallCells([
        { key: 'on', count: r.on },
        { key: 'off', count: r.off },
      ]);
      return {
        communeCode: r.code,
        peopleSupported: peopleShown,
        onProtectionLists: on.count,
        notOnLists: off.count,
        totalAmount: peopleShown === null ? null : r.amount,
      };
    };
    const raws = [...byCommune].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, list]) => raw(code, list));
    const shown = suppressSmallCells(raws.map((r) => ({ key: r.code, count: r.people })));
    const total = raw('ALL', supports);
    return Object.assign(new ActionMonthReach(), {
      year,
      communes: raws.map((r, i) => cellOf(r, shown[i].count)),
      total: cellOf(total, total.people > 0 && total.people < 5 ? null : total.people),
    });
  }
}

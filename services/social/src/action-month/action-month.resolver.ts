import { createHash } from 'node:crypto';
import { Arg, Args, ArgsType, Ctx, Field, Int, Mutation, Query, Resolver } from 'type-graphql';
import { suppressSmallCells } from '@nct/auth';
import { BadUserInputError, ConflictError, isDuplicateKeyError } from '@nct/errors';
import { Access, citizenIdArg, pageRequest, RequestContext, scopedCommune, textArg, toPage, todayInVietnam } from '@nct/subgraph-kit';
import { actionMonthRowOf, type ActionMonthRow } from '../dashboards/action-month.digest';
import { onProtectionList } from '../dashboards/coverage.rules';
import { provinceDigest } from '../dashboards/social-rows.loader';
import type { Models } from '../models';
import { rowInForce } from '../rules/dated-table';
import type { ActionMonthSupportDoc } from './action-month-support.model';
import { ActionMonthReach, ActionMonthReachCell, ActionMonthSupport, ActionMonthSupportConnection, RecordActionMonthSupportInput } from './action-month';
import { ACTION_MONTH_TABLE } from './rules/action-month';

const actionMonthOf = (year: number) => rowInForce('action month', ACTION_MONTH_TABLE, `${year}-01`);

function yearArg(year: number): number {
  const max = Number(todayInVietnam().slice(0, 4));
  if (!Number.isInteger(year) || year < 2015 || year > max) {
    throw new BadUserInputError({ vi: `Năm phải từ 2015 đến ${max}`, en: `year must be from 2015 to ${max}` }, { argument: 'year' });
  }
  return year;
}

function communeArg(code: string | null | undefined): string | null {
  if (code != null && !/^\d{5}$/.test(code)) throw new BadUserInputError({ vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' }, { argument: 'communeCode' });
  return code ?? null;
}

@ArgsType()
class SupportsArgs {
  @Field(() => Int, { description: 'Năm. / Year.' })
  year!: number;

  @Field(() => String, { nullable: true, description: 'Xã/phường (mặc định: toàn tỉnh hoặc xã của người hỏi). / Commune (default: province, or the caller’s commune).' })
  communeCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Chỉ người thuộc (true) / không thuộc (false) danh sách trợ giúp. / Only people on (true) / off (false) the lists.' })
  onProtectionList?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Số phần tử mỗi trang (1-100, mặc định 20). / Page size, 1-100, default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Con trỏ. / Cursor.' })
  after?: string | null;
}

@Resolver()
export class ActionMonthResolver {
  constructor(private readonly models: Models) {}

  /** The Action Month supports of a year (digest) with whether each person was on a list that month. */
  private async supports(ctx: RequestContext, year: number, communeCode: string | null): Promise<Array<ActionMonthRow & { commune: string; onProtectionList: boolean }>> {
    const month = `${year}-${String(actionMonthOf(year).month).padStart(2, '0')}`;
    const [rows, social] = await Promise.all([
      this.models.actionMonthDigest.readAll(communeCode ? [communeCode] : undefined),
      provinceDigest(this.models, ctx),
    ]);
    return rows
      .filter((r) => r.year === year)
      .map((r) => ({ ...r, onProtectionList: onProtectionList(social.get(r.citizenId)?.row ?? null, month) }));
  }

  @Access('SOCIAL_WRITE')
  @Mutation(() => ActionMonthSupport, { description: 'Ghi một lần hỗ trợ trong Tháng hành động (tháng 10); ghi trùng bị từ chối. / Record one Action Month support; a duplicate is refused.' })
  async recordActionMonthSupport(@Arg('input', () => RecordActionMonthSupportInput) input: RecordActionMonthSupportInput, @Ctx() ctx: RequestContext): Promise<ActionMonthSupport> {
    const citizenId = citizenIdArg(input.citizenId, 'input.citizenId');
    communeArg(input.communeCode);
    const today = todayInVietnam();
    const year = Number(input.date.slice(0, 4));
    const rule = actionMonthOf(year);
    if (input.date > today || Number(input.date.slice(5, 7)) !== rule.month) {
      throw new BadUserInputError({ vi: `Ngày phải trong tháng ${rule.month} và không ở tương lai`, en: `date must be in month ${rule.month} and not in the future` }, { argument: 'input.date' });
    }
    if (!Number.isInteger(input.amount) || input.amount < 0 || input.amount > rule.maxAmount) {
      throw new BadUserInputError({ vi: `Giá trị phải từ 0 đến ${rule.maxAmount} đồng`, en: `amount must be 0 to ${rule.maxAmount} VND` }, { argument: 'input.amount' });
    }
    const description = textArg(input.description, 'input.description', 200);
    const provider = textArg(input.provider, 'input.provider', 200);
    const _id = `THD-${createHash('sha256').update(`${citizenId}\n${input.date}\n${input.kind}`).digest('hex').slice(0, 16).toUpperCase()}`;
    const doc: ActionMonthSupportDoc = { _id, citizenId, communeCode: input.communeCode, year, date: input.date, kind: input.kind, description, amount: input.amount, provider };
    try {
      await this.models.ActionMonthSupport.create(doc);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      throw new ConflictError({ vi: 'Đã ghi hỗ trợ này (cùng người, ngày, hình thức)', en: 'This support is already recorded (same person, date and kind)' }, { supportId: _id });
    }
    await this.models.actionMonthDigest.put(input.communeCode, actionMonthRowOf(doc));
    const social = await provinceDigest(this.models, ctx);
    const month = `${year}-${String(rule.month).padStart(2, '0')}`;
    return Object.assign(new ActionMonthSupport(), { ...actionMonthRowOf(doc), communeCode: doc.communeCode, person: { citizenId }, onProtectionList: onProtectionList(social.get(citizenId)?.row ?? null, month) });
  }

  @Access('SOCIAL_DATA')
  @Query(() => ActionMonthSupportConnection, { description: 'Danh sách hỗ trợ Tháng hành động (từ bản tổng hợp). / Action Month supports, from the digest.' })
  async actionMonthSupports(@Args() args: SupportsArgs, @Ctx() ctx: RequestContext): Promise<ActionMonthSupportConnection> {
    const year = yearArg(args.year);
    const commune = scopedCommune(ctx, communeArg(args.communeCode));
    const page = pageRequest(args.first, args.after);
    let list = (await this.supports(ctx, year, commune)).sort((a, b) => (a.supportId < b.supportId ? -1 : 1));
    if (args.onProtectionList != null) list = list.filter((s) => s.onProtectionList === args.onProtectionList);
    if (page.afterKey) list = list.filter((s) => s.supportId > page.afterKey!);
    const { items, pageInfo, cursors } = toPage(list.slice(0, page.limit + 1), page.limit, (s) => s.supportId);
    return Object.assign(new ActionMonthSupportConnection(), {
      edges: items.map((s, i) => ({ cursor: cursors[i], node: { ...s, communeCode: s.commune, person: { citizenId: s.citizenId } } })),
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
    @Arg('communeCode', () => String, { nullable: true, description: 'Xã/phường (mặc định toàn tỉnh). / Commune, default the province.' }) communeCode: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ActionMonthReach> {
    const year = yearArg(yearInput);
    const commune = scopedCommune(ctx, communeArg(communeCode));
    const supports = await this.supports(ctx, year, commune);
    const byCommune = new Map<string, typeof supports>();
    for (const s of supports) byCommune.set(s.commune, [...(byCommune.get(s.commune) ?? []), s]);
    const raw = (code: string, list: typeof supports) => {
      const people = new Map<string, boolean>();
      for (const s of list) people.set(s.citizenId, (people.get(s.citizenId) ?? false) || s.onProtectionList);
      const on = [...people.values()].filter(Boolean).length;
      return { code, people: people.size, on, off: people.size - on, amount: list.reduce((a, s) => a + s.amount, 0) };
    };
    const cellOf = (r: ReturnType<typeof raw>, peopleShown: number | null): ActionMonthReachCell => {
      const [on, off] = suppressSmallCells([{ key: 'on', count: r.on }, { key: 'off', count: r.off }]);
      return { communeCode: r.code, peopleSupported: peopleShown, onProtectionLists: on.count, notOnLists: off.count, totalAmount: peopleShown === null ? null : r.amount };
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

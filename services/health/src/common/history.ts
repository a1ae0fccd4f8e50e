import { ArgsType, Field, ID, Int } from 'type-graphql';
import { trusted } from '@nct/db';
import { BadUserInputError } from '@nct/errors';
import { assertInScope, RequestContext } from '@nct/subgraph-kit';
import { isIsoDate } from '@nct/dates';
import type { Models } from '../models';

/** Arguments of a person's history (checks, home visits): one person, one page. */
@ArgsType()
export class PersonHistoryArgs {
  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field(() => Int, { nullable: true, description: 'Số phần tử mỗi trang (1-100, mặc định 20). / Page size, 1-100, default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Con trỏ: bắt đầu sau phần tử này. / Start after this cursor.' })
  after?: string | null;
}

/** The position a history page starts after: the key "<date> <field value>" of its last row. */
export function parseHistoryKey(key: string): { date: string; value: string } {
  const date = key.slice(0, 10);
  if (!isIsoDate(date) || key[10] !== ' ') {
    throw new BadUserInputError({ vi: 'Con trỏ phân trang không hợp lệ', en: 'Invalid pagination cursor' }, { argument: 'after' });
  }
  return { date, value: key.slice(11) };
}

/** The part of a mongoose model a history page uses. */
interface RowFinder {
  find(filter: object, projection: object): { sort(sort: Record<string, 1 | -1>): { limit(n: number): { lean<R>(): PromiseLike<R> } } };
}

/**
 * Up to `limit` rows of one person's history ordered (date desc, `field` asc), after `afterKey`
 * (null: from the start). Two queries at most, each an equality on citizenId plus a range on
 * the (citizenId, date desc, field) index: the rest of the key's day, then the earlier days.
 * (One query with `$or` would read the same rows, but the embedded server's planner scans the
 * collection for any `$or`.)
 */
export async function historyPage<T>(
  model: RowFinder,
  citizenId: string,
  afterKey: string | null,
  field: string,
  projection: object,
  limit: number,
): Promise<T[]> {
  const sort = { date: -1, [field]: 1 } as Record<string, 1 | -1>;
  const read = (filter: Record<string, unknown>, n: number): PromiseLike<T[]> =>
    model
      .find({ citizenId, ...filter }, projection)
      .sort(sort)
      .limit(n)
      .lean<T[]>();
  if (afterKey === null) return read({}, limit);
  const { date, value } = parseHistoryKey(afterKey);
  const sameDay = await read({ date, [field]: trusted({ $gt: value }) }, limit);
  if (sameDay.length >= limit) return sameDay;
  return [...sameDay, ...(await read({ date: trusted({ $lt: date }) }, limit - sameDay.length))];
}

/** A commune health station sees the people whose record it keeps. */
export async function assertStationScope(models: Models, ctx: RequestContext, citizenId: string): Promise<void> {
  if (!ctx.identity.commune) return;
  const record = await models.HealthRecord.findOne({ citizenId }, { communeCode: 1 }).lean<{ communeCode: string }>();
  assertInScope(ctx, record?.communeCode);
}

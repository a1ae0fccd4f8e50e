import { ArgsType, Field, ID, Int } from 'type-graphql';
import { trusted } from '@nct/db';
import { BadUserInputError } from '@nct/errors';
import { assertInScope, isIsoDate, RequestContext } from '@nct/subgraph-kit';
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

/**
 * A history ordered (date desc, `field` asc) pages on the key "<date> <field value>": the
 * filter for the rows after `key`.
 */
export function newestFirstAfter(key: string, field: string): Record<string, unknown> {
  const date = key.slice(0, 10);
  if (!isIsoDate(date) || key[10] !== ' ') {
    throw new BadUserInputError({ vi: 'Con trỏ phân trang không hợp lệ', en: 'Invalid pagination cursor' }, { argument: 'after' });
  }
  return { $or: [{ date: trusted({ $lt: date }) }, { date, [field]: trusted({ $gt: key.slice(11) }) }] };
}

/** A commune health station sees the people whose record it keeps. */
export async function assertStationScope(models: Models, ctx: RequestContext, citizenId: string): Promise<void> {
  if (!ctx.identity.commune) return;
  const record = await models.HealthRecord.findOne({ citizenId }, { communeCode: 1 }).lean<{ communeCode: string }>();
  assertInScope(ctx, record?.communeCode);
}

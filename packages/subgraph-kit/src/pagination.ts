import 'reflect-metadata';
import { Field, ObjectType, Directive } from 'type-graphql';
import { BadUserInputError } from '@nct/errors';

/** Hard maximum page size for every list in the graph. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: 'Thông tin phân trang. / Pagination state of a connection.' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'Còn trang sau. / Whether another page follows.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Con trỏ của phần tử cuối trang. / Cursor of the last item.' })
  endCursor!: string | null;
}

export interface PageRequest {
  limit: number;
  /** Sort key after which the page starts, or null for the first page. */
  afterKey: string | null;
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined, max = MAX_PAGE_SIZE): PageRequest {
  const limit = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new BadUserInputError(
      { vi: `Tham số first phải từ 1 đến ${max}`, en: `first must be between 1 and ${max}` },
      { argument: 'first', max },
    );
  }
  return { limit, afterKey: after == null ? null : decodeCursor(after) };
}

const PREFIX = 'k1:';

export function encodeCursor(key: string): string {
  return Buffer.from(PREFIX + key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const bad = () =>
    new BadUserInputError({ vi: 'Con trỏ phân trang không hợp lệ', en: 'Invalid pagination cursor' }, { argument: 'after' });
  if (typeof cursor !== 'string' || cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX) || text.length === PREFIX.length) throw bad();
  return text.slice(PREFIX.length);
}

/**
 * Turns `limit + 1` rows fetched in key order into a page: the extra row only tells
 * whether another page follows.
 */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => string): { items: T[]; pageInfo: PageInfo; cursors: string[] } {
  const items = rows.slice(0, limit);
  const cursors = items.map((r) => encodeCursor(keyOf(r)));
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: rows.length > limit,
    endCursor: cursors.length ? cursors[cursors.length - 1] : null,
  });
  return { items, pageInfo, cursors };
}

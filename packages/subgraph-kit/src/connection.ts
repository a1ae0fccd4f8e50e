import 'reflect-metadata';
import { ClassType, Field, ObjectType } from 'type-graphql';
import { PageInfo, toPage } from './pagination';

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What every connection value carries; `filterQuery` stays server-side (for `totalCount`). */
export interface ConnectionValue<T> {
  edges: Array<Edge<T>>;
  pageInfo: PageInfo;
  filterQuery?: Record<string, unknown>;
}

/**
 * A cursor connection over `itemType`: declares `<name>Edge` and returns an abstract base
 * with `edges` and `pageInfo`. A subgraph declares its connection as
 * `@ObjectType({ description }) class ClubConnection extends ConnectionType(Club, 'Club') {}`
 * and may add fields (a `totalCount` resolver) to it.
 */
export function ConnectionType<T extends object>(itemType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: 'Một phần tử trong trang. / An item of a page.' })
  class EdgeType implements Edge<T> {
    @Field({ description: 'Con trỏ của phần tử. / Cursor of the item.' })
    cursor!: string;

    @Field(() => itemType, { description: 'Phần tử. / The item.' })
    node!: T;
  }

  // type-graphql inherits fields only from a registered object type; this one is never
  // referenced by a field, so it does not appear in the schema itself.
  @ObjectType(`${name}ConnectionFields`)
  abstract class ConnectionBase implements ConnectionValue<T> {
    @Field(() => [EdgeType], { description: 'Các phần tử của trang. / The items of the page.' })
    edges!: Array<Edge<T>>;

    @Field(() => PageInfo, { description: 'Phân trang. / Pagination.' })
    pageInfo!: PageInfo;

    filterQuery?: Record<string, unknown>;
  }
  return ConnectionBase;
}

/**
 * A connection value from `limit + 1` rows fetched in key order (the extra row only says
 * whether another page follows).
 */
export function toConnection<C extends ConnectionValue<unknown>, R>(
  Connection: new () => C,
  rows: R[],
  limit: number,
  keyOf: (row: R) => string,
  filterQuery?: Record<string, unknown>,
): C {
  // Rows are stored documents; the GraphQL item type's field resolvers complete them.
  const { items, pageInfo, cursors } = toPage(rows, limit, keyOf);
  return Object.assign(new Connection(), {
    edges: items.map((node, i) => ({ cursor: cursors[i], node })),
    pageInfo,
    filterQuery,
  });
}

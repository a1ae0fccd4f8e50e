import type { PipelineStage } from 'mongoose';

/**
 * A filter as the first stages of an aggregation: `core` is the part an index serves and
 * `rest` the other conditions, applied to the documents the index found.
 *
 * `core` must have the shape every index of this service is declared for: equality on some
 * fields, then at most one range (or `$in`) on the next field of the same index. SecantusDB
 * plans only that shape and only the first `$match` (a filter with one more field scans the
 * collection); MongoDB merges both stages and plans them together. Either way the query
 * starts from an index, which the plan tests (tests/query-plans.integration.test.ts) check.
 */
export function indexedMatch(core: Record<string, unknown>, rest: Record<string, unknown> = {}): PipelineStage.Match[] {
  const stages: PipelineStage.Match[] = [{ $match: core }];
  if (Object.keys(rest).length > 0) stages.push({ $match: rest });
  return stages;
}

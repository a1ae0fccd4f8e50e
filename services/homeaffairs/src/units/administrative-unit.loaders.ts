import { trusted } from '@nct/db';
import { groupByKey, loader, RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import type { LineageDoc, UnitDoc } from './administrative-unit.model';
import type { LineageFetch } from './units.rules';

/** Every unit of one request by code, one query per batch. */
export function unitLoader(models: Models, ctx: RequestContext) {
  return loader<string, UnitDoc | null>(ctx, 'unit', async (codes) => {
    const docs = await models.Unit.find({ code: trusted({ $in: [...codes] }) }).lean<UnitDoc[]>();
    const map = new Map(docs.map((d) => [d.code, d]));
    return codes.map((c) => map.get(c) ?? null);
  });
}

/** Lineage links from units, batched per request (the `fromCode` index). */
export function lineageFromLoader(models: Models, ctx: RequestContext) {
  return loader<string, LineageDoc[]>(ctx, 'lineage-from', async (codes) =>
    groupByKey(codes, await models.Lineage.find({ fromCode: trusted({ $in: [...codes] }) }).lean<LineageDoc[]>(), (l) => l.fromCode),
  );
}

/** Lineage links into units, batched per request (the `toCode` index). */
export function lineageToLoader(models: Models, ctx: RequestContext) {
  return loader<string, LineageDoc[]>(ctx, 'lineage-to', async (codes) =>
    groupByKey(codes, await models.Lineage.find({ toCode: trusted({ $in: [...codes] }) }).lean<LineageDoc[]>(), (l) => l.toCode),
  );
}

/** The lineage walk reading units and links by code through the request's loaders (indexed `$in`). */
export function indexedLineageFetch(models: Models, ctx: RequestContext): LineageFetch {
  return async (codes) => {
    const [units, links] = await Promise.all([
      unitLoader(models, ctx).loadMany([...codes]),
      lineageFromLoader(models, ctx).loadMany([...codes]),
    ]);
    const ok = <T>(v: T | Error): v is T => !(v instanceof Error);
    return {
      units: units.filter(ok).filter((u): u is UnitDoc => u !== null),
      links: links.filter(ok).flat(),
    };
  };
}

/** Units under parents (the `parentCode` index), in code order, batched per request. */
export function childrenLoader(models: Models, ctx: RequestContext) {
  return loader<string, UnitDoc[]>(ctx, 'unit-children', async (codes) =>
    groupByKey(
      codes,
      await models.Unit.find({ parentCode: trusted({ $in: [...codes] }) })
        .sort({ code: 1 })
        .lean<UnitDoc[]>(),
      (u) => u.parentCode ?? '',
    ),
  );
}

/** The codes of a province's current communes (what its counts add up). */
export function provinceCommuneCodes(models: Models, ctx: RequestContext) {
  return loader<string, string[]>(ctx, 'province-communes', async (codes) => {
    const children = await childrenLoader(models, ctx).loadMany([...codes]);
    return children.map((units) =>
      units instanceof Error ? units : units.filter((u) => u.level === 'COMMUNE' && u.validTo === null).map((u) => u.code),
    );
  });
}

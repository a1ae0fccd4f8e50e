import { trusted } from '@nct/db';
import { loader, type RequestContext } from '@nct/subgraph-kit';
import type { PipelineStage } from 'mongoose';
import type { Models } from '../models';
import { indexedMatch } from '../queries';
import type { PersonDoc, ResidencePeriodDoc } from './person.model';
import { nameKeyRange, type PeopleConditions } from './people.rules';

/** The fields of a register entry that GraphQL resolves (`residenceHistory` null: not recorded yet). */
export type PersonIdentity = Pick<
  PersonDoc,
  'citizenId' | 'fullName' | 'birthDate' | 'sex' | 'ethnicity' | 'communeCode' | 'legacyUnitCode' | 'deathDate'
> & { residenceHistory: ResidencePeriodDoc[] | null };

/** The stored fields a `PersonIdentity` is made of. */
export const PERSON_PROJECTION = {
  _id: 0,
  citizenId: 1,
  fullName: 1,
  birthDate: 1,
  sex: 1,
  deathDate: 1,
  legacyUnitCode: 1,
  ethnicity: 1,
  communeCode: 1,
  residenceHistory: 1,
} as const;

/** A register entry as GraphQL resolves it (absent optional fields read as null). */
export function personFromDoc(
  doc: Omit<PersonIdentity, 'residenceHistory'> & { residenceHistory?: ResidencePeriodDoc[] | null },
): PersonIdentity {
  return {
    citizenId: doc.citizenId,
    fullName: doc.fullName,
    birthDate: doc.birthDate,
    sex: doc.sex,
    ethnicity: doc.ethnicity,
    communeCode: doc.communeCode,
    legacyUnitCode: doc.legacyUnitCode ?? null,
    deathDate: doc.deathDate ?? null,
    residenceHistory: doc.residenceHistory
      ? doc.residenceHistory.map((r) => ({
          communeCode: r.communeCode,
          villageCode: r.villageCode ?? null,
          from: r.from,
          to: r.to ?? null,
        }))
      : null,
  };
}

/**
 * The register entries of one request by citizen ID: every `load` of a tick becomes one
 * `$in` on the unique `citizenId` index (an `_entities` batch of 100 people is one query).
 */
export function personLoader(models: Models, ctx: RequestContext) {
  return loader<string, PersonIdentity | null>(ctx, 'person', async (ids) => {
    const docs = await models.Person.find({ citizenId: trusted({ $in: [...ids] }) }, PERSON_PROJECTION).lean<PersonIdentity[]>();
    const map = new Map(docs.map((d) => [d.citizenId, personFromDoc(d)]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Plain conditions -> the whole MongoDB filter; operators are built here, never taken from input. */
export function toMongoFilter(c: PeopleConditions): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (c.communeCode) filter.communeCode = c.communeCode;
  if (c.sex) filter.sex = c.sex;
  const birth: Record<string, string> = {};
  if (c.bornOnOrBefore) birth.$lte = c.bornOnOrBefore;
  if (c.bornAfter) birth.$gt = c.bornAfter;
  if (Object.keys(birth).length) filter.birthDate = birth;
  if (c.alive === true) filter.deathDate = null;
  if (c.alive === false) filter.deathDate = { $ne: null };
  // one element in the range (a range on an array may otherwise be met by two elements)
  if (c.nameFragment) filter.nameKeys = { $elemMatch: nameRange(c.nameFragment) };
  return filter;
}

function nameRange(fragment: string): { $gte: string; $lt: string } {
  const range = nameKeyRange(fragment);
  return { $gte: range.from, $lt: range.before };
}

/**
 * The part of a people filter an index serves (see person.model.ts): a name prefix, else a
 * commune (in citizen-ID order from the cursor on), else an age range, else the citizen IDs
 * from the cursor on. Everything else of the filter is applied to what it finds.
 */
export function peopleCore(c: PeopleConditions, afterKey: string | null): Record<string, unknown> {
  const filter = toMongoFilter(c);
  const after = afterKey === null ? {} : { citizenId: { $gt: afterKey } };
  if (c.nameFragment) return { ...(c.communeCode ? { communeCode: c.communeCode } : {}), nameKeys: nameRange(c.nameFragment) };
  if (c.communeCode) return { communeCode: c.communeCode, ...after };
  if (filter.birthDate) return { birthDate: filter.birthDate };
  return { citizenId: { $gt: afterKey ?? '' } };
}

/** One page of people in citizen-ID order: the indexed core, the rest of the filter, the cursor. */
export function peoplePagePipeline(c: PeopleConditions, afterKey: string | null, limit: number): PipelineStage[] {
  const rest = { ...toMongoFilter(c), ...(afterKey === null ? {} : { citizenId: { $gt: afterKey } }) };
  return [...indexedMatch(peopleCore(c, afterKey), rest), { $sort: { citizenId: 1 } }, { $limit: limit }, { $project: PERSON_PROJECTION }];
}

/** The number of people matching a filter (the page's `totalCount`). */
export function peopleCountPipeline(c: PeopleConditions): PipelineStage[] {
  return [...indexedMatch(peopleCore(c, null), toMongoFilter(c)), { $count: 'n' }];
}

import { Digest, type DigestSpec } from '@nct/subgraph-kit';
import { foldVietnamese } from '@nct/subgraph-kit';
import type { Models } from '../models';
import type { PersonDoc, Sex } from '../people/person.model';

/**
 * The `register` digest: one document per commune holding one compact row per person of the
 * resident register. Dashboard questions (elderly rosters, commune counts, legacy codes) and
 * large `_entities` batches read it instead of scanning the `people` collection.
 * Kept in step by `registerPerson`, `correctPerson` and `recordDeath` (put / remove right
 * after the write) and rebuilt from `people` after seeding.
 */
export interface RegisterRow {
  citizenId: string;
  fullName: string;
  birthDate: string;
  sex: Sex;
  deathDate: string | null;
  legacyUnitCode: string | null;
  ethnicity: string;
}

export const REGISTER_DIGEST: DigestSpec<RegisterRow> = {
  kind: 'register',
  fields: ['citizenId', 'fullName', 'birthDate', 'sex', 'deathDate', 'legacyUnitCode', 'ethnicity'],
  key: 'citizenId',
};

export function registerDigest(models: Pick<Models, 'digests'>): Digest<RegisterRow> {
  return new Digest<RegisterRow>(models.digests, REGISTER_DIGEST);
}

/** The digest row of a register entry. */
export function registerRow(p: Pick<PersonDoc, keyof RegisterRow>): RegisterRow {
  return {
    citizenId: p.citizenId,
    fullName: p.fullName,
    birthDate: p.birthDate,
    sex: p.sex,
    deathDate: p.deathDate ?? null,
    legacyUnitCode: p.legacyUnitCode ?? null,
    ethnicity: p.ethnicity,
  };
}

/** The fields of a register entry that GraphQL resolves (what both read paths return). */
export type PersonIdentity = RegisterRow & { communeCode: string; nameSearch: string };

/** A person object built from a digest row: no further database read. */
export function personFromRow(row: RegisterRow, communeCode: string): PersonIdentity {
  return { ...registerRow(row), communeCode, nameSearch: foldVietnamese(row.fullName) };
}

/** The same object from a stored document (the projection the collection path reads). */
export function personFromDoc(doc: PersonDoc): PersonIdentity {
  return personFromRow(registerRow(doc), doc.communeCode);
}

/** The stored fields both read paths need. */
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
} as const;

/** Recomputes the whole register digest from `people` (after seeding, or to repair it). */
export async function rebuildRegisterDigest(models: Pick<Models, 'Person' | 'digests'>): Promise<number> {
  const docs = await models.Person.find({}, PERSON_PROJECTION).lean<PersonDoc[]>();
  return registerDigest(models).rebuild(docs.map((d) => ({ commune: d.communeCode, row: registerRow(d) })));
}

import { NotFoundError } from '@nct/errors';
import { refuse, type Problem } from '@nct/rules';
import { assertInScope, type RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import type { UnitDoc } from '../units/administrative-unit.model';
import type { VillageDoc } from '../areas/areas.model';
import type { ResidencePeriodDoc } from './person.model';
import { PERSON_PROJECTION, type PersonIdentity } from './person.queries';
import { impliedHistory, placeValidityProblems } from './residence.rules';

/**
 * What the register's writes share (person.resolver.ts, residence.resolver.ts): the entry a
 * write applies to, its residence history, and the check of a place of residence. Called inside
 * the write's transaction (the reads join it).
 */

/** The register entry a write applies to: it must exist and be in the caller's commune. */
export async function registeredEntry(models: Models, id: string, ctx: RequestContext): Promise<PersonIdentity> {
  const doc = await models.Person.findOne({ citizenId: id }, PERSON_PROJECTION).lean<PersonIdentity>();
  if (!doc) throw new NotFoundError({ vi: `Không có số định danh ${id} trong sổ`, en: `Citizen ID ${id} is not in the register` });
  assertInScope(ctx, doc.communeCode);
  return { ...doc, residenceHistory: doc.residenceHistory ?? null };
}

/** The entry's residence history: as stored, or implied from its commune for an entry written before histories. */
export async function historyOf(models: Models, person: PersonIdentity): Promise<ResidencePeriodDoc[]> {
  if (person.residenceHistory && person.residenceHistory.length > 0) return person.residenceHistory;
  const unit = await models.Unit.findOne({ code: person.communeCode }, { _id: 0, validFrom: 1 }).lean<Pick<UnitDoc, 'validFrom'>>();
  return impliedHistory(person, unit?.validFrom ?? person.birthDate);
}

/**
 * Refuses a place of residence from `date` unless its commune (and village, when given) exists,
 * is in force on that date and today. Returns the commune.
 */
export async function checkPlace(
  models: Models,
  place: { communeCode: string; villageCode: string | null },
  date: string,
  today: string,
): Promise<UnitDoc> {
  const unit = await models.Unit.findOne({ code: place.communeCode }, { _id: 0 }).lean<UnitDoc>();
  const commune = unit && unit.level === 'COMMUNE' ? unit : null;
  const problems: Problem[] = placeValidityProblems(
    commune,
    { field: 'communeCode', code: place.communeCode, kind: 'commune' },
    date,
    today,
  );
  if (problems.length === 0 && place.villageCode !== null) {
    const village = await models.Village.findOne({ villageCode: place.villageCode }, { _id: 0 }).lean<VillageDoc>();
    const own = village && village.communeCode === place.communeCode ? { validFrom: village.from, validTo: village.to ?? null } : null;
    problems.push(...placeValidityProblems(own, { field: 'villageCode', code: place.villageCode, kind: 'village' }, date, today));
  }
  if (problems.length) refuse(problems);
  return commune as UnitDoc;
}

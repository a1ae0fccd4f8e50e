import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { trusted } from '@nct/db';
import { BadUserInputError, ConflictError, isDuplicateKeyError, NotFoundError } from '@nct/errors';
import {
  Access,
  assertInScope,
  citizenIdArg,
  DateScalar,
  digestBatchThreshold,
  scopedCommune,
  foldVietnamese,
  loader,
  pageRequest,
  RequestContext,
  todayInVietnam,
  toConnection,
} from '@nct/subgraph-kit';
import type { Models } from '../models';
import { AdministrativeUnit } from '../units/administrative-unit';
import type { UnitDoc } from '../units/administrative-unit.model';
import { unitLoader } from '../units/administrative-unit.resolver';
import {
  PERSON_PROJECTION,
  personFromDoc,
  personFromRow,
  registerDigest,
  registerRow,
  type PersonIdentity,
} from '../dashboards/register.digest';
import { CorrectPersonInput, Person, PersonConnection, PersonFilter, RegisterPersonInput } from './person';
import type { PersonDoc } from './person.model';
import {
  correctionProblems,
  deathProblems,
  displayedAge,
  peopleConditions,
  PeopleConditions,
  Problem,
  registrationProblems,
} from './people.rules';

/**
 * From this many keys on, a batch reads the register digest (the whole province once per
 * request, ~0.7 s for 100,000 people) instead of `$in` on `people` (a full scan of the
 * collection on FerretDB, ~75 µs per stored document, see docs/performance.md).
 */

/** The whole province's register, from the digest, read at most once per request. */
export function provinceRegister(models: Models, ctx: RequestContext): Promise<Map<string, PersonIdentity>> {
  return loader<string, Map<string, PersonIdentity>>(ctx, 'register-digest-province', async (keys) => {
    const map = new Map<string, PersonIdentity>();
    for (const row of await registerDigest(models).readAll()) map.set(row.citizenId, personFromRow(row, row.commune));
    return keys.map(() => map);
  }).load('province');
}

/** Register entries by citizen ID from the collection (small batches). */
export async function peopleFromCollection(models: Models, ids: readonly string[]): Promise<Map<string, PersonIdentity>> {
  const docs = await models.Person.find({ citizenId: trusted({ $in: [...ids] }) }, PERSON_PROJECTION).lean<PersonDoc[]>();
  return new Map(docs.map((d) => [d.citizenId, personFromDoc(d)]));
}

/**
 * The register entries of one request by citizen ID, one read per batch: `$in` on `people`
 * under DIGEST_BATCH_THRESHOLD keys, the province digest from it on (same objects either way).
 */
export function personLoader(models: Models, ctx: RequestContext) {
  return loader<string, PersonIdentity | null>(ctx, 'person', async (ids) => {
    const map = ids.length >= digestBatchThreshold() ? await provinceRegister(models, ctx) : await peopleFromCollection(models, ids);
    return ids.map((id) => map.get(id) ?? null);
  });
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Plain conditions -> a MongoDB filter; operators are built here, never taken from input. */
export function toMongoFilter(c: PeopleConditions): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (c.communeCode) filter.communeCode = c.communeCode;
  if (c.sex) filter.sex = c.sex;
  const birth: Record<string, string> = {};
  if (c.bornOnOrBefore) birth.$lte = c.bornOnOrBefore;
  if (c.bornAfter) birth.$gt = c.bornAfter;
  if (Object.keys(birth).length) filter.birthDate = trusted(birth);
  if (c.alive === true) filter.deathDate = null;
  if (c.alive === false) filter.deathDate = trusted({ $ne: null });
  if (c.nameFragment) filter.nameSearch = trusted({ $regex: escapeRegex(c.nameFragment) });
  return filter;
}

export function refuse(problems: Problem[]): never {
  throw new BadUserInputError(
    { vi: problems.map((p) => p.vi).join('; '), en: problems.map((p) => p.en).join('; ') },
    { problems: problems.map((p) => ({ field: p.field, messageVi: p.vi, messageEn: p.en })) },
  );
}

@ArgsType()
class PeopleArgs {
  @Field(() => PersonFilter, { nullable: true })
  filter?: PersonFilter | null;

  @Field(() => Int, { nullable: true, description: 'Số phần tử mỗi trang (1-100, mặc định 20). / Page size, 1-100, default 20.' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@Resolver(() => Person)
export class PersonResolver {
  constructor(private readonly models: Models) {}

  @Access('IDENTITY')
  @Query(() => Person, { nullable: true, description: 'Một người theo số định danh (null nếu không có). / One person by citizen ID, null when unknown.' })
  async person(@Arg('citizenId', () => ID) citizenId: string, @Ctx() ctx: RequestContext): Promise<PersonIdentity | null> {
    const person = await personLoader(this.models, ctx).load(citizenIdArg(citizenId));
    if (person) assertInScope(ctx, person.communeCode);
    return person;
  }

  @Access('IDENTITY')
  @Query(() => PersonConnection, {
    description:
      'Danh sách người cao tuổi, theo số định danh (cán bộ xã: chỉ xã mình). / People, ordered by citizen ID (a commune officer sees their commune only).',
  })
  async people(@Args() { filter, first, after }: PeopleArgs, @Ctx() ctx: RequestContext): Promise<PersonConnection> {
    const page = pageRequest(first, after);
    const communeCode = scopedCommune(ctx, filter?.communeCode);
    const { conditions, problems } = peopleConditions({ ...(filter ?? {}), communeCode }, todayInVietnam());
    if (problems.length) refuse(problems);
    const filterQuery = toMongoFilter(conditions);
    const query = page.afterKey ? { ...filterQuery, citizenId: trusted({ $gt: page.afterKey }) } : filterQuery;
    const rows = await this.models.Person.find(query).sort({ citizenId: 1 }).limit(page.limit + 1).lean<PersonDoc[]>();
    return toConnection(PersonConnection, rows, page.limit, (r) => r.citizenId, filterQuery);
  }

  @Access('REGISTER_WRITE')
  @Mutation(() => Person, { description: 'Đăng ký một người vào sổ. / Register a person in the register.' })
  async registerPerson(@Arg('input', () => RegisterPersonInput) input: RegisterPersonInput): Promise<PersonIdentity> {
    const today = todayInVietnam();
    const problems = registrationProblems(input, today);
    if (problems.length) refuse(problems);
    await this.assertCurrentCommune(input.communeCode);
    const fullName = input.fullName.normalize('NFC').trim();
    try {
      const doc = await this.models.Person.create({
        citizenId: input.citizenId,
        fullName,
        nameSearch: foldVietnamese(fullName),
        birthDate: input.birthDate,
        sex: input.sex,
        ethnicity: input.ethnicity.normalize('NFC').trim(),
        communeCode: input.communeCode,
        legacyUnitCode: null,
        deathDate: null,
      });
      const person = personFromDoc(doc.toObject());
      await registerDigest(this.models).put(person.communeCode, registerRow(person));
      return person;
    } catch (err) {
      if (isDuplicateKeyError(err)) {
        throw new ConflictError(
          { vi: `Số định danh ${input.citizenId} đã có trong sổ`, en: `Citizen ID ${input.citizenId} is already registered` },
          { field: 'citizenId' },
        );
      }
      throw err;
    }
  }

  @Access('REGISTER_WRITE')
  @Mutation(() => Person, {
    description:
      'Sửa họ tên, ngày sinh, giới tính, dân tộc, nơi cư trú; số định danh được kiểm tra lại. / Correct name, birth date, sex, ethnicity or residence; the citizen ID is checked again.',
  })
  async correctPerson(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('input', () => CorrectPersonInput) input: CorrectPersonInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonIdentity> {
    const id = citizenIdArg(citizenId);
    const current = await this.registered(id, ctx);
    const { merged, problems } = correctionProblems(current, input, todayInVietnam());
    if (problems.length) refuse(problems);
    if (merged.communeCode !== current.communeCode) await this.assertCurrentCommune(merged.communeCode);
    const fullName = merged.fullName.normalize('NFC').trim();
    const moved = merged.communeCode !== current.communeCode;
    const update = {
      fullName,
      nameSearch: foldVietnamese(fullName),
      birthDate: merged.birthDate,
      sex: merged.sex,
      ethnicity: merged.ethnicity.normalize('NFC').trim(),
      communeCode: merged.communeCode,
      // a record filed again under today's commune is no longer on a pre-2025 code
      legacyUnitCode: moved || input.clearLegacyUnitCode === true ? null : current.legacyUnitCode,
    };
    await this.models.Person.updateOne({ citizenId: id }, { $set: update });
    const person = personFromDoc({ ...current, ...update });
    const digest = registerDigest(this.models);
    await digest.put(person.communeCode, registerRow(person));
    if (moved) await digest.remove(current.communeCode, id);
    return person;
  }

  @Access('REGISTER_WRITE')
  @Mutation(() => Person, {
    description:
      'Ghi nhận ngày mất (một lần; không trước ngày sinh, không ở tương lai). / Record a death: once, not before birth, not in the future.',
  })
  async recordDeath(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('deathDate', () => DateScalar) deathDate: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonIdentity> {
    const id = citizenIdArg(citizenId);
    const current = await this.registered(id, ctx);
    const alreadyDead = () =>
      new ConflictError(
        { vi: `Đã ghi nhận ngày mất ${current.deathDate ?? ''} cho ${id}`.trim(), en: `A death is already recorded for ${id}` },
        { field: 'deathDate' },
      );
    if (current.deathDate) throw alreadyDead();
    const problems = deathProblems(current, deathDate, todayInVietnam());
    if (problems.length) refuse(problems);
    // conditional: two concurrent calls cannot both record a death
    const result = await this.models.Person.updateOne({ citizenId: id, deathDate: null }, { $set: { deathDate } });
    if (result.modifiedCount !== 1) throw alreadyDead();
    const person = personFromDoc({ ...current, deathDate });
    await registerDigest(this.models).put(person.communeCode, registerRow(person));
    return person;
  }

  /** The register entry a write applies to: it must exist and be in the caller's commune. */
  private async registered(id: string, ctx: RequestContext): Promise<PersonDoc> {
    const current = await this.models.Person.findOne({ citizenId: id }, PERSON_PROJECTION).lean<PersonDoc>();
    if (!current) throw new NotFoundError({ vi: `Không có số định danh ${id} trong sổ`, en: `Citizen ID ${id} is not in the register` });
    assertInScope(ctx, current.communeCode);
    return current;
  }

  private async assertCurrentCommune(code: string): Promise<void> {
    const commune = await this.models.Unit.findOne({ code, level: 'COMMUNE', validTo: null }).lean();
    if (!commune) refuse([{ field: 'communeCode', vi: `Không có xã/phường hiện hành mã ${code}`, en: `No current commune with code ${code}` }]);
  }

  @FieldResolver(() => Int)
  age(@Root() person: PersonIdentity): number {
    return displayedAge(person.birthDate, person.deathDate, todayInVietnam());
  }

  @FieldResolver(() => AdministrativeUnit)
  async residence(@Root() person: PersonIdentity, @Ctx() ctx: RequestContext): Promise<UnitDoc> {
    const unit = await unitLoader(this.models, ctx).load(person.communeCode);
    if (!unit) throw new Error(`register entry ${person.citizenId} points at unknown commune ${person.communeCode}`);
    return unit;
  }
}

@Resolver(() => PersonConnection)
export class PersonConnectionResolver {
  constructor(private readonly models: Models) {}

  @Access('IDENTITY')
  @FieldResolver(() => Int, { description: 'Tổng số người khớp bộ lọc. / Number of people matching the filter.' })
  async totalCount(@Root() connection: PersonConnection): Promise<number> {
    return this.models.Person.countDocuments(connection.filterQuery ?? {});
  }
}

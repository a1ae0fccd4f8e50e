import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { trusted } from '@nct/db';
import { BadUserInputError, ConflictError, isDuplicateKeyError } from '@nct/errors';
import {
  Access,
  assertInScope,
  citizenIdArg,
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
import { Person, PersonConnection, PersonFilter, RegisterPersonInput } from './person';
import type { PersonDoc } from './person.model';
import { displayedAge, peopleConditions, PeopleConditions, Problem, registrationProblems } from './people.rules';

/** The register entries of one request by citizen ID: one query per batch. */
export function personLoader(models: Models, ctx: RequestContext) {
  return loader<string, PersonDoc | null>(ctx, 'person', async (ids) => {
    const docs = await models.Person.find({ citizenId: trusted({ $in: [...ids] }) }).lean<PersonDoc[]>();
    const map = new Map(docs.map((d) => [d.citizenId, d]));
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

function refuse(problems: Problem[]): never {
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
  async person(@Arg('citizenId', () => ID) citizenId: string, @Ctx() ctx: RequestContext): Promise<PersonDoc | null> {
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
  async registerPerson(@Arg('input', () => RegisterPersonInput) input: RegisterPersonInput): Promise<PersonDoc> {
    const today = todayInVietnam();
    const problems = registrationProblems(input, today);
    if (problems.length) refuse(problems);
    const commune = await this.models.Unit.findOne({ code: input.communeCode, level: 'COMMUNE', validTo: null }).lean();
    if (!commune) {
      refuse([{ field: 'communeCode', vi: `Không có xã/phường hiện hành mã ${input.communeCode}`, en: `No current commune with code ${input.communeCode}` }]);
    }
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
      return doc.toObject();
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

  @FieldResolver(() => Int)
  age(@Root() person: PersonDoc): number {
    return displayedAge(person.birthDate, person.deathDate, todayInVietnam());
  }

  @FieldResolver(() => AdministrativeUnit)
  async residence(@Root() person: PersonDoc, @Ctx() ctx: RequestContext): Promise<UnitDoc> {
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

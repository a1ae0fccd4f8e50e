import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConflictError, isDuplicateKeyError, NotFoundError } from '@nct/errors';
import {
  Access,
  assertInScope,
  citizenIdArg,
  DateScalar,
  scopedCommune,
  pageRequest,
  RequestContext,
  toConnection,
} from '@nct/subgraph-kit';
import type { ClientSession } from 'mongoose';
import { refuse } from '@nct/rules';
import { applyRegisterChanges } from '../dashboards/register.tallies';
import type { Models } from '../models';
import { AdministrativeUnit } from '../units/administrative-unit';
import type { UnitDoc } from '../units/administrative-unit.model';
import { unitLoader } from '../units/administrative-unit.loaders';
import { CorrectPersonInput, Person, PersonConnection, PersonFilter, RegisterPersonInput } from './person';
import {
  PERSON_PROJECTION,
  peopleCountPipeline,
  peoplePagePipeline,
  personFromDoc,
  personLoader,
  type PersonIdentity,
} from './person.queries';
import {
  correctionProblems,
  deathProblems,
  displayedAge,
  nameSearchFields,
  peopleConditions,
  PeopleConditions,
  registrationProblems,
} from './people.rules';

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
  @Query(() => Person, {
    nullable: true,
    description: 'Một người theo số định danh (null nếu không có). / One person by citizen ID, null when unknown.',
  })
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
    const { conditions, problems } = peopleConditions({ ...(filter ?? {}), communeCode }, ctx.today);
    if (problems.length) refuse(problems);
    const rows = await this.models.Person.aggregate<PersonIdentity>(peoplePagePipeline(conditions, page.afterKey, page.limit + 1));
    return toConnection(PersonConnection, rows.map(personFromDoc), page.limit, (r) => r.citizenId, { conditions });
  }

  @Access('REGISTER_WRITE')
  @Mutation(() => Person, { description: 'Đăng ký một người vào sổ. / Register a person in the register.' })
  async registerPerson(
    @Arg('input', () => RegisterPersonInput) input: RegisterPersonInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonIdentity> {
    const problems = registrationProblems(input, ctx.today);
    if (problems.length) refuse(problems);
    await this.assertCurrentCommune(input.communeCode);
    const fullName = input.fullName.normalize('NFC').trim();
    const entry = {
      citizenId: input.citizenId,
      fullName,
      ...nameSearchFields(fullName),
      birthDate: input.birthDate,
      sex: input.sex,
      ethnicity: input.ethnicity.normalize('NFC').trim(),
      communeCode: input.communeCode,
      legacyUnitCode: null,
      deathDate: null,
    };
    try {
      // the entry and its tally change commit together (a duplicate aborts both)
      return await this.models.Person.db.transaction(async (session) => {
        const [doc] = await this.models.Person.create([entry], { session });
        await applyRegisterChanges(this.models, null, entry, session);
        return personFromDoc(doc.toObject());
      });
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
    // read, checked, written and tallied in one transaction: a concurrent write of the same
    // entry conflicts and this one is retried from the read (so the tally change is from the
    // state actually replaced)
    return this.models.Person.db.transaction(async (session) => {
      const current = await this.registered(id, ctx, session);
      const { merged, problems } = correctionProblems(current, input, ctx.today);
      if (problems.length) refuse(problems);
      if (merged.communeCode !== current.communeCode) await this.assertCurrentCommune(merged.communeCode, session);
      const fullName = merged.fullName.normalize('NFC').trim();
      const moved = merged.communeCode !== current.communeCode;
      const update = {
        fullName,
        ...nameSearchFields(fullName),
        birthDate: merged.birthDate,
        sex: merged.sex,
        ethnicity: merged.ethnicity.normalize('NFC').trim(),
        communeCode: merged.communeCode,
        // a record filed again under today's commune is no longer on a pre-2025 code
        legacyUnitCode: moved || input.clearLegacyUnitCode === true ? null : current.legacyUnitCode,
      };
      await this.models.Person.updateOne({ citizenId: id }, { $set: update }, { session });
      await applyRegisterChanges(this.models, current, { ...current, ...update }, session);
      return personFromDoc({ ...current, ...update });
    });
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
    // the death and the tally change commit together; the entry is read inside the transaction
    return this.models.Person.db.transaction(async (session) => {
      const current = await this.registered(id, ctx, session);
      const alreadyDead = () =>
        new ConflictError(
          { vi: `Đã ghi nhận ngày mất ${current.deathDate ?? ''} cho ${id}`.trim(), en: `A death is already recorded for ${id}` },
          { field: 'deathDate' },
        );
      if (current.deathDate) throw alreadyDead();
      const problems = deathProblems(current, deathDate, ctx.today);
      if (problems.length) refuse(problems);
      // conditional: two concurrent calls cannot both record a death
      const result = await this.models.Person.updateOne({ citizenId: id, deathDate: null }, { $set: { deathDate } }, { session });
      if (result.modifiedCount !== 1) throw alreadyDead();
      await applyRegisterChanges(this.models, current, { ...current, deathDate }, session);
      return personFromDoc({ ...current, deathDate });
    });
  }

  /** The register entry a write applies to: it must exist and be in the caller's commune. */
  private async registered(id: string, ctx: RequestContext, session: ClientSession): Promise<PersonIdentity> {
    const current = await this.models.Person.findOne({ citizenId: id }, PERSON_PROJECTION, { session }).lean<PersonIdentity>();
    if (!current) throw new NotFoundError({ vi: `Không có số định danh ${id} trong sổ`, en: `Citizen ID ${id} is not in the register` });
    assertInScope(ctx, current.communeCode);
    return current;
  }

  private async assertCurrentCommune(code: string, session?: ClientSession): Promise<void> {
    const unit = await this.models.Unit.findOne({ code }, null, { session }).lean<UnitDoc>();
    if (!unit || unit.level !== 'COMMUNE' || unit.validTo !== null)
      refuse([{ field: 'communeCode', vi: `Không có xã/phường hiện hành mã ${code}`, en: `No current commune with code ${code}` }]);
  }

  @FieldResolver(() => Int)
  age(@Root() person: PersonIdentity, @Ctx() ctx: RequestContext): number {
    return displayedAge(person.birthDate, person.deathDate, ctx.today);
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
    const conditions = (connection.filterQuery as { conditions: PeopleConditions }).conditions;
    const [row] = await this.models.Person.aggregate<{ n: number }>(peopleCountPipeline(conditions));
    return row?.n ?? 0;
  }
}

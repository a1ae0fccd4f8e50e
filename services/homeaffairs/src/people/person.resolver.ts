import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError, ConflictError, isDuplicateKeyError } from '@nct/errors';
import {
  Access,
  assertInScope,
  citizenIdArg,
  DateScalar,
  idempotencyKeyArg,
  idempotent,
  inTransaction,
  scopedCommune,
  pageRequest,
  RequestContext,
  toConnection,
} from '@nct/subgraph-kit';
import { isIsoDate } from '@nct/dates';
import { refuse, type Problem } from '@nct/rules';
import { applyRegisterChanges } from '../dashboards/register.tallies';
import type { Models } from '../models';
import { AdministrativeUnit } from '../units/administrative-unit';
import type { UnitDoc } from '../units/administrative-unit.model';
import { unitLoader } from '../units/administrative-unit.loaders';
import { CorrectPersonInput, Person, PersonConnection, PersonFilter, RegisterPersonInput, ResidencePeriod } from './person';
import type { ResidencePeriodDoc } from './person.model';
import { peopleCountPipeline, peoplePagePipeline, personFromDoc, personLoader, type PersonIdentity } from './person.queries';
import {
  correctionProblems,
  deathProblems,
  displayedAge,
  nameSearchFields,
  peopleConditions,
  PeopleConditions,
  registrationProblems,
} from './people.rules';
import { currentPeriod, historyBirthProblems, impliedHistory, initialPeriod, placeProblems } from './residence.rules';
import { checkPlace, historyOf, registeredEntry } from './person.writes';
import { deathEntries } from './outbox.rules';

/** At most this many people in one `registerPeople` call (a payroll batch). */
export const MAX_REGISTER_BATCH = 500;

const IDEMPOTENCY_KEY = {
  nullable: true,
  description:
    'Khóa chống trùng (8-128 ký tự): gửi lại cùng khóa trả về kết quả lần đầu. / Idempotency key (8-128 characters): a repeat returns the first result.',
} as const;

/** The stored fields a correction may change (compared to skip a write that changes nothing). */
const SAME_FIELDS = ['fullName', 'birthDate', 'sex', 'ethnicity', 'communeCode', 'legacyUnitCode'] as const;

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
  @Query(() => [Person], {
    nullable: 'items',
    description: `Nhiều người theo số định danh (tối đa ${MAX_REGISTER_BATCH}), cùng thứ tự; null nếu không có. / People by citizen ID (at most ${MAX_REGISTER_BATCH}), in the order asked; null for an unknown ID.`,
  })
  async registerPeople(
    @Arg('citizenIds', () => [ID]) citizenIds: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<Array<PersonIdentity | null>> {
    if (citizenIds.length > MAX_REGISTER_BATCH)
      throw new BadUserInputError(
        {
          vi: `Tối đa ${MAX_REGISTER_BATCH} số định danh mỗi lần (đã gửi ${citizenIds.length})`,
          en: `At most ${MAX_REGISTER_BATCH} citizen IDs per call (got ${citizenIds.length})`,
        },
        { argument: 'citizenIds', max: MAX_REGISTER_BATCH },
      );
    const ids = citizenIds.map((id) => citizenIdArg(id, 'citizenIds'));
    // one `$in` for the whole list (the request's person loader)
    const people = await personLoader(this.models, ctx).loadMany(ids);
    return people.map((p) => {
      if (p instanceof Error) throw p;
      if (p) assertInScope(ctx, p.communeCode);
      return p;
    });
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
  @Mutation(() => Person, {
    description:
      'Đăng ký một người vào sổ, với nơi cư trú ban đầu. / Register a person in the register, with their first residence period.',
  })
  async registerPerson(
    @Arg('input', () => RegisterPersonInput) input: RegisterPersonInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey?: string | null,
  ): Promise<PersonIdentity> {
    const key = idempotencyKeyArg(idempotencyKey);
    const villageCode = input.villageCode ?? null;
    const residentSince = input.residentSince ?? null;
    const problems: Problem[] = [...registrationProblems(input, ctx.today), ...placeProblems(input.communeCode, villageCode)];
    if (residentSince !== null && !(isIsoDate(residentSince) && residentSince >= input.birthDate && residentSince <= ctx.today))
      problems.push({
        field: 'residentSince',
        vi: 'Ngày bắt đầu cư trú phải là ngày thật, không trước ngày sinh, không ở tương lai',
        en: 'residentSince must be a real date, not before birth, not in the future',
      });
    if (problems.length) refuse(problems);
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
    const db = this.models.Person.db;
    const request = { ...entry, villageCode, residentSince };
    return idempotent(ctx, db, { operation: 'registerPerson', key, input: request }, async () => {
      try {
        // the entry and its tally change commit together (a duplicate aborts both)
        return await inTransaction(db, async () => {
          const unit = await this.assertCurrentCommune(input.communeCode);
          const period = initialPeriod({ ...input, villageCode, residentSince }, unit.validFrom);
          if (residentSince !== null || villageCode !== null) await checkPlace(this.models, period, period.from, ctx.today);
          const [doc] = await this.models.Person.create([{ ...entry, residenceHistory: [period] }]);
          await applyRegisterChanges(this.models, null, entry);
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
    });
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
    return inTransaction(this.models.Person.db, async () => {
      const current = await registeredEntry(this.models, id, ctx);
      const { merged, problems } = correctionProblems(current, input, ctx.today);
      if (current.residenceHistory) problems.push(...historyBirthProblems(merged.birthDate, current.residenceHistory));
      if (problems.length) refuse(problems);
      const fullName = merged.fullName.normalize('NFC').trim();
      const moved = merged.communeCode !== current.communeCode;
      const update: Partial<PersonIdentity> & Record<string, unknown> = {
        fullName,
        ...nameSearchFields(fullName),
        birthDate: merged.birthDate,
        sex: merged.sex,
        ethnicity: merged.ethnicity.normalize('NFC').trim(),
        communeCode: merged.communeCode,
        // a record filed again under today's commune is no longer on a pre-2025 code
        legacyUnitCode: moved || input.clearLegacyUnitCode === true ? null : current.legacyUnitCode,
      };
      if (moved) {
        // a corrected residence: the current period was in this commune (not a move, which
        // starts a new period: recordResidenceChange), from when the commune exists
        const unit = await this.assertCurrentCommune(merged.communeCode);
        const history = await historyOf(this.models, current);
        const open = currentPeriod(history) as ResidencePeriodDoc;
        const from = open.from > unit.validFrom ? open.from : unit.validFrom;
        update.residenceHistory = [...history.slice(0, -1), { communeCode: merged.communeCode, villageCode: null, from, to: null }];
      }
      const after = { ...current, ...update } as PersonIdentity;
      // the same correction again changes nothing (idempotent by design): no write
      if (!moved && SAME_FIELDS.every((f) => after[f] === current[f])) return personFromDoc(current);
      await this.models.Person.updateOne({ citizenId: id }, { $set: update });
      await applyRegisterChanges(this.models, current, after);
      return personFromDoc(after);
    });
  }

  @Access('REGISTER_WRITE')
  @Mutation(() => Person, {
    description:
      'Ghi nhận ngày mất (không trước ngày sinh, không ở tương lai) và báo cho các cơ quan (social, health, association) qua hàng đợi sự kiện; ghi lại cùng ngày không thay đổi gì, ngày khác bị từ chối. / Record a death (not before birth, not in the future) and tell social, health and association through the outbox; the same date again changes nothing, another date is refused.',
  })
  async recordDeath(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('deathDate', () => DateScalar) deathDate: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonIdentity> {
    const id = citizenIdArg(citizenId);
    // the death, its tally change and the outbox entries for the other agencies commit together;
    // the entry is read inside the transaction
    return inTransaction(this.models.Person.db, async () => {
      const current = await registeredEntry(this.models, id, ctx);
      // recorded already on this date (a retry): nothing to do, no new event
      if (current.deathDate === deathDate) return personFromDoc(current);
      const alreadyDead = () =>
        new ConflictError(
          {
            vi: `Đã ghi nhận ngày mất ${current.deathDate ?? ''} cho ${id}; không sửa được ngày mất bằng thao tác này`.trim(),
            en: `A death is already recorded for ${id} (${current.deathDate ?? ''}); it cannot be changed this way`,
          },
          { field: 'deathDate' },
        );
      if (current.deathDate) throw alreadyDead();
      const problems = deathProblems(current, deathDate, ctx.today);
      if (problems.length) refuse(problems);
      // conditional: two concurrent calls cannot both record a death
      const result = await this.models.Person.updateOne({ citizenId: id, deathDate: null }, { $set: { deathDate } });
      if (result.modifiedCount !== 1) throw alreadyDead();
      await applyRegisterChanges(this.models, current, { ...current, deathDate });
      // one promise per subscriber, delivered by the outbox worker (outbox.delivery.ts)
      await this.models.Outbox.insertMany(deathEntries(id, deathDate, ctx.today));
      return personFromDoc({ ...current, deathDate });
    });
  }

  /** A current commune (in force, not abolished), or a refusal naming `communeCode`. */
  private async assertCurrentCommune(code: string): Promise<UnitDoc> {
    const unit = await this.models.Unit.findOne({ code }, { _id: 0 }).lean<UnitDoc>();
    if (!unit || unit.level !== 'COMMUNE' || unit.validTo !== null)
      refuse([{ field: 'communeCode', vi: `Không có xã/phường hiện hành mã ${code}`, en: `No current commune with code ${code}` }]);
    return unit;
  }

  @FieldResolver(() => Int)
  age(@Root() person: PersonIdentity, @Ctx() ctx: RequestContext): number {
    return displayedAge(person.birthDate, person.deathDate, ctx.today);
  }

  @FieldResolver(() => [ResidencePeriod], { nullable: true })
  async residenceHistory(@Root() person: PersonIdentity, @Ctx() ctx: RequestContext): Promise<ResidencePeriodDoc[]> {
    if (person.residenceHistory && person.residenceHistory.length > 0) return person.residenceHistory;
    // an entry written before histories: one period in its commune (batched unit read)
    const unit = await unitLoader(this.models, ctx).load(person.communeCode);
    return impliedHistory(person, unit?.validFrom ?? person.birthDate);
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

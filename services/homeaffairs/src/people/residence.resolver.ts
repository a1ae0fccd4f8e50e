import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Access, citizenIdArg, DateScalar, idempotencyKeyArg, idempotent, inTransaction, RequestContext } from '@nct/subgraph-kit';
import { refuse } from '@nct/rules';
import { applyRegisterChanges } from '../dashboards/register.tallies';
import type { Models } from '../models';
import { AdministrativeUnit } from '../units/administrative-unit';
import type { UnitDoc } from '../units/administrative-unit.model';
import { unitLoader } from '../units/administrative-unit.loaders';
import { DisadvantagedSpell } from '../areas/areas';
import { listingsLoader } from '../areas/areas.loaders';
import { spellsOf, type Spell } from '../areas/areas.rules';
import { Person, ResidencePeriod } from './person';
import type { ResidencePeriodDoc } from './person.model';
import { personFromDoc, type PersonIdentity } from './person.queries';
import { checkPlace, historyOf, registeredEntry } from './person.writes';
import { applyMove, isCurrentResidence, moveDateProblems, moveProblems, type Move } from './residence.rules';

@Resolver(() => Person)
export class ResidenceChangeResolver {
  constructor(private readonly models: Models) {}

  @Access('REGISTER_WRITE')
  @Mutation(() => Person, {
    description:
      'Ghi nhận chuyển nơi cư trú từ ngày `from`: giai đoạn hiện tại kết thúc ngày hôm trước; xã (và thôn) phải có hiệu lực vào ngày đó và hôm nay; gửi lại cùng nội dung không thay đổi gì. / Record a move from `from`: the current period ends the day before; the commune (and village) must be in force on that day and today; sending it again changes nothing.',
  })
  async recordResidenceChange(
    @Arg('citizenId', () => ID) citizenId: string,
    @Arg('communeCode', () => String, { description: 'Xã/phường nơi đến (5 chữ số). / Commune moved to.' }) communeCode: string,
    @Arg('villageCode', () => String, { nullable: true, description: 'Thôn nơi đến (<mã xã>-NNN). / Village moved to.' })
    villageCode: string | null | undefined,
    @Arg('from', () => DateScalar, { description: 'Ngày bắt đầu cư trú ở nơi mới. / First day at the new residence.' }) from: string,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description:
        'Khóa chống trùng (8-128 ký tự): gửi lại cùng khóa trả về kết quả lần đầu. / Idempotency key (8-128 characters): a repeat returns the first result.',
    })
    idempotencyKey?: string | null,
  ): Promise<PersonIdentity> {
    const id = citizenIdArg(citizenId);
    const key = idempotencyKeyArg(idempotencyKey);
    const move: Move = { communeCode, villageCode: villageCode ?? null, from };
    const db = this.models.Person.db;
    return idempotent(ctx, db, { operation: 'recordResidenceChange', key, input: { citizenId: id, ...move } }, () =>
      // the history, the current commune and the tallies of both communes change together
      inTransaction(db, async () => {
        const current = await registeredEntry(this.models, id, ctx);
        const history = await historyOf(this.models, current);
        if (isCurrentResidence(history, move)) {
          // already living there (a repeat of this move): nothing changes
          const problems = moveDateProblems(current, move.from, ctx.today);
          if (problems.length) refuse(problems);
          return personFromDoc(current);
        }
        const problems = moveProblems(current, history, move, ctx.today);
        if (problems.length) refuse(problems);
        await checkPlace(this.models, move, move.from, ctx.today);
        const moved = move.communeCode !== current.communeCode;
        const update = {
          residenceHistory: applyMove(history, move),
          communeCode: move.communeCode,
          // a record filed under a new commune is no longer on its pre-2025 code
          legacyUnitCode: moved ? null : current.legacyUnitCode,
        };
        await this.models.Person.updateOne({ citizenId: id }, { $set: update });
        const after = { ...current, ...update };
        await applyRegisterChanges(this.models, current, after);
        return personFromDoc(after);
      }),
    );
  }
}

@Resolver(() => ResidencePeriod)
export class ResidencePeriodResolver {
  constructor(private readonly models: Models) {}

  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  commune(@Root() period: ResidencePeriodDoc, @Ctx() ctx: RequestContext): Promise<UnitDoc | null> {
    return unitLoader(this.models, ctx).load(period.communeCode);
  }

  @FieldResolver(() => [DisadvantagedSpell])
  async disadvantaged(@Root() period: ResidencePeriodDoc, @Ctx() ctx: RequestContext): Promise<Spell[]> {
    // every period of every person of the request: one read of the listings of their communes
    return spellsOf(period, await listingsLoader(this.models, ctx).load(period.communeCode));
  }
}

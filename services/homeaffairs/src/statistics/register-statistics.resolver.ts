import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { suppressSmallCells, SMALL_CELL_THRESHOLD } from '@nct/auth';
import { BadUserInputError } from '@nct/errors';
import { Access, RequestContext, scopedCommune } from '@nct/subgraph-kit';
import { latestBirthDateForAge } from '@nct/dates';
import type { Models } from '../models';
import { ELDERLY_AGE } from '../people/people.rules';
import { indexedMatch } from '../queries';
import type { Sex } from '../people/person.model';
import { isCommuneCode } from '../units/units.rules';
import { RegisterStatistics } from './register-statistics';
import { AGE_BANDS, ageBand, AgeBand } from './statistics.rules';

const SEXES: Sex[] = ['FEMALE', 'MALE'];

@Resolver(() => RegisterStatistics)
export class RegisterStatisticsResolver {
  constructor(private readonly models: Models) {}

  @Access('AGGREGATES')
  @Query(() => RegisterStatistics, {
    description: 'Thống kê sổ đăng ký (không có dữ liệu cá nhân; ô nhỏ bị ẩn). / Register figures: no personal rows, small cells withheld.',
  })
  async registerStatistics(
    @Arg('communeCode', () => String, { nullable: true }) communeCode: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<RegisterStatistics> {
    if (communeCode != null && !isCommuneCode(communeCode)) {
      throw new BadUserInputError(
        { vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' },
        { argument: 'communeCode' },
      );
    }
    const commune = scopedCommune(ctx, communeCode);
    const today = ctx.today;
    // a commune: its living people (the {communeCode, deathDate} index); the register: everyone aged 60+
    const match = commune
      ? indexedMatch({ communeCode: commune, deathDate: null })
      : indexedMatch({ birthDate: { $lte: latestBirthDateForAge(ELDERLY_AGE, today) } }, { deathDate: null });
    const rows = await this.models.Person.aggregate<{ birthDate: string; sex: Sex }>([
      ...match,
      { $project: { _id: 0, birthDate: 1, sex: 1 } },
    ]);
    const counts = new Map<string, number>();
    for (const r of rows) {
      const band = ageBand(r.birthDate, today);
      if (band) counts.set(`${r.sex}|${band}`, (counts.get(`${r.sex}|${band}`) ?? 0) + 1);
    }
    const cells = SEXES.flatMap((sex) =>
      AGE_BANDS.map((band) => ({ key: { sex, ageBand: band as AgeBand }, count: counts.get(`${sex}|${band}`) ?? 0 })),
    );
    const total = cells.reduce((n, c) => n + c.count, 0);
    return Object.assign(new RegisterStatistics(), {
      communeCode: commune,
      asOf: today,
      total: total > 0 && total < SMALL_CELL_THRESHOLD ? null : total,
      cells: suppressSmallCells(cells).map((c) => ({ ...c.key, count: c.count, suppressed: c.suppressed })),
    });
  }
}

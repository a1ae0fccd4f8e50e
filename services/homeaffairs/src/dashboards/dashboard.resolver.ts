import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { SMALL_CELL_THRESHOLD, suppressSmallCells } from '@nct/auth';
import { BadUserInputError } from '@nct/errors';
import { Access, assertInScope, dateArg, DateScalar, RequestContext, scopedCommune } from '@nct/subgraph-kit';
import { refuse } from '@nct/rules';
import type { Models } from '../models';
import { Person } from '../people/person';
import type { PersonIdentity } from '../people/person.queries';
import { AdministrativeUnit } from '../units/administrative-unit';
import type { UnitDoc } from '../units/administrative-unit.model';
import { indexedLineageFetch, provinceCommuneCodes, unitLoader } from '../units/administrative-unit.loaders';
import { codeLevel, isCommuneCode, resolveLineage } from '../units/units.rules';
import { communeFigures, disclosedCount, needsSuppression, readRoster, recordsByLegacyCode, recordsOnCode } from './register.queries';
import { LegacyUnitRecords, RosterFilter } from './roster';
import { BirthYearCount, birthYearCounts } from './birth-year-count';
import { TALLY, tallyHistograms } from './register.tallies';
import { isSmallCount, MAX_ROSTER_ROWS, rosterCriteria } from './roster.rules';

@Resolver()
export class DashboardResolver {
  constructor(private readonly models: Models) {}

  @Access('IDENTITY')
  @Query(() => [Person], {
    description:
      "Danh sách người cao tuổi của một xã theo bộ lọc; các cơ quan khác bổ sung trường của mình. Tối đa 10.000 người. / A commune roster read through the register's indexes; other subgraphs add their fields. At most 10,000 people.",
  })
  async elderlyRoster(
    @Arg('communeCode', () => String) communeCode: string,
    @Arg('filter', () => RosterFilter, { nullable: true }) filter: RosterFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonIdentity[]> {
    if (!isCommuneCode(communeCode)) {
      throw new BadUserInputError(
        { vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' },
        { argument: 'communeCode' },
      );
    }
    const commune = scopedCommune(ctx, communeCode) ?? communeCode;
    const { criteria, problems } = rosterCriteria(filter, ctx.today);
    if (problems.length) refuse(problems);
    const rows = await readRoster(this.models, commune, criteria);
    if (rows.length > MAX_ROSTER_ROWS) {
      throw new BadUserInputError(
        {
          vi: `Danh sách vượt quá ${MAX_ROSTER_ROWS} người; hãy lọc hẹp hơn`,
          en: `The roster exceeds ${MAX_ROSTER_ROWS} people; narrow the filter`,
        },
        { argument: 'filter', max: MAX_ROSTER_ROWS },
      );
    }
    return rows;
  }

  @Access('AGGREGATES')
  @Query(() => [LegacyUnitRecords], {
    description:
      'Câu hỏi 12: theo từng mã đơn vị cũ, số hồ sơ còn mang mã đó và đơn vị hiện nay tương ứng (ô nhỏ bị ẩn với người không xem được hồ sơ). / Q12: per old code, the records still on it and the unit(s) it resolves to today.',
  })
  async legacyUnitRecords(@Arg('provinceCode', () => ID) provinceCode: string, @Ctx() ctx: RequestContext): Promise<LegacyUnitRecords[]> {
    if (codeLevel(provinceCode) !== 'PROVINCE') {
      throw new BadUserInputError({ vi: 'Mã tỉnh phải gồm 2 chữ số', en: 'provinceCode must be 2 digits' }, { argument: 'provinceCode' });
    }
    const limit = scopedCommune(ctx, null);
    const communes = await provinceCommuneCodes(this.models, ctx).load(provinceCode);
    const counted = limit ? communes.filter((c) => c === limit) : communes;
    const counts = counted.length ? await recordsByLegacyCode(this.models, ctx, counted) : new Map<string, number>();
    const cells = [...counts.keys()].sort().map((code) => ({ key: code, count: counts.get(code)! }));
    const disclosed = needsSuppression(ctx) ? suppressSmallCells(cells) : cells.map((c) => ({ ...c, suppressed: false }));
    const units = unitLoader(this.models, ctx);
    const fetch = indexedLineageFetch(this.models, ctx);
    return Promise.all(
      disclosed.map(async (c) => {
        const resolved = await resolveLineage(c.key, ctx.today, fetch);
        const current = await Promise.all(resolved.codes.map((code) => units.load(code)));
        return Object.assign(new LegacyUnitRecords(), {
          legacyCode: c.key,
          legacyUnit: await units.load(c.key),
          recordCount: c.count,
          suppressed: c.suppressed,
          currentUnits: current.filter((u): u is UnitDoc => u !== null),
        });
      }),
    );
  }
}

const COUNT_NOTE = {
  vi: 'Số từ 1 đến 4 người bị ẩn để không lộ danh tính (Luật BVDLCN 91/2025)',
  en: 'Counts of 1-4 people are withheld to protect identity (PDP Law 91/2025)',
};

type Figure = 'elderly' | 'centenarians' | 'legacyRecords';

/**
 * The register's denominators on `AdministrativeUnit`, read from the register tallies
 * (register.tallies.ts): one read per tally for all the units of a request, plus the few
 * deaths recorded after a past `asOf` through the `{deathDate}` index. Other subgraphs
 * `@requires(fields: "elderlyCountToday")` (no arguments allowed there).
 */
@Resolver(() => AdministrativeUnit)
export class UnitCountsResolver {
  constructor(private readonly models: Models) {}

  /** The communes a unit's counts are taken over: a commune itself, a province's communes; null otherwise. */
  private async communes(unit: UnitDoc, ctx: RequestContext): Promise<string[] | null> {
    assertInScope(ctx, unit.code);
    if (unit.level === 'COMMUNE') return [unit.code];
    if (unit.level === 'PROVINCE') return provinceCommuneCodes(this.models, ctx).load(unit.code);
    return null; // abolished districts: nobody lives in them today
  }

  private async figure(unit: UnitDoc, ctx: RequestContext, figure: Figure, asOf: string): Promise<number | null> {
    const codes = await this.communes(unit, ctx);
    if (codes === null) return null;
    const counts = await communeFigures(this.models, ctx, figure, asOf, codes);
    return counts.reduce((sum, n) => sum + n, 0);
  }

  private async count(unit: UnitDoc, ctx: RequestContext, figure: Figure, asOf: string): Promise<number | null> {
    const n = await this.figure(unit, ctx, figure, asOf);
    return n === null ? null : disclosedCount(ctx, n);
  }

  @Access('AGGREGATES')
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Số người từ đủ 60 tuổi còn sống cư trú tại đơn vị vào ngày asOf (mặc định hôm nay); null khi bị ẩn (1-4). / Living people aged 60+ resident on asOf; null when withheld.',
  })
  elderlyCount(
    @Root() unit: UnitDoc,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string | null,
  ): Promise<number | null> {
    return this.count(unit, ctx, 'elderly', dateArg(asOf, 'asOf', ctx.today));
  }

  @Access('AGGREGATES')
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Như elderlyCount, tính đến hôm nay (dùng cho @requires). / elderlyCount as of today (what other subgraphs require).',
  })
  elderlyCountToday(@Root() unit: UnitDoc, @Ctx() ctx: RequestContext): Promise<number | null> {
    return this.count(unit, ctx, 'elderly', ctx.today);
  }

  @Access('AGGREGATES')
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Số người từ đủ 100 tuổi còn sống vào ngày asOf; null khi bị ẩn. / Living centenarians on asOf; null when withheld.',
  })
  centenarianCount(
    @Root() unit: UnitDoc,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string | null,
  ): Promise<number | null> {
    return this.count(unit, ctx, 'centenarians', dateArg(asOf, 'asOf', ctx.today));
  }

  @Access('AGGREGATES')
  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Như centenarianCount, tính đến hôm nay (dùng cho @requires). / centenarianCount as of today.',
  })
  centenarianCountToday(@Root() unit: UnitDoc, @Ctx() ctx: RequestContext): Promise<number | null> {
    return this.count(unit, ctx, 'centenarians', ctx.today);
  }

  @Access('AGGREGATES')
  @Directive('@inaccessible')
  @FieldResolver(() => [BirthYearCount], {
    nullable: true,
    description:
      "Số người còn sống hôm nay của xã theo năm sinh (tally living-births; không có trong API của máy khách: chỉ chuyển cho trường @requires của cơ quan khác, ở đây số liệu mừng thọ Q8 của Hội NCT); null nếu không phải xã. / A commune's living residents today per birth year (the living-births tally): not in the client API, only handed to another agency's @requires field (the association's Q8 celebration figures); null for other units.",
  })
  async livingBirthYearsToday(@Root() unit: UnitDoc, @Ctx() ctx: RequestContext): Promise<BirthYearCount[] | null> {
    assertInScope(ctx, unit.code);
    if (unit.level !== 'COMMUNE') return null;
    return birthYearCounts(await tallyHistograms(this.models, ctx, TALLY.livingBirths).load(unit.code));
  }

  @Access('AGGREGATES')
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Câu hỏi 12: số hồ sơ còn mang mã đơn vị cũ (xã hiện nay: hồ sơ cư dân; đơn vị cũ: hồ sơ mang mã của nó); null khi bị ẩn. / Q12: records still on a pre-2025 code (a current unit: its residents; an old unit: records on its code).',
  })
  async legacyRecordCount(@Root() unit: UnitDoc, @Ctx() ctx: RequestContext): Promise<number | null> {
    if (unit.validTo !== null) {
      // a limited caller counts their own commune's records only
      return disclosedCount(ctx, await recordsOnCode(this.models, unit.code, ctx.identity.commune ?? null));
    }
    return this.count(unit, ctx, 'legacyRecords', ctx.today);
  }

  @Access('AGGREGATES')
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Ghi chú khi có số bị ẩn (ô 1-4 người), null nếu không. / A note when a count of this unit is withheld, else null.',
  })
  async disclosureNote(
    @Root() unit: UnitDoc,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string | null,
  ): Promise<string | null> {
    if (!needsSuppression(ctx)) return null;
    const dates = [...new Set([dateArg(asOf, 'asOf', ctx.today), ctx.today])];
    const figures = await Promise.all(
      dates.flatMap((d) => (['elderly', 'centenarians', 'legacyRecords'] as const).map((f) => this.figure(unit, ctx, f, d))),
    );
    if (figures.every((n) => n === null)) return null;
    const withheld = figures.some((n) => n !== null && isSmallCount(n, SMALL_CELL_THRESHOLD));
    return withheld ? `${COUNT_NOTE.vi} / ${COUNT_NOTE.en}` : null;
  }
}

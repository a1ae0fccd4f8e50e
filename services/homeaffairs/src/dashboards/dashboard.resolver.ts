import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { suppressSmallCells } from '@nct/auth';
import { BadUserInputError } from '@nct/errors';
import { Access, assertInScope, DateScalar, isIsoDate, RequestContext, scopedCommune, todayInVietnam } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { Person } from '../people/person';
import { provinceRegister, refuse } from '../people/person.resolver';
import { AdministrativeUnit } from '../units/administrative-unit';
import type { LineageDoc, UnitDoc } from '../units/administrative-unit.model';
import { codeLevel, isCommuneCode, resolveLineage, type LineageFetch } from '../units/units.rules';
import { personFromRow, type PersonIdentity, type RegisterRow } from './register.digest';
import { communeRegister, disclosedCount, needsSuppression } from './register.loaders';
import { LegacyUnitRecords, RosterFilter } from './roster';
import { communeCounts, MAX_ROSTER_ROWS, rosterCriteria, rosterMatches } from './roster.rules';

/** Lineage walk over units and links already in memory (small collections, read once). */
export function memoryLineageFetch(units: readonly UnitDoc[], links: readonly LineageDoc[]): LineageFetch {
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  return async (codes) => ({
    units: codes.flatMap((c) => (unitByCode.has(c) ? [unitByCode.get(c)!] : [])),
    links: links.filter((l) => codes.includes(l.fromCode)),
  });
}

function checkAsOf(asOf: string | null | undefined): string {
  const date = asOf ?? todayInVietnam();
  if (!isIsoDate(date)) throw new BadUserInputError({ vi: 'Ngày asOf không hợp lệ', en: 'asOf is not a valid date' }, { argument: 'asOf' });
  return date;
}

@Resolver()
export class DashboardResolver {
  constructor(private readonly models: Models) {}

  @Access('IDENTITY')
  @Query(() => [Person], {
    description:
      'Danh sách người cao tuổi của một xã theo bộ lọc, đọc từ bản tóm tắt sổ (một lần đọc); các cơ quan khác bổ sung trường của mình. Tối đa 10.000 người. / A commune roster from the register digest (one read); other subgraphs add their fields. At most 10,000 people.',
  })
  async elderlyRoster(
    @Arg('communeCode', () => String) communeCode: string,
    @Arg('filter', () => RosterFilter, { nullable: true }) filter: RosterFilter | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonIdentity[]> {
    if (!isCommuneCode(communeCode)) {
      throw new BadUserInputError({ vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' }, { argument: 'communeCode' });
    }
    const commune = scopedCommune(ctx, communeCode) ?? communeCode;
    const { criteria, problems } = rosterCriteria(filter, todayInVietnam());
    if (problems.length) refuse(problems);
    const rows = (await communeRegister(this.models, ctx).load(commune)).filter((r) => rosterMatches(r, criteria));
    if (rows.length > MAX_ROSTER_ROWS) {
      throw new BadUserInputError(
        { vi: `Danh sách vượt quá ${MAX_ROSTER_ROWS} người; hãy lọc hẹp hơn`, en: `The roster exceeds ${MAX_ROSTER_ROWS} people; narrow the filter` },
        { argument: 'filter', max: MAX_ROSTER_ROWS },
      );
    }
    rows.sort((a, b) => (a.citizenId < b.citizenId ? -1 : a.citizenId > b.citizenId ? 1 : 0));
    return rows.map((r) => personFromRow(r, commune));
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
    const [units, links] = await Promise.all([this.models.Unit.find({}).lean<UnitDoc[]>(), this.models.Lineage.find({}).lean<LineageDoc[]>()]);
    const unitByCode = new Map(units.map((u) => [u.code, u]));
    const communes = new Set(units.filter((u) => u.parentCode === provinceCode && u.level === 'COMMUNE').map((u) => u.code));
    let rows: Array<RegisterRow & { communeCode: string }>;
    if (limit) rows = (await communeRegister(this.models, ctx).load(limit)).map((r) => ({ ...r, communeCode: limit }));
    else rows = [...(await provinceRegister(this.models, ctx)).values()];
    const counts = new Map<string, number>();
    for (const r of rows) {
      if (r.legacyUnitCode === null || !communes.has(r.communeCode)) continue;
      counts.set(r.legacyUnitCode, (counts.get(r.legacyUnitCode) ?? 0) + 1);
    }
    const codes = [...counts.keys()].sort();
    const cells = codes.map((code) => ({ key: code, count: counts.get(code)! }));
    const disclosed = needsSuppression(ctx) ? suppressSmallCells(cells) : cells.map((c) => ({ ...c, suppressed: false }));
    const fetch = memoryLineageFetch(units, links);
    const today = todayInVietnam();
    return Promise.all(
      disclosed.map(async (c) => {
        const resolved = await resolveLineage(c.key, today, fetch);
        return Object.assign(new LegacyUnitRecords(), {
          legacyCode: c.key,
          legacyUnit: unitByCode.get(c.key) ?? null,
          recordCount: c.count,
          suppressed: c.suppressed,
          currentUnits: resolved.codes.map((code) => unitByCode.get(code)!).filter(Boolean),
        });
      }),
    );
  }
}

const COUNT_NOTE = {
  vi: 'Số từ 1 đến 4 người bị ẩn để không lộ danh tính (Luật BVDLCN 91/2025)',
  en: 'Counts of 1-4 people are withheld to protect identity (PDP Law 91/2025)',
};

/**
 * The register's denominators on `AdministrativeUnit`, from the commune digest. Other
 * subgraphs `@requires(fields: "elderlyCountToday")` (no arguments allowed there).
 */
@Resolver(() => AdministrativeUnit)
export class UnitCountsResolver {
  constructor(private readonly models: Models) {}

  /** The register rows a unit's counts are taken over: a commune's own, a province's communes'. */
  private async rows(unit: UnitDoc, ctx: RequestContext): Promise<RegisterRow[] | null> {
    assertInScope(ctx, unit.code);
    if (unit.level === 'COMMUNE') return communeRegister(this.models, ctx).load(unit.code);
    if (unit.level === 'PROVINCE') {
      const all = await provinceRegister(this.models, ctx);
      const communes = new Set(
        (await this.models.Unit.find({ parentCode: unit.code, level: 'COMMUNE' }, { _id: 0, code: 1 }).lean<Array<{ code: string }>>()).map((u) => u.code),
      );
      return [...all.values()].filter((p) => communes.has(p.communeCode));
    }
    return null; // abolished districts: nobody lives in them today
  }

  private async count(unit: UnitDoc, ctx: RequestContext, asOf: string, which: 'elderly' | 'centenarians'): Promise<number | null> {
    const rows = await this.rows(unit, ctx);
    return rows === null ? null : disclosedCount(ctx, communeCounts(rows, asOf)[which]);
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
    return this.count(unit, ctx, checkAsOf(asOf), 'elderly');
  }

  @Access('AGGREGATES')
  @FieldResolver(() => Int, { nullable: true, description: 'Như elderlyCount, tính đến hôm nay (dùng cho @requires). / elderlyCount as of today (what other subgraphs require).' })
  elderlyCountToday(@Root() unit: UnitDoc, @Ctx() ctx: RequestContext): Promise<number | null> {
    return this.count(unit, ctx, todayInVietnam(), 'elderly');
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
    return this.count(unit, ctx, checkAsOf(asOf), 'centenarians');
  }

  @Access('AGGREGATES')
  @FieldResolver(() => Int, { nullable: true, description: 'Như centenarianCount, tính đến hôm nay (dùng cho @requires). / centenarianCount as of today.' })
  centenarianCountToday(@Root() unit: UnitDoc, @Ctx() ctx: RequestContext): Promise<number | null> {
    return this.count(unit, ctx, todayInVietnam(), 'centenarians');
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
      const limit = ctx.identity.commune;
      const rows = limit ? await communeRegister(this.models, ctx).load(limit) : [...(await provinceRegister(this.models, ctx)).values()];
      return disclosedCount(ctx, rows.filter((p) => p.legacyUnitCode === unit.code).length);
    }
    const rows = await this.rows(unit, ctx);
    return rows === null ? null : disclosedCount(ctx, communeCounts(rows, todayInVietnam()).legacyRecords);
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
    const rows = await this.rows(unit, ctx);
    if (rows === null) return null;
    const dates = [...new Set([checkAsOf(asOf), todayInVietnam()])];
    const small = (n: number) => n > 0 && n < 5;
    const withheld = dates.some((d) => {
      const c = communeCounts(rows, d);
      return small(c.elderly) || small(c.centenarians) || small(c.legacyRecords);
    });
    return withheld ? `${COUNT_NOTE.vi} / ${COUNT_NOTE.en}` : null;
  }
}

import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { decide } from '@nct/auth';
import { Access, assertInScope, DateScalar, RequestContext } from '@nct/subgraph-kit';
import { isIsoDate } from '@nct/dates';
import { refuse } from '@nct/rules';
import { yearArg } from '../celebrations/celebration.args';
import type { ClubDoc } from '../clubs/club.model';
import { coverageTargetsOn } from '../clubs/rules/operation-targets';
import { Club } from '../clubs/club';
import type { Models } from '../models';
import { AdministrativeUnit } from './administrative-unit';
import { ClubCoverage } from './club-coverage';
import { celebrationStatusFigures, clubCoverage, dueFromBirthYears } from './units.rules';
import { celebrationOutcomeLoader, centenarianLoader, clubsByCommuneLoader } from './unit.loaders';
import { CelebrationStatusCounts, LongevityCelebrationStatus } from './celebration-status';
import type { BirthYearCount } from './birth-year-count';

/** The association's figures on homeaffairs' `AdministrativeUnit`. */
@Resolver(() => AdministrativeUnit)
export class UnitResolver {
  constructor(private readonly models: Models) {}

  @Access('ORGANISATION')
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Số câu lạc bộ liên thế hệ của xã (đã thành lập đến hôm nay). / Intergenerational self-help clubs of the commune, founded by today.',
  })
  async clubCount(@Root() unit: AdministrativeUnit, @Ctx() ctx: RequestContext): Promise<number> {
    return (await clubsByCommuneLoader(this.models, ctx).load(unit.code)).filter((c) => c.foundedOn <= ctx.today).length;
  }

  @Access('ORGANISATION')
  @FieldResolver(() => [Club], {
    nullable: true,
    description: "Các câu lạc bộ của xã, theo mã (ít, không phân trang). / The commune's clubs by ID (a handful, unpaged).",
  })
  async clubs(@Root() unit: AdministrativeUnit, @Ctx() ctx: RequestContext): Promise<ClubDoc[]> {
    return clubsByCommuneLoader(this.models, ctx).load(unit.code);
  }

  @Access('AGGREGATES')
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      "Số người 100 tuổi trở lên (tính theo năm) được ghi nhận mừng thọ trong năm (dự kiến hoặc đã trao) tại xã; đối chiếu với centenarianCountToday của Sở Nội vụ (xem docs/cross-agency.md). Ô 1-4 bị ẩn (null) với người không được xem dữ liệu hội viên. / 100+ celebrations recorded (planned or delivered) in the commune for the year; to reconcile with home affairs' centenarianCountToday. Cells of 1-4 are withheld (null) for callers who may not see association data.",
  })
  async centenarianCelebrations(
    @Root() unit: AdministrativeUnit,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<number | null> {
    const n = await centenarianLoader(this.models, ctx).load(`${unit.code}|${yearArg(year)}`);
    const personal =
      decide(ctx.identity, ctx.purpose, 'ASSOCIATION_DATA').allowed && (!ctx.identity.commune || ctx.identity.commune === unit.code);
    return !personal && n > 0 && n < 5 ? null : n;
  }

  @Access('AGGREGATES')
  @FieldResolver(() => LongevityCelebrationStatus, {
    nullable: true,
    description:
      "Câu hỏi 8 (số liệu): mừng thọ của năm theo trạng thái (DELIVERED, NOT_DELIVERED, PLANNED gồm cả người đến tuổi chưa có ghi nhận) theo xã và tổng, cho một tỉnh (các xã hiện hành) hoặc một xã; số người đến tuổi lấy từ sổ đăng ký của Sở Nội vụ (còn sống hôm nay). Ô 1-4 bị ẩn với người không được xem dữ liệu hội viên. Người bị giới hạn theo xã: chỉ xã của mình. / Q8 figures: the year's longevity celebrations by status (DELIVERED, NOT_DELIVERED, PLANNED including people due with nothing recorded) per commune and in total, for a province (its current communes) or a commune; the people due come from the home-affairs register (living today). Cells of 1-4 are withheld from callers who may not see association data. A commune-limited caller: their commune only.",
  })
  @Directive('@requires(fields: "livingBirthYearsToday { year count } communes { code livingBirthYearsToday { year count } }")')
  async longevityCelebrationStatus(
    @Root() unit: AdministrativeUnit,
    @Arg('year', () => Int, { description: 'Năm mừng thọ. / Celebration year.' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<LongevityCelebrationStatus | null> {
    const y = yearArg(year);
    assertInScope(ctx, unit.code);
    const communes: Array<{ code: string; livingBirthYearsToday?: BirthYearCount[] | null }> | null = unit.communes?.length
      ? unit.communes
      : /^\d{5}$/.test(unit.code)
        ? [unit]
        : null;
    if (communes === null) return null; // a province whose communes home affairs did not send, or another unit
    const outcomes = await celebrationOutcomeLoader(this.models, ctx).load(y);
    const rows = [...communes]
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((c) => ({
        code: c.code,
        due: dueFromBirthYears(c.livingBirthYearsToday ?? null, y),
        delivered: outcomes.get(c.code)?.delivered ?? 0,
        notDelivered: outcomes.get(c.code)?.notDelivered ?? 0,
      }));
    const exact = decide(ctx.identity, ctx.purpose, 'ASSOCIATION_DATA').allowed;
    const figures = celebrationStatusFigures(rows, unit.code, !exact);
    const counts = (r: (typeof figures.communes)[number]) =>
      Object.assign(new CelebrationStatusCounts(), { ...r, unit: { code: r.code } as AdministrativeUnit });
    return Object.assign(new LongevityCelebrationStatus(), {
      year: y,
      communes: figures.communes.map(counts),
      total: counts(figures.total),
    });
  }

  @Access('ORGANISATION')
  @FieldResolver(() => ClubCoverage, {
    nullable: true,
    description:
      "Độ phủ câu lạc bộ của tỉnh so với chỉ tiêu tại ngày asOf (danh sách xã và cờ miền núi lấy từ Sở Nội vụ). / The province's club coverage against the target on asOf; communes and the mountain flag come from home affairs.",
  })
  @Directive('@requires(fields: "communes { code mountainous }")')
  async clubCoverage(
    @Root() unit: AdministrativeUnit,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Ngày tính (mặc định hôm nay). / Reference date, today by default.' })
    asOf?: string | null,
  ): Promise<(ReturnType<typeof clubCoverage> & { asOf: string }) | null> {
    const date = asOf ?? ctx.today;
    const target = isIsoDate(date) ? coverageTargetsOn(date) : null;
    if (!target) refuse([{ field: 'asOf', vi: 'Không có chỉ tiêu độ phủ tại ngày này', en: 'No coverage target in force on asOf' }]);
    const communes = (unit.communes ?? []).filter((c) => c && /^\d{5}$/.test(c.code));
    if (communes.length === 0) return null; // not a province, or home affairs sent no communes
    const clubs = await clubsByCommuneLoader(this.models, ctx).loadMany(communes.map((c) => c.code));
    return {
      asOf: date,
      ...clubCoverage(
        communes.map((c, i) => {
          const list = clubs[i];
          if (list instanceof Error) throw list;
          return { code: c.code, mountainous: c.mountainous === true, clubs: list.filter((k) => k.foundedOn <= date).length };
        }),
        target as NonNullable<typeof target>,
      ),
    };
  }
}

/** A `livingBirthYearsToday` list as sent by home affairs (null when absent or malformed). */
function birthYears(value: unknown): BirthYearCount[] | null {
  if (!Array.isArray(value)) return null;
  const ok = value.every((b) => !!b && Number.isInteger((b as BirthYearCount).year) && Number.isInteger((b as BirthYearCount).count));
  return ok ? value.map((b: BirthYearCount) => ({ year: b.year, count: b.count })) : null;
}

/** `AdministrativeUnit` representations: the key (and the @requires fields) as sent. */
export function administrativeUnitReference() {
  return {
    __resolveReference: (ref: {
      code: unknown;
      mountainous?: unknown;
      communes?: unknown;
      livingBirthYearsToday?: unknown;
    }): AdministrativeUnit => ({
      code: typeof ref.code === 'string' ? ref.code : '',
      mountainous: typeof ref.mountainous === 'boolean' ? ref.mountainous : null,
      livingBirthYearsToday: birthYears(ref.livingBirthYearsToday),
      communes: Array.isArray(ref.communes)
        ? ref.communes
            .filter((c): c is { code: string; mountainous?: unknown } => !!c && typeof (c as { code?: unknown }).code === 'string')
            .map((c) => ({
              code: c.code,
              mountainous: c.mountainous === true,
              livingBirthYearsToday: birthYears((c as { livingBirthYearsToday?: unknown }).livingBirthYearsToday),
            }))
        : null,
    }),
  };
}

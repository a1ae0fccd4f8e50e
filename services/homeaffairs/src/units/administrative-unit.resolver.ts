import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '@nct/errors';
import { Access, dateArg, DateScalar, RequestContext } from '@nct/subgraph-kit';
import { isIsoDate } from '@nct/dates';
import type { Models } from '../models';
import { indexedMatch } from '../queries';
import { AdministrativeUnit, UnitLineage } from './administrative-unit';
import type { LineageDoc, UnitDoc } from './administrative-unit.model';
import { codeLevel, resolveLineage } from './units.rules';
import { childrenLoader, indexedLineageFetch, lineageFromLoader, lineageToLoader, unitLoader } from './administrative-unit.loaders';

function checkCode(code: string, argument: string): string {
  if (!codeLevel(code)) {
    throw new BadUserInputError({ vi: 'Mã đơn vị phải gồm 2, 3 hoặc 5 chữ số', en: 'A unit code must be 2, 3 or 5 digits' }, { argument });
  }
  return code;
}

/** A province has at most a few hundred communes; this bounds the list all the same. */
const MAX_COMMUNES = 500;

@Resolver(() => AdministrativeUnit)
export class AdministrativeUnitResolver {
  constructor(private readonly models: Models) {}

  @Access('REFERENCE')
  @Query(() => AdministrativeUnit, { nullable: true, description: 'Một đơn vị theo mã. / One unit by code (null when unknown).' })
  async administrativeUnit(@Arg('code', () => ID) code: string, @Ctx() ctx: RequestContext): Promise<UnitDoc | null> {
    return unitLoader(this.models, ctx).load(checkCode(code, 'code'));
  }

  @Access('REFERENCE')
  @Query(() => [AdministrativeUnit], {
    description:
      'Các xã/phường/đặc khu của tỉnh có hiệu lực vào ngày asOf (mặc định hôm nay). / Communes of a province in force on a date.',
  })
  async communes(
    @Arg('provinceCode', () => ID) provinceCode: string,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string | null,
  ): Promise<UnitDoc[]> {
    return this.communesOn(provinceCode, asOf ?? ctx.today);
  }

  @Access('REFERENCE')
  @Query(() => [AdministrativeUnit], {
    description:
      "Các xã/phường/đặc khu của tỉnh có hiệu lực vào ngày asOf (mặc định hôm nay; trước 01/7/2025: các xã cũ). / A province's communes in force on a date (before 2025-07-01: the old communes).",
  })
  async communesOf(
    @Arg('provinceCode', () => ID) provinceCode: string,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string | null,
  ): Promise<UnitDoc[]> {
    return this.communesOn(provinceCode, asOf ?? ctx.today);
  }

  @Access('REFERENCE')
  @Query(() => [AdministrativeUnit], {
    nullable: true,
    description:
      'Mã đơn vị bất kỳ (xã, huyện cũ trước 01/7/2025 ...) -> (các) đơn vị có hiệu lực vào ngày onDate (mặc định hôm nay), theo chuỗi kế thừa; xã bị chia -> nhiều đơn vị. null: mã chưa từng có. / Any unit code (old commune or district) -> the unit(s) in force on onDate through lineage chains; a split commune gives several; null for a code never known.',
  })
  async resolveUnitCode(
    @Arg('code', () => String) code: string,
    @Arg('onDate', () => DateScalar, { nullable: true }) onDate: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<UnitDoc[] | null> {
    checkCode(code, 'code');
    const date = dateArg(onDate, 'onDate', ctx.today);
    const { known, codes } = await resolveLineage(code, date, indexedLineageFetch(this.models, ctx));
    if (!known) return null;
    const units = await Promise.all(codes.map((c) => unitLoader(this.models, ctx).load(c)));
    return units.filter((u): u is UnitDoc => u !== null);
  }

  private async communesOn(provinceCode: string, date: string): Promise<UnitDoc[]> {
    if (codeLevel(provinceCode) !== 'PROVINCE') {
      throw new BadUserInputError({ vi: 'Mã tỉnh phải gồm 2 chữ số', en: 'provinceCode must be 2 digits' }, { argument: 'provinceCode' });
    }
    if (!isIsoDate(date))
      throw new BadUserInputError({ vi: 'Ngày asOf không hợp lệ', en: 'asOf is not a valid date' }, { argument: 'asOf' });
    // Before the reform, communes hang under districts: take the province's districts too.
    const districts = (
      await this.models.Unit.aggregate<{ code: string }>([
        ...indexedMatch({ parentCode: provinceCode }, { level: 'DISTRICT' }),
        { $project: { _id: 0, code: 1 } },
      ])
    ).map((d) => d.code);
    return this.models.Unit.aggregate<UnitDoc>([
      ...indexedMatch(
        { parentCode: { $in: [provinceCode, ...districts] } },
        { level: 'COMMUNE', validFrom: { $lte: date }, $or: [{ validTo: null }, { validTo: { $gte: date } }] },
      ),
      { $sort: { code: 1 } },
      { $limit: MAX_COMMUNES },
    ]);
  }

  @Access('REFERENCE')
  @FieldResolver(() => [UnitLineage], { description: 'Đơn vị cũ hợp thành đơn vị này. / Units this one was formed from.' })
  async predecessors(@Root() unit: UnitDoc, @Ctx() ctx: RequestContext): Promise<LineageDoc[]> {
    return lineageToLoader(this.models, ctx).load(unit.code);
  }

  @Access('REFERENCE')
  @FieldResolver(() => [UnitLineage], { description: 'Đơn vị mới kế thừa đơn vị này. / Units that succeeded this one.' })
  async successors(@Root() unit: UnitDoc, @Ctx() ctx: RequestContext): Promise<LineageDoc[]> {
    return lineageFromLoader(this.models, ctx).load(unit.code);
  }
}

/** Unit facts other subgraphs `@requires` (association: a province's communes and the mountain flag). */
@Resolver(() => AdministrativeUnit)
export class UnitFactsResolver {
  constructor(private readonly models: Models) {}

  @FieldResolver(() => Boolean, { nullable: true })
  mountainous(@Root() unit: UnitDoc): boolean {
    return unit.mountainous === true;
  }

  @FieldResolver(() => [AdministrativeUnit], { nullable: true })
  async communes(@Root() unit: UnitDoc, @Ctx() ctx: RequestContext): Promise<UnitDoc[] | null> {
    if (unit.level !== 'PROVINCE') return null;
    const children = await childrenLoader(this.models, ctx).load(unit.code);
    return children.filter((u) => u.level === 'COMMUNE' && u.validTo === null);
  }
}

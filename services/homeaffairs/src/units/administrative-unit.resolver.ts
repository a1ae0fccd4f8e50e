import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { trusted } from '@nct/db';
import { BadUserInputError } from '@nct/errors';
import { Access, DateScalar, groupByKey, loader, RequestContext, todayInVietnam } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { AdministrativeUnit, UnitLineage } from './administrative-unit';
import type { LineageDoc, UnitDoc } from './administrative-unit.model';
import { codeLevel } from './units.rules';

/** Every unit of one request by code, one query per batch. */
export function unitLoader(models: Models, ctx: RequestContext) {
  return loader<string, UnitDoc | null>(ctx, 'unit', async (codes) => {
    const docs = await models.Unit.find({ code: trusted({ $in: [...codes] }) }).lean<UnitDoc[]>();
    const map = new Map(docs.map((d) => [d.code, d]));
    return codes.map((c) => map.get(c) ?? null);
  });
}

function checkCode(code: string, argument: string): string {
  if (!codeLevel(code)) {
    throw new BadUserInputError(
      { vi: 'Mã đơn vị phải gồm 2, 3 hoặc 5 chữ số', en: 'A unit code must be 2, 3 or 5 digits' },
      { argument },
    );
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
    description: 'Các xã/phường/đặc khu của tỉnh có hiệu lực vào ngày asOf (mặc định hôm nay). / Communes of a province in force on a date.',
  })
  async communes(
    @Arg('provinceCode', () => ID) provinceCode: string,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string | null,
  ): Promise<UnitDoc[]> {
    if (codeLevel(provinceCode) !== 'PROVINCE') {
      throw new BadUserInputError({ vi: 'Mã tỉnh phải gồm 2 chữ số', en: 'provinceCode must be 2 digits' }, { argument: 'provinceCode' });
    }
    const date = asOf ?? todayInVietnam();
    return this.models.Unit.find({
      parentCode: provinceCode,
      level: 'COMMUNE',
      validFrom: trusted({ $lte: date }),
      $or: [{ validTo: null }, { validTo: trusted({ $gte: date }) }],
    })
      .sort({ code: 1 })
      .limit(MAX_COMMUNES)
      .lean<UnitDoc[]>();
  }

  @Access('REFERENCE')
  @FieldResolver(() => [UnitLineage], { description: 'Đơn vị cũ hợp thành đơn vị này. / Units this one was formed from.' })
  async predecessors(@Root() unit: UnitDoc, @Ctx() ctx: RequestContext): Promise<LineageDoc[]> {
    return loader<string, LineageDoc[]>(ctx, 'lineage-to', async (codes) =>
      groupByKey(codes, await this.models.Lineage.find({ toCode: trusted({ $in: [...codes] }) }).lean<LineageDoc[]>(), (l) => l.toCode),
    ).load(unit.code);
  }

  @Access('REFERENCE')
  @FieldResolver(() => [UnitLineage], { description: 'Đơn vị mới kế thừa đơn vị này. / Units that succeeded this one.' })
  async successors(@Root() unit: UnitDoc, @Ctx() ctx: RequestContext): Promise<LineageDoc[]> {
    return loader<string, LineageDoc[]>(ctx, 'lineage-from', async (codes) =>
      groupByKey(codes, await this.models.Lineage.find({ fromCode: trusted({ $in: [...codes] }) }).lean<LineageDoc[]>(), (l) => l.fromCode),
    ).load(unit.code);
  }
}

import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { trusted } from '@nct/db';
import { ConflictError, isDuplicateKeyError, NotFoundError } from '@nct/errors';
import { Access, dateArg, DateScalar, idempotencyKeyArg, idempotent, inTransaction, RequestContext } from '@nct/subgraph-kit';
import { refuse } from '@nct/rules';
import { isIsoDate } from '@nct/dates';
import type { Models } from '../models';
import type { UnitDoc } from '../units/administrative-unit.model';
import { unitLoader } from '../units/administrative-unit.loaders';
import { isCommuneCode } from '../units/units.rules';
import { AdministrativeUnit } from '../units/administrative-unit';
import { DisadvantagedArea, DisadvantagedAreaInput, Village, VillageInput } from './areas';
import type { DisadvantagedAreaDoc, VillageDoc } from './areas.model';
import { communeListedOn, inForceOn, listingId, listingProblems, overlaps, villageCommune, villageProblems } from './areas.rules';
import { listingsLoader, villageLoader } from './areas.loaders';

const NO_ID = { _id: 0 } as const;
const IDEMPOTENCY_KEY = {
  nullable: true,
  description:
    'Khóa chống trùng (8-128 ký tự): gửi lại cùng khóa trả về kết quả lần đầu. / Idempotency key (8-128 characters): a repeat returns the first result.',
} as const;

/** A listing as GraphQL resolves it. */
type AreaView = Omit<DisadvantagedAreaDoc, 'listingId'> & { id: string };

function areaView(doc: DisadvantagedAreaDoc): AreaView {
  return {
    id: doc.listingId,
    level: doc.level,
    unitCode: doc.unitCode,
    villageCode: doc.villageCode ?? null,
    from: doc.from,
    to: doc.to ?? null,
    legalAct: doc.legalAct,
  };
}

/** Whether a span lies within a unit's (or village's) validity. */
function within(span: { from: string; to: string | null }, validity: { from: string; to: string | null }): boolean {
  return validity.from <= span.from && (validity.to === null || (span.to !== null && span.to <= validity.to));
}

@Resolver(() => DisadvantagedArea)
export class DisadvantagedAreaResolver {
  constructor(private readonly models: Models) {}

  @Access('REFERENCE')
  @Query(() => [DisadvantagedArea], {
    description:
      'Danh sách xã, thôn đặc biệt khó khăn có hiệu lực vào ngày asOf (mặc định hôm nay), có thể chỉ của một xã. / The especially disadvantaged communes and villages in force on asOf (default today), optionally of one commune.',
  })
  async disadvantagedAreas(
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string | null,
    @Arg('unitCode', () => String, { nullable: true, description: 'Mã xã/phường. / Commune code.' }) unitCode?: string | null,
  ): Promise<AreaView[]> {
    const date = dateArg(asOf ?? null, 'asOf', ctx.today);
    if (unitCode != null && !isCommuneCode(unitCode))
      refuse([{ field: 'unitCode', vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'unitCode must be 5 digits' }]);
    const docs = await this.models.DisadvantagedArea.find(unitCode != null ? { unitCode } : { from: trusted({ $lte: date }) }, NO_ID)
      .sort(unitCode != null ? { unitCode: 1, from: 1 } : { from: 1 })
      .lean<DisadvantagedAreaDoc[]>();
    return docs
      .filter((d) => inForceOn({ from: d.from, to: d.to ?? null }, date))
      .map(areaView)
      .sort((a, b) => (a.unitCode + (a.villageCode ?? '') < b.unitCode + (b.villageCode ?? '') ? -1 : 1));
  }

  @Access('REGISTER_WRITE')
  @Mutation(() => DisadvantagedArea, {
    description:
      'Ghi một xã hoặc thôn vào danh sách đặc biệt khó khăn theo văn bản, có thời hạn; không chồng lấn dòng khác của cùng địa bàn. / List a commune or village as especially disadvantaged under an act, for a span that overlaps no other listing of it.',
  })
  async addDisadvantagedArea(
    @Arg('input', () => DisadvantagedAreaInput) input: DisadvantagedAreaInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey?: string | null,
  ): Promise<AreaView> {
    const key = idempotencyKeyArg(idempotencyKey);
    const problems = listingProblems(input);
    if (problems.length) refuse(problems);
    const doc: DisadvantagedAreaDoc = {
      listingId: '',
      level: input.level,
      unitCode: input.unitCode,
      villageCode: input.level === 'VILLAGE' ? (input.villageCode ?? null) : null,
      from: input.from,
      to: input.to ?? null,
      legalAct: input.legalAct.normalize('NFC').trim(),
    };
    doc.listingId = listingId(doc);
    const db = this.models.DisadvantagedArea.db;
    return idempotent(ctx, db, { operation: 'addDisadvantagedArea', key, input: doc }, () =>
      inTransaction(db, async () => {
        await this.checkArea(doc);
        const others = await this.models.DisadvantagedArea.find({ unitCode: doc.unitCode }, NO_ID).lean<DisadvantagedAreaDoc[]>();
        const clash = others.find(
          (o) => o.level === doc.level && (o.villageCode ?? null) === doc.villageCode && overlaps(doc, { from: o.from, to: o.to ?? null }),
        );
        if (clash)
          throw new ConflictError(
            {
              vi: `Địa bàn này đã có trong danh sách từ ${clash.from} đến ${clash.to ?? 'nay'} (${clash.listingId}); hãy kết thúc dòng đó trước`,
              en: `This area is already listed from ${clash.from} to ${clash.to ?? 'now'} (${clash.listingId}); close that listing first`,
            },
            { reason: 'LISTING_OVERLAP', listingId: clash.listingId },
          );
        try {
          await this.models.DisadvantagedArea.create([doc]);
        } catch (err) {
          if (isDuplicateKeyError(err))
            throw new ConflictError(
              { vi: `Dòng ${doc.listingId} đã có`, en: `Listing ${doc.listingId} already exists` },
              { reason: 'LISTING_OVERLAP', listingId: doc.listingId },
            );
          throw err;
        }
        return areaView(doc);
      }),
    );
  }

  /** The commune (and village) of a listing exist and are in force over the whole listing. */
  private async checkArea(doc: DisadvantagedAreaDoc): Promise<void> {
    const unit = await this.models.Unit.findOne({ code: doc.unitCode }, NO_ID).lean<UnitDoc>();
    if (!unit || unit.level !== 'COMMUNE' || !within(doc, { from: unit.validFrom, to: unit.validTo }))
      refuse([
        {
          field: 'unitCode',
          vi: `Không có xã/phường mã ${doc.unitCode} có hiệu lực suốt thời hạn của dòng này`,
          en: `No commune ${doc.unitCode} in force for the whole listing`,
        },
      ]);
    if (doc.villageCode === null) return;
    const village = await this.models.Village.findOne({ villageCode: doc.villageCode }, NO_ID).lean<VillageDoc>();
    if (!village || village.communeCode !== doc.unitCode || !within(doc, { from: village.from, to: village.to ?? null }))
      refuse([
        {
          field: 'villageCode',
          vi: `Không có thôn mã ${doc.villageCode} có hiệu lực suốt thời hạn của dòng này`,
          en: `No village ${doc.villageCode} in force for the whole listing`,
        },
      ]);
  }

  @Access('REGISTER_WRITE')
  @Mutation(() => DisadvantagedArea, {
    description:
      'Kết thúc một dòng của danh sách (đến hết ngày `to`); gọi lại cùng ngày không thay đổi gì. / Close a listing on `to` (inclusive); calling again with the same date changes nothing.',
  })
  async closeDisadvantagedArea(@Arg('id', () => ID) id: string, @Arg('to', () => DateScalar) to: string): Promise<AreaView> {
    if (!isIsoDate(to)) refuse([{ field: 'to', vi: 'Ngày kết thúc không hợp lệ', en: 'to is not a valid date' }]);
    const find = () => this.models.DisadvantagedArea.findOne({ listingId: id }, NO_ID).lean<DisadvantagedAreaDoc>();
    const current = await find();
    if (!current) throw new NotFoundError({ vi: `Không có dòng ${id} trong danh sách`, en: `No listing ${id}` });
    if (to < current.from) refuse([{ field: 'to', vi: 'Ngày kết thúc trước ngày bắt đầu', en: 'to is before from' }]);
    const closedOn = (doc: DisadvantagedAreaDoc): AreaView => {
      if (doc.to === to) return areaView(doc);
      throw new ConflictError(
        { vi: `Dòng ${id} đã kết thúc ngày ${doc.to}`, en: `Listing ${id} was already closed on ${doc.to}` },
        { reason: 'ALREADY_CLOSED' },
      );
    };
    if (current.to != null) return closedOn(current);
    // conditional: two closes with different dates cannot both land
    const result = await this.models.DisadvantagedArea.updateOne({ listingId: id, to: null }, { $set: { to } });
    if (result.modifiedCount === 1) return areaView({ ...current, to });
    return closedOn((await find()) as DisadvantagedAreaDoc);
  }

  @Access('REFERENCE')
  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  commune(@Root() area: AreaView, @Ctx() ctx: RequestContext): Promise<UnitDoc | null> {
    return unitLoader(this.models, ctx).load(area.unitCode);
  }

  @Access('REFERENCE')
  @FieldResolver(() => Village, { nullable: true })
  async village(@Root() area: AreaView, @Ctx() ctx: RequestContext): Promise<VillageDoc | null> {
    return area.villageCode === null ? null : villageLoader(this.models, ctx).load(area.villageCode);
  }
}

@Resolver(() => Village)
export class VillageResolver {
  constructor(private readonly models: Models) {}

  @Access('REFERENCE')
  @Query(() => [Village], {
    description:
      'Các thôn, tổ dân phố của một xã/phường có hiệu lực vào ngày asOf (mặc định hôm nay). / The villages of a commune in force on asOf (default today).',
  })
  async villages(
    @Arg('communeCode', () => String) communeCode: string,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string | null,
  ): Promise<VillageDoc[]> {
    if (!isCommuneCode(communeCode))
      refuse([{ field: 'communeCode', vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' }]);
    const date = dateArg(asOf ?? null, 'asOf', ctx.today);
    const docs = await this.models.Village.find({ communeCode }, NO_ID).sort({ villageCode: 1 }).lean<VillageDoc[]>();
    return docs.filter((v) => inForceOn({ from: v.from, to: v.to ?? null }, date));
  }

  @Access('REGISTER_WRITE')
  @Mutation(() => Village, {
    description:
      'Ghi một thôn mới của một xã/phường hiện hành (mã <mã xã>-NNN). / Record a new village of a current commune (code <commune code>-NNN).',
  })
  async addVillage(
    @Arg('input', () => VillageInput) input: VillageInput,
    @Ctx() ctx: RequestContext,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) idempotencyKey?: string | null,
  ): Promise<VillageDoc> {
    const key = idempotencyKeyArg(idempotencyKey);
    const problems = villageProblems(input);
    if (problems.length) refuse(problems);
    const communeCode = villageCommune(input.villageCode) as string;
    const doc: VillageDoc = {
      villageCode: input.villageCode,
      communeCode,
      name: input.name.normalize('NFC').trim(),
      from: input.from,
      to: null,
    };
    return idempotent(ctx, this.models.Village.db, { operation: 'addVillage', key, input: doc }, async () => {
      const unit = await this.models.Unit.findOne({ code: communeCode }, NO_ID).lean<UnitDoc>();
      if (!unit || unit.level !== 'COMMUNE' || unit.validTo !== null || unit.validFrom > input.from)
        refuse([
          {
            field: 'villageCode',
            vi: `Không có xã/phường hiện hành mã ${communeCode} có hiệu lực từ ${input.from}`,
            en: `No current commune ${communeCode} in force from ${input.from}`,
          },
        ]);
      try {
        await this.models.Village.create([doc]);
      } catch (err) {
        if (isDuplicateKeyError(err))
          throw new ConflictError(
            { vi: `Mã thôn ${doc.villageCode} đã có`, en: `Village ${doc.villageCode} already exists` },
            { field: 'villageCode' },
          );
        throw err;
      }
      return doc;
    });
  }
}

/** `AdministrativeUnit.disadvantaged`: listed as a whole commune today, from the dated list. */
@Resolver(() => AdministrativeUnit)
export class UnitDisadvantagedResolver {
  constructor(private readonly models: Models) {}

  @FieldResolver(() => Boolean)
  async disadvantaged(@Root() unit: UnitDoc, @Ctx() ctx: RequestContext): Promise<boolean> {
    if (unit.level !== 'COMMUNE') return false;
    return communeListedOn(unit.code, await listingsLoader(this.models, ctx).load(unit.code), ctx.today);
  }
}

import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { trusted } from '@nct/db';
import { BadUserInputError, NotFoundError } from '@nct/errors';
import { Access, citizenIdArg, eventIdArg, pageRequest, RequestContext, scopedCommune, toConnection } from '@nct/subgraph-kit';
import type { SocialDeps } from '../deps';
import type { Models } from '../models';
import type { RegisterPort } from '../register/register.port';
import { applyDeathOnce, changedAnything, funeralItemView } from './apply-death';
import { FuneralSupportItemConnection, FuneralSupportStatusEnum, SocialDeathReceipt } from './death';
import type { FuneralSupportItemDoc, FuneralSupportStatus } from './funeral-support-item.model';

/** Deaths from the register (the receiver of its outbox) and the funeral support they prepare. */
@Resolver()
export class DeathResolver {
  private readonly models: Models;
  private readonly register: RegisterPort;
  constructor({ models, register }: SocialDeps) {
    this.models = models;
    this.register = register;
  }

  @Access('REGISTER_EVENTS')
  @Mutation(() => SocialDeathReceipt, {
    description:
      'Nhận sự kiện chết từ sổ đăng ký (Sở Nội vụ): ngày mất đọc lại từ sổ đăng ký, không lấy từ bên gọi; thôi mọi hồ sơ từ tháng sau tháng mất, hủy khoản chưa nhận của các tháng sau đó, lập một khoản hỗ trợ mai táng. Gọi lại không thay đổi gì (ALREADY_APPLIED). / Receives a death from the register: the date of death is read from the register, never taken from the caller; stops every case from the month after death, cancels uncollected payments for later months, prepares one funeral-support item. A repeat changes nothing (ALREADY_APPLIED).',
  })
  async socialApplyDeath(
    @Arg('eventId', () => ID, { description: 'Mã sự kiện của sổ đăng ký. / The register’s event ID.' }) eventId: string,
    @Arg('citizenId', () => ID, { description: 'Số định danh cá nhân. / Citizen ID.' }) citizenIdInput: string,
    @Ctx() ctx: RequestContext,
  ): Promise<SocialDeathReceipt> {
    eventIdArg(eventId);
    const citizenId = citizenIdArg(citizenIdInput);
    const person = await this.register.identity(citizenId, ctx.requestId);
    if (!person) {
      throw new NotFoundError(
        { vi: 'Sổ đăng ký không có người này', en: 'The register does not know this person' },
        { citizenId, reason: 'NOT_IN_REGISTER' },
      );
    }
    const receipt = (fields: Partial<SocialDeathReceipt>) =>
      Object.assign(new SocialDeathReceipt(), {
        eventId,
        citizenId,
        deathDate: person.deathDate,
        stoppedCases: [],
        cancelledPayments: 0,
        funeralSupport: null,
        ...fields,
      });
    if (!person.deathDate) {
      const item = await this.models.FuneralSupportItem.findOne({ _id: citizenId }).lean<FuneralSupportItemDoc>();
      return receipt({ outcome: 'NOT_DECEASED', funeralSupport: item && funeralItemView(item) });
    }
    const applied = await applyDeathOnce(this.models, {
      citizenId,
      deathDate: person.deathDate,
      today: ctx.today,
      source: 'REGISTER_EVENT',
      eventId,
    });
    if (changedAnything(applied)) {
      ctx.logger.info(
        { eventId, stoppedCases: applied.stoppedCases, cancelledPayments: applied.cancelledPayments, funeral: applied.funeralPrepared },
        'death from the register applied',
      );
    }
    return receipt({
      outcome: changedAnything(applied) ? 'APPLIED' : 'ALREADY_APPLIED',
      stoppedCases: applied.stoppedCases,
      cancelledPayments: applied.cancelledPayments,
      funeralSupport: applied.funeral && funeralItemView(applied.funeral),
    });
  }

  @Access('SOCIAL_DATA')
  @Query(() => FuneralSupportItemConnection, {
    description:
      'Các khoản hỗ trợ mai táng đã lập, theo số định danh; lọc theo xã và tình trạng. / Funeral-support items, by citizen ID; filters by commune and state.',
  })
  async funeralSupportItems(
    @Ctx() ctx: RequestContext,
    @Arg('communeCode', () => String, { nullable: true, description: 'Xã/phường (mặc định toàn tỉnh). / Commune, default the province.' })
    communeCode?: string | null,
    @Arg('status', () => FuneralSupportStatusEnum, {
      nullable: true,
      description: 'Tình trạng (mặc định PREPARED). / State, default PREPARED.',
    })
    status?: FuneralSupportStatus | null,
    @Arg('first', () => Int, { nullable: true, description: 'Số phần tử mỗi trang (1-100, mặc định 20). / Page size, 1-100, default 20.' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Con trỏ. / Cursor.' }) after?: string | null,
  ): Promise<FuneralSupportItemConnection> {
    if (communeCode != null && !/^\d{5}$/.test(communeCode)) {
      throw new BadUserInputError(
        { vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' },
        { argument: 'communeCode' },
      );
    }
    const commune = scopedCommune(ctx, communeCode);
    const page = pageRequest(first, after);
    // Equality prefix of {communeCode, status, _id} or {status, _id}, keyset on _id.
    const filter: Record<string, unknown> = commune
      ? { communeCode: commune, status: status ?? 'PREPARED' }
      : { status: status ?? 'PREPARED' };
    if (page.afterKey !== null) filter._id = trusted({ $gt: page.afterKey });
    const rows = await this.models.FuneralSupportItem.find(filter)
      .sort({ _id: 1 })
      .limit(page.limit + 1)
      .lean<FuneralSupportItemDoc[]>();
    return toConnection(FuneralSupportItemConnection, rows.map(funeralItemView), page.limit, (r) => r.citizenId);
  }
}

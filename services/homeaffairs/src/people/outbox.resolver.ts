import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { trusted } from '@nct/db';
import { Access, pageRequest, RequestContext, toConnection, type GraphCaller } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { DeliveryRunReport, DeliveryStateEnum, RegisterEventDelivery, RegisterEventDeliveryConnection } from './outbox';
import type { DeliveryState, OutboxEntryDoc } from './outbox.model';
import { deliverDueEvents } from './outbox.delivery';

/** How the operators' resolver reaches the graph and the time (schema.ts builds it with them). */
export interface OutboxServices {
  graph: GraphCaller;
  now: () => Date;
}

function deliveryView(doc: OutboxEntryDoc): RegisterEventDelivery {
  return {
    eventId: doc.eventId,
    type: doc.type,
    subscriber: doc.subscriber,
    citizenId: doc.citizenId,
    eventDate: doc.eventDate,
    state: doc.state,
    attempts: doc.attempts,
    nextAttemptAt: doc.state === 'PENDING' ? new Date(doc.nextAttemptAt).toISOString() : null,
    outcome: doc.outcome ?? null,
    lastError: doc.lastError ?? null,
    recordedOn: doc.recordedOn,
    deliveredAt: doc.deliveredAt ? new Date(doc.deliveredAt).toISOString() : null,
  };
}

/** The register's outbox for operators: what is waiting, and a delivery pass on demand. */
@Resolver()
export class OutboxResolver {
  constructor(
    private readonly models: Models,
    private readonly services: OutboxServices,
  ) {}

  @Access('REGISTER_WRITE')
  @Query(() => RegisterEventDeliveryConnection, {
    description:
      'Các sự kiện của sổ (ngày mất) gửi cho các cơ quan, theo mã sự kiện; lọc theo tình trạng. / Register events for the other agencies, by event id, optionally of one state.',
  })
  async registerEventDeliveries(
    @Arg('state', () => DeliveryStateEnum, { nullable: true }) state: DeliveryState | null,
    @Arg('first', () => Int, { nullable: true, description: 'Số phần tử mỗi trang (1-100). / Page size, 1-100.' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Con trỏ. / Cursor.' }) after: string | null,
  ): Promise<RegisterEventDeliveryConnection> {
    const page = pageRequest(first, after);
    // the `{state, eventId}` or the `{eventId}` index, from the cursor on
    const filter: Record<string, unknown> = { ...(state ? { state } : {}), eventId: trusted({ $gt: page.afterKey ?? '' }) };
    const rows = await this.models.Outbox.find(filter, { _id: 0 })
      .sort({ eventId: 1 })
      .limit(page.limit + 1)
      .lean<OutboxEntryDoc[]>();
    return toConnection(RegisterEventDeliveryConnection, rows.map(deliveryView), page.limit, (r) => r.eventId);
  }

  @Access('REGISTER_WRITE')
  @Mutation(() => DeliveryRunReport, {
    description:
      'Chạy ngay một lượt gửi các sự kiện đến hạn (như tiến trình nền). / Run one delivery pass of the due events now (as the background worker does).',
  })
  async deliverRegisterEvents(@Ctx() ctx: RequestContext): Promise<DeliveryRunReport> {
    return deliverDueEvents({ models: this.models, graph: this.services.graph, logger: ctx.logger, now: this.services.now });
  }
}

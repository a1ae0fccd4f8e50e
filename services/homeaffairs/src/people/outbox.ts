import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, DateScalar } from '@nct/subgraph-kit';
import type { DeliveryState } from './outbox.model';

export enum DeliveryStateEnum {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
}
registerEnumType(DeliveryStateEnum, {
  name: 'RegisterEventDeliveryState',
  description:
    'PENDING: chưa được cơ quan nhận xác nhận; DELIVERED: đã xác nhận. / PENDING: not yet acknowledged; DELIVERED: acknowledged.',
});

@ObjectType({
  description:
    'Một sự kiện của sổ đăng ký (ngày mất) gửi cho một cơ quan, và tình trạng gửi. / One register event (a death) for one subscriber, and its delivery.',
})
export class RegisterEventDelivery {
  @Field(() => ID, {
    description: 'Mã sự kiện (cố định theo người, ngày, cơ quan nhận). / Event id, fixed per person, date and subscriber.',
  })
  eventId!: string;

  @Field({ description: 'Loại sự kiện (DEATH). / Event type.' })
  type!: string;

  @Field({ description: 'Cơ quan nhận (social, health, association). / Subscriber subgraph.' })
  subscriber!: string;

  @Field(() => ID, { description: 'Số định danh. / Citizen ID.' })
  citizenId!: string;

  @Field(() => DateScalar, { description: 'Ngày của sự kiện (ngày mất). / Date the event reports (date of death).' })
  eventDate!: string;

  @Field(() => DeliveryStateEnum)
  state!: DeliveryState;

  @Field(() => Int, { description: 'Số lần gửi không thành. / Failed deliveries so far.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Lần gửi tới (ISO 8601), nếu chưa gửi được. / Next try (ISO 8601) while pending.' })
  nextAttemptAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Kết quả cơ quan nhận trả về. / The subscriber’s receipt.' })
  outcome!: string | null;

  @Field(() => String, { nullable: true, description: 'Mã lỗi lần gửi cuối. / Error code of the last failed try.' })
  lastError!: string | null;

  @Field(() => DateScalar, { description: 'Ngày sổ ghi nhận sự kiện. / Date the register recorded it.' })
  recordedOn!: string;

  @Field(() => String, { nullable: true, description: 'Thời điểm đã gửi (ISO 8601). / When it was delivered (ISO 8601).' })
  deliveredAt!: string | null;
}

@ObjectType({ description: 'Một trang sự kiện cần gửi. / A page of register event deliveries.' })
export class RegisterEventDeliveryConnection extends ConnectionType(RegisterEventDelivery, 'RegisterEventDelivery') {}

@ObjectType({ description: 'Kết quả một lượt gửi sự kiện. / What one delivery pass did.' })
export class DeliveryRunReport {
  @Field(() => Int, { description: 'Số sự kiện đến hạn đã gửi. / Due entries sent.' })
  attempted!: number;

  @Field(() => Int, { description: 'Số được xác nhận. / Acknowledged.' })
  delivered!: number;

  @Field(() => Int, { description: 'Số chưa được (sẽ gửi lại sau). / Failed (tried again later).' })
  failed!: number;
}

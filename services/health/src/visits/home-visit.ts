import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, DateScalar } from '@nct/subgraph-kit';
import type { HomeVisitKind } from './visits.rules';

export enum HomeVisitKindEnum {
  HEALTH_MONITORING = 'HEALTH_MONITORING',
  HOME_CARE = 'HOME_CARE',
  CHRONIC_FOLLOW_UP = 'CHRONIC_FOLLOW_UP',
  SUPPORT_VISIT = 'SUPPORT_VISIT',
}
registerEnumType(HomeVisitKindEnum, {
  name: 'HomeVisitKind',
  description: 'Loại lần thăm tại nhà. / Kind of home visit.',
  valuesConfig: {
    HEALTH_MONITORING: { description: 'Theo dõi sức khỏe tại nhà. / Health monitoring at home.' },
    HOME_CARE: { description: 'Chăm sóc, điều dưỡng tại nhà. / Care or nursing at home.' },
    CHRONIC_FOLLOW_UP: { description: 'Theo dõi điều trị bệnh mạn tính. / Chronic-condition follow-up.' },
    SUPPORT_VISIT: { description: 'Thăm hỏi, động viên người cô đơn, khó khăn. / Support visit to a lonely or disadvantaged person.' },
  },
});

@ObjectType({ description: 'Một lần thăm, chăm sóc tại nhà. / One home visit.' })
export class HomeVisit {
  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field(() => DateScalar, { description: 'Ngày thăm. / Date of the visit.' })
  date!: string;

  @Field({ description: 'Người thăm (nhân viên y tế, cộng tác viên, tình nguyện viên). / Visitor.' })
  visitor!: string;

  @Field(() => HomeVisitKindEnum, { description: 'Loại lần thăm. / Kind of visit.' })
  kind!: HomeVisitKind;

  @Field({ description: 'Ghi chú (dữ liệu sức khỏe). / Notes (health data).' })
  notes!: string;
}

@ObjectType({ description: 'Các lần thăm tại nhà, mới nhất trước. / Home visits, most recent first.' })
export class HomeVisitConnection extends ConnectionType(HomeVisit, 'HomeVisit') {}

@InputType({ description: 'Ghi nhận một lần thăm tại nhà. / Record a home visit.' })
export class RecordHomeVisitInput {
  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field(() => DateScalar, { description: 'Ngày thăm (không ở tương lai). / Date, not in the future.' })
  date!: string;

  @Field({ description: 'Người thăm (1-100 ký tự). / Visitor, 1-100 characters.' })
  visitor!: string;

  @Field(() => HomeVisitKindEnum, { description: 'Loại lần thăm. / Kind of visit.' })
  kind!: HomeVisitKind;

  @Field(() => String, { nullable: true, description: 'Ghi chú (tối đa 2000 ký tự). / Notes, at most 2000 characters.' })
  notes?: string | null;
}

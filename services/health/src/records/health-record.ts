import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';
import type { RecordClosedReason, RecordSource } from './health-record.model';

export enum RecordSourceEnum {
  COMMUNE_STATION = 'COMMUNE_STATION',
  VNEID_HEALTH_BOOK = 'VNEID_HEALTH_BOOK',
}
registerEnumType(RecordSourceEnum, {
  name: 'HealthRecordSource',
  description: 'Nơi lưu hồ sơ sức khỏe. / Where the health record is kept.',
  valuesConfig: {
    COMMUNE_STATION: { description: 'Hồ sơ của trạm y tế xã. / The commune health station’s record.' },
    VNEID_HEALTH_BOOK: {
      description: 'Sổ sức khỏe điện tử trên VNeID (cùng giá trị pháp lý). / The electronic health book on VNeID, same legal value.',
    },
  },
});

export enum RecordClosedReasonEnum {
  DECEASED = 'DECEASED',
}
registerEnumType(RecordClosedReasonEnum, {
  name: 'HealthRecordClosedReason',
  description: 'Lý do đóng hồ sơ sức khỏe. / Why a health record was closed.',
  valuesConfig: { DECEASED: { description: 'Người đã mất (theo sổ đăng ký). / The person died, per the register.' } },
});

@ObjectType({
  description:
    'Hồ sơ theo dõi sức khỏe do trạm y tế xã lập (mỗi người một hồ sơ). / Health management record kept by a commune health station, one per person.',
})
export class HealthRecord {
  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field(() => DateScalar, { description: 'Ngày lập hồ sơ. / Date the record was opened.' })
  openedOn!: string;

  @Field({ description: 'Trạm y tế quản lý hồ sơ. / Health station keeping the record.' })
  facility!: string;

  @Field({ description: 'Mã xã/phường của trạm y tế (5 chữ số). / 5-digit commune code of the station.' })
  communeCode!: string;

  @Field(() => RecordSourceEnum, { description: 'Nơi lưu hồ sơ. / Where the record is kept.' })
  source!: RecordSource;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Ngày đóng hồ sơ (ngày mất theo sổ đăng ký); null khi còn theo dõi. Hồ sơ và lịch sử vẫn được giữ. / The day the record was closed (the date of death per the register); null while open. The record and its history are kept.',
  })
  closedOn!: string | null;

  @Field(() => RecordClosedReasonEnum, { nullable: true, description: 'Lý do đóng hồ sơ. / Why the record was closed.' })
  closedReason!: RecordClosedReason | null;
}

@InputType({ description: 'Lập hồ sơ theo dõi sức khỏe. / Open a health record.' })
export class OpenHealthRecordInput {
  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field(() => DateScalar, { description: 'Ngày lập (không ở tương lai). / Opening date, not in the future.' })
  openedOn!: string;

  @Field({ description: 'Trạm y tế xã (1-200 ký tự). / Commune health station, 1-200 characters.' })
  facility!: string;

  @Field({ description: 'Mã xã/phường (5 chữ số). / 5-digit commune code.' })
  communeCode!: string;

  @Field(() => RecordSourceEnum, {
    nullable: true,
    description: 'Nơi lưu hồ sơ (mặc định trạm y tế xã). / Where it is kept, default the commune station.',
  })
  source?: RecordSource | null;
}

import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';

@ObjectType({
  description: 'Hồ sơ theo dõi sức khỏe do trạm y tế xã lập (mỗi người một hồ sơ). / Health management record kept by a commune health station, one per person.',
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
}

import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, ConnectionType } from '@nct/subgraph-kit';
import type { ResultClass } from './checks.rules';

export enum HealthResultClassEnum {
  I = 'I',
  II = 'II',
  III = 'III',
  IV = 'IV',
  V = 'V',
}
registerEnumType(HealthResultClassEnum, {
  name: 'HealthResultClass',
  description: 'Phân loại sức khỏe (Thông tư 14/2013/TT-BYT, Phụ lục 1). / Health class per Circular 14/2013/TT-BYT, Annex 1.',
  valuesConfig: {
    I: { description: 'Loại I: rất khỏe. / Very good.' },
    II: { description: 'Loại II: khỏe. / Good.' },
    III: { description: 'Loại III: trung bình. / Average.' },
    IV: { description: 'Loại IV: yếu. / Weak.' },
    V: { description: 'Loại V: rất yếu. / Very weak.' },
  },
});

@ObjectType({ description: 'Một lần khám sức khỏe định kỳ. / One periodic health check.' })
export class HealthCheck {
  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field(() => DateScalar, { description: 'Ngày khám. / Date of the check.' })
  date!: string;

  @Field({ description: 'Cơ sở khám. / Facility where the check took place.' })
  facility!: string;

  @Field(() => HealthResultClassEnum, { description: 'Kết quả phân loại sức khỏe. / Health class found.' })
  resultClass!: ResultClass;
}

@ObjectType({ description: 'Lịch sử khám, mới nhất trước. / Check history, most recent first.' })
export class HealthCheckConnection extends ConnectionType(HealthCheck, 'HealthCheck') {}

@InputType({ description: 'Ghi nhận một lần khám sức khỏe định kỳ. / Record a periodic health check.' })
export class RecordHealthCheckInput {
  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field(() => DateScalar, { description: 'Ngày khám (không ở tương lai). / Date of the check, not in the future.' })
  date!: string;

  @Field({ description: 'Cơ sở khám (1-200 ký tự). / Facility, 1-200 characters.' })
  facility!: string;

  @Field(() => HealthResultClassEnum, { description: 'Phân loại sức khỏe I-V. / Health class I-V.' })
  resultClass!: ResultClass;
}

import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';

export enum HealthDeathOutcomeEnum {
  APPLIED = 'APPLIED',
  ALREADY_APPLIED = 'ALREADY_APPLIED',
  NOT_DECEASED = 'NOT_DECEASED',
}
export type HealthDeathOutcome = `${HealthDeathOutcomeEnum}`;
registerEnumType(HealthDeathOutcomeEnum, {
  name: 'HealthDeathOutcome',
  description: 'Kết quả áp dụng một sự kiện tử vong ở ngành y tế. / What applying a death did in health.',
  valuesConfig: {
    APPLIED: { description: 'Đã đóng hồ sơ và việc theo dõi. / The record and follow-ups were closed.' },
    ALREADY_APPLIED: { description: 'Đã áp dụng trước đó, không đổi gì. / Applied before; nothing changed.' },
    NOT_DECEASED: {
      description: 'Sổ đăng ký không ghi người này đã mất: không ghi gì. / The register has no death for this person; nothing written.',
    },
  },
});

@ObjectType({
  description: 'Biên nhận của ngành y tế cho một sự kiện tử vong từ sổ đăng ký. / Health’s receipt for a death event from the register.',
})
export class HealthDeathReceipt {
  @Field(() => ID, { description: 'Mã sự kiện của sổ đăng ký. / The register’s event id.' })
  eventId!: string;

  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field(() => HealthDeathOutcomeEnum, { description: 'Kết quả. / Outcome.' })
  outcome!: HealthDeathOutcome;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày mất theo sổ đăng ký (null khi chưa mất). / The date of death per the register, null when none.',
  })
  deathDate!: string | null;

  @Field({ description: 'Hồ sơ sức khỏe được đóng lần này. / Whether this call closed the health record.' })
  recordClosed!: boolean;

  @Field(() => Int, {
    description: 'Số bệnh mạn tính kết thúc quản lý lần này. / Chronic conditions whose management this call ended.',
  })
  conditionsClosed!: number;
}

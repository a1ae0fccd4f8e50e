import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MonthScalar } from '@nct/subgraph-kit';
import type { BenefitKind } from '../cases/benefit-case.model';
import type { PaymentStatus } from './monthly-payment.model';

export enum BenefitKindEnum {
  ALLOWANCE = 'ALLOWANCE',
  SOCIAL_PENSION = 'SOCIAL_PENSION',
}
registerEnumType(BenefitKindEnum, {
  name: 'BenefitKind',
  description: 'Loại trợ cấp. / Kind of benefit.',
  valuesConfig: {
    ALLOWANCE: { description: 'Trợ cấp xã hội hằng tháng (NĐ 20/2021). / Monthly social allowance (Decree 20/2021).' },
    SOCIAL_PENSION: { description: 'Trợ cấp hưu trí xã hội (Luật BHXH 2024). / Social pension (Social Insurance Law 2024).' },
  },
});

export enum PaymentStatusEnum {
  PENDING = 'PENDING',
  COLLECTED = 'COLLECTED',
  UNCOLLECTED = 'UNCOLLECTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PaymentStatusEnum, {
  name: 'PaymentStatus',
  description: 'Tình trạng nhận tiền của một tháng. / Collection state of a month’s payment.',
  valuesConfig: {
    PENDING: { description: 'Đã lập danh sách chi trả, chưa ghi nhận. / On the payroll, not yet recorded.' },
    COLLECTED: { description: 'Đã nhận. / Collected.' },
    UNCOLLECTED: { description: 'Không đến nhận. / Not collected.' },
    CANCELLED: {
      description:
        'Đã hủy: người hưởng mất trước tháng này (theo sổ đăng ký), khoản chưa nhận không chi. / Cancelled: the beneficiary died before this month (per the register); not paid.',
    },
  },
});

@ObjectType({ description: 'Khoản chi trả một tháng cho một người. / One month’s payment to one person.' })
export class MonthlyPayment {
  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field(() => MonthScalar, { description: 'Tháng chi trả. / Month paid for.' })
  month!: string;

  @Field(() => ID, { description: 'Hồ sơ được chi. / The case paid.' })
  caseId!: string;

  @Field(() => BenefitKindEnum, { description: 'Loại trợ cấp. / Kind of benefit.' })
  kind!: BenefitKind;

  @Field(() => Int, { description: 'Số tiền (đồng). / Amount in VND.' })
  amount!: number;

  @Field(() => PaymentStatusEnum, { description: 'Tình trạng nhận. / Collection state.' })
  status!: PaymentStatus;

  @Field({ description: 'Xã/phường chi trả. / Paying commune.' })
  communeCode!: string;
}

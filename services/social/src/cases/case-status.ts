import { registerEnumType } from 'type-graphql';

export enum BenefitCaseStatusEnum {
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  STOPPED = 'STOPPED',
}
registerEnumType(BenefitCaseStatusEnum, {
  name: 'BenefitCaseStatus',
  description: 'Trạng thái hồ sơ trợ cấp. / Status of a benefit case.',
  valuesConfig: {
    ACTIVE: { description: 'Đang chi trả. / Being paid.' },
    SUSPENDED: {
      description: 'Tạm dừng (ví dụ 3 tháng liên tiếp không nhận, NĐ 20/2021). / Suspended, e.g. after 3 consecutive months uncollected.',
    },
    STOPPED: { description: 'Đã thôi chi trả từ stopMonth. / Stopped from stopMonth.' },
  },
});

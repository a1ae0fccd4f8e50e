import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, DateScalar } from '@nct/subgraph-kit';
import type { BenefitKind } from '../cases/benefit-case.model';
import { BenefitKindEnum } from '../payments/monthly-payment';
import { Person } from '../person/person';
import type { FuneralSupportStatus } from './funeral-support-item.model';

export enum FuneralSupportStatusEnum {
  PREPARED = 'PREPARED',
}
registerEnumType(FuneralSupportStatusEnum, {
  name: 'FuneralSupportStatus',
  description: 'Tình trạng khoản hỗ trợ mai táng. / State of a funeral-support item.',
  valuesConfig: {
    PREPARED: { description: 'Đã lập, chờ chi trả. / Prepared, to be paid out.' },
  },
});

export type DeathOutcome = 'APPLIED' | 'ALREADY_APPLIED' | 'NOT_DECEASED';
export enum DeathOutcomeEnum {
  APPLIED = 'APPLIED',
  ALREADY_APPLIED = 'ALREADY_APPLIED',
  NOT_DECEASED = 'NOT_DECEASED',
}
registerEnumType(DeathOutcomeEnum, {
  name: 'DeathOutcome',
  description: 'Kết quả áp dụng một sự kiện chết. / What applying a death did.',
  valuesConfig: {
    APPLIED: {
      description:
        'Đã thôi hưởng, hủy khoản chưa nhận, lập hỗ trợ mai táng (phần còn thiếu). / Cases stopped, payments cancelled, funeral support prepared (what was left to do).',
    },
    ALREADY_APPLIED: { description: 'Đã áp dụng trước đó: không thay đổi gì. / Applied before: nothing changed.' },
    NOT_DECEASED: {
      description: 'Sổ đăng ký không ghi người này đã mất: không thay đổi gì. / The register records no death: nothing changed.',
    },
  },
});

@ObjectType({
  description:
    'Hỗ trợ chi phí mai táng lập khi người hưởng mất (NĐ 20/2021/NĐ-CP Điều 11: ít nhất 20 lần mức chuẩn tại ngày mất); mỗi người một khoản. / Funeral support prepared when a beneficiary dies (Decree 20/2021 Art. 11: at least 20 x the base level on the date of death); one per person.',
})
export class FuneralSupportItem {
  @Field(() => ID, { description: 'Số định danh cá nhân của người mất. / Citizen ID of the deceased.' })
  citizenId!: string;

  @Field(() => Person, { description: 'Người mất. / The deceased.' })
  person!: { citizenId: string };

  @Field({ description: 'Xã/phường chi trả (xã đã chi trợ cấp). / Paying commune (the one that paid the benefit).' })
  communeCode!: string;

  @Field(() => DateScalar, { description: 'Ngày mất theo sổ đăng ký. / Date of death, per the register.' })
  deathDate!: string;

  @Field(() => ID, { description: 'Hồ sơ đang hưởng khi mất. / The case paid at death.' })
  caseId!: string;

  @Field(() => BenefitKindEnum, { description: 'Loại trợ cấp đang hưởng. / Kind of benefit paid at death.' })
  kind!: BenefitKind;

  @Field(() => Int, { description: 'Số tiền (đồng). / Amount in VND.' })
  amount!: number;

  @Field(() => Int, { description: 'Mức chuẩn tại ngày mất (đồng). / Base level on the date of death, VND.' })
  baseLevel!: number;

  @Field(() => Int, { description: 'Hệ số nhân mức chuẩn. / Multiple of the base level.' })
  baseMultiple!: number;

  @Field({ description: 'Căn cứ pháp lý. / Legal basis.' })
  legalAct!: string;

  @Field(() => FuneralSupportStatusEnum, { description: 'Tình trạng. / State.' })
  status!: FuneralSupportStatus;

  @Field(() => DateScalar, { description: 'Ngày lập. / Prepared on.' })
  preparedOn!: string;
}

@ObjectType({ description: 'Một trang hỗ trợ mai táng, theo số định danh. / A page of funeral-support items, by citizen ID.' })
export class FuneralSupportItemConnection extends ConnectionType(FuneralSupportItem, 'FuneralSupportItem') {}

@ObjectType({ description: 'Biên nhận áp dụng một sự kiện chết từ sổ đăng ký. / Receipt for a death event from the register.' })
export class SocialDeathReceipt {
  @Field(() => ID, { description: 'Mã sự kiện của sổ đăng ký. / The register’s event ID.' })
  eventId!: string;

  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field(() => DeathOutcomeEnum, { description: 'Kết quả. / Outcome.' })
  outcome!: DeathOutcome;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày mất theo sổ đăng ký. / Date of death, per the register.' })
  deathDate!: string | null;

  @Field(() => [ID], { description: 'Hồ sơ thôi hưởng lần này. / Cases stopped by this call.' })
  stoppedCases!: string[];

  @Field(() => Int, { description: 'Số khoản chi chưa nhận bị hủy lần này. / Payments cancelled by this call.' })
  cancelledPayments!: number;

  @Field(() => FuneralSupportItem, { nullable: true, description: 'Hỗ trợ mai táng của người này. / The person’s funeral support.' })
  funeralSupport!: FuneralSupportItem | null;
}

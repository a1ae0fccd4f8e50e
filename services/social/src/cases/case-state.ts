import { Field, ID, Int, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, MonthScalar } from '@nct/subgraph-kit';
import { BenefitKindEnum } from '../payments/monthly-payment';
import type { BenefitKind, CaseStatus, StopReason } from './benefit-case.model';
import { BenefitCaseStatusEnum } from './case-status';
import type { CaseAction } from './workflow.rules';

export enum CaseActionEnum {
  SUSPEND = 'SUSPEND',
  RESUME = 'RESUME',
  STOP = 'STOP',
}
registerEnumType(CaseActionEnum, {
  name: 'CaseAction',
  description: 'Thao tác trên hồ sơ. / An action on a case.',
  valuesConfig: {
    SUSPEND: { description: 'Tạm dừng chi trả. / Suspend payment.' },
    RESUME: { description: 'Chi trả lại. / Resume payment.' },
    STOP: { description: 'Thôi hưởng. / Stop.' },
  },
});

export enum StopReasonEnum {
  DEATH = 'DEATH',
  NO_LONGER_ELIGIBLE = 'NO_LONGER_ELIGIBLE',
  MOVED_AWAY = 'MOVED_AWAY',
  HIGHER_ENTITLEMENT = 'HIGHER_ENTITLEMENT',
  OTHER = 'OTHER',
}
registerEnumType(StopReasonEnum, {
  name: 'StopReason',
  description: 'Lý do thôi hưởng. / Why a case stopped.',
  valuesConfig: {
    DEATH: {
      description: 'Chết: thôi từ tháng sau tháng mất, có hỗ trợ mai táng. / Death: stops from the following month; funeral support.',
    },
    NO_LONGER_ELIGIBLE: { description: 'Không còn đủ điều kiện. / No longer eligible.' },
    MOVED_AWAY: { description: 'Chuyển đi nơi khác. / Moved away.' },
    HIGHER_ENTITLEMENT: { description: 'Chuyển sang chế độ cao hơn. / Switched to a higher entitlement.' },
    OTHER: { description: 'Lý do khác. / Other.' },
  },
});

@ObjectType({
  description:
    'Hỗ trợ chi phí mai táng (khoản của người này: funeralSupportItems). / Funeral support (the person’s item: funeralSupportItems).',
})
export class FuneralSupportInfo {
  @Field(() => DateScalar, { description: 'Ngày mất. / Date of death.' })
  deathDate!: string;

  @Field(() => Int, { description: 'Số tiền (đồng). / Amount in VND.' })
  amount!: number;

  @Field(() => DateScalar, { description: 'Ngày ghi nhận. / Recorded on.' })
  recordedOn!: string;
}

@ObjectType({ description: 'Trạng thái hồ sơ sau một thao tác. / A case’s state after an action.' })
export class CaseState {
  @Field(() => ID, { description: 'Mã hồ sơ. / Case ID.' })
  caseId!: string;

  @Field(() => BenefitKindEnum, { description: 'Loại trợ cấp. / Kind.' })
  kind!: BenefitKind;

  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field(() => BenefitCaseStatusEnum, { description: 'Trạng thái. / Status.' })
  status!: CaseStatus;

  @Field(() => MonthScalar, { nullable: true, description: 'Tạm dừng từ tháng. / Suspended from.' })
  suspendedFrom!: string | null;

  @Field(() => MonthScalar, { nullable: true, description: 'Thôi hưởng từ tháng. / Stopped from.' })
  stopMonth!: string | null;

  @Field(() => StopReasonEnum, { nullable: true, description: 'Lý do thôi hưởng. / Stop reason.' })
  stopReason!: StopReason | null;

  @Field(() => FuneralSupportInfo, { nullable: true, description: 'Hỗ trợ mai táng. / Funeral support.' })
  funeralSupport!: FuneralSupportInfo | null;

  @Field(() => [CaseActionEnum], { description: 'Các thao tác được phép tiếp theo. / Actions allowed next.' })
  allowedActions!: CaseAction[];
}

@InputType({ description: 'Thôi hưởng một hồ sơ. / Stop a case.' })
export class StopCaseInput {
  @Field(() => ID, { description: 'Mã hồ sơ. / Case ID.' })
  caseId!: string;

  @Field(() => StopReasonEnum, { description: 'Lý do. / Reason.' })
  reason!: StopReason;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Ngày mất (lý do DEATH): chỉ để đối chiếu; ngày mất lấy từ sổ đăng ký, khác thì bị từ chối (IDENTITY_MISMATCH). / Date of death (DEATH): only compared; the date comes from the register, a different one is refused (IDENTITY_MISMATCH).',
  })
  deathDate?: string | null;

  @Field(() => MonthScalar, {
    nullable: true,
    description: 'Thôi từ tháng (bắt buộc trừ khi DEATH). / First month not paid (required unless DEATH).',
  })
  stopMonth?: string | null;
}

import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, MonthScalar } from '@nct/subgraph-kit';
import { Person } from '../person/person';
import type { CaseStatus } from './benefit-case.model';
import { BenefitCaseStatusEnum } from './case-status';

/**
 * The fields every benefit case has, whatever its kind (allowance or social pension).
 * type-graphql inherits fields only from a registered object type; no field returns this
 * one, so it does not appear in the schema itself.
 */
@ObjectType('BenefitCaseFields')
export abstract class BenefitCaseFields {
  @Field(() => ID, { description: 'Mã hồ sơ (TCXH-… / HTXH-…). / Case ID.' })
  caseId!: string;

  @Field(() => ID, { description: 'Số định danh cá nhân của người hưởng. / Citizen ID of the recipient.' })
  citizenId!: string;

  @Field(() => Person, { description: 'Người hưởng (thông tin định danh từ Sở Nội vụ). / The recipient, identity from home affairs.' })
  person!: { citizenId: string };

  @Field(() => MonthScalar, {
    description:
      'Tháng áp dụng cho số tiền: tháng hiện tại, hoặc tháng cuối được chi nếu đã thôi. / Month the amounts are for: the current month, or the last paid month of a stopped case.',
  })
  asOfMonth!: string;

  @Field(() => BenefitCaseStatusEnum, { description: 'Trạng thái. / Status.' })
  status!: CaseStatus;

  @Field(() => MonthScalar, { description: 'Tháng bắt đầu hưởng. / First month paid.' })
  startMonth!: string;

  @Field(() => MonthScalar, {
    nullable: true,
    description: 'Thôi hưởng từ tháng (không chi tháng này). / Stopped from this month (not paid).',
  })
  stopMonth!: string | null;

  @Field({ description: 'Số quyết định. / Decision number.' })
  decisionNumber!: string;

  @Field(() => DateScalar, { description: 'Ngày quyết định. / Decision date.' })
  decisionDate!: string;

  @Field({ description: 'Mã xã/phường chi trả (5 chữ số). / Paying commune, 5-digit code.' })
  communeCode!: string;
}

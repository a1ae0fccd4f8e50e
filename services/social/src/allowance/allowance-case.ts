import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BenefitCaseFields } from '../cases/benefit-case';
import { ConnectionType, DateScalar, MonthScalar } from '@nct/subgraph-kit';
import type { AllowanceGroup, CaseStatus } from '../cases/benefit-case.model';
import { BenefitCaseStatusEnum } from '../cases/case-status';

export enum AllowanceGroupEnum {
  A5A = 'A5A',
  A5B = 'A5B',
  A5C = 'A5C',
  A5D = 'A5D',
  DISABILITY_SEVERE = 'DISABILITY_SEVERE',
  DISABILITY_VERY_SEVERE = 'DISABILITY_VERY_SEVERE',
}
registerEnumType(AllowanceGroupEnum, {
  name: 'AllowanceGroup',
  description:
    'Nhóm người cao tuổi hưởng trợ cấp xã hội hằng tháng (NĐ 20/2021/NĐ-CP). / Group of an elderly allowance recipient (Decree 20/2021).',
  valuesConfig: {
    A5A: {
      description:
        'Điểm a khoản 5 Điều 5: hộ nghèo, không có người phụng dưỡng (hệ số 1,5; từ đủ 80 tuổi 2,0). / Art. 5.5(a): poor, nobody obliged to support them (1.5; 2.0 from 80).',
    },
    A5B: {
      description:
        'Điểm b khoản 5 Điều 5: 75-79 tuổi, hộ nghèo/cận nghèo, sống ở xã/thôn ĐBKK vùng DTTS-MN (hệ số 1,0). / Art. 5.5(b): 75-79, poor or near-poor, especially disadvantaged commune (1.0).',
    },
    A5C: {
      description:
        'Điểm c khoản 5 Điều 5: từ đủ 80 tuổi, không lương hưu/BHXH/trợ cấp hằng tháng khác (hệ số 1,0). / Art. 5.5(c): 80+, no pension or other monthly benefit (1.0).',
    },
    A5D: {
      description:
        'Điểm d khoản 5 Điều 5: hộ nghèo, không người phụng dưỡng, đủ điều kiện vào cơ sở nhưng sống tại cộng đồng (hệ số 3,0). / Art. 5.5(d): cared for in the community instead of a facility (3.0).',
    },
    DISABILITY_SEVERE: {
      description: 'Khoản 6 Điều 5: người cao tuổi khuyết tật nặng (hệ số 2,0). / Art. 5.6: elderly person with a severe disability (2.0).',
    },
    DISABILITY_VERY_SEVERE: {
      description:
        'Khoản 6 Điều 5: người cao tuổi khuyết tật đặc biệt nặng (hệ số 2,5). / Art. 5.6: elderly person with a very severe disability (2.5).',
    },
  },
});

@ObjectType({
  description:
    'Hồ sơ trợ cấp xã hội hằng tháng (NĐ 20/2021/NĐ-CP). Hệ số, mức chuẩn, số tiền tính cho tháng asOfMonth. / A monthly social allowance case; coefficient, base level and amount are as of asOfMonth.',
})
export class AllowanceCase extends BenefitCaseFields {
  @Field(() => AllowanceGroupEnum, { description: 'Nhóm đối tượng. / Beneficiary group.' })
  group!: AllowanceGroup;

  @Field(() => Float, {
    nullable: true,
    description:
      'Hệ số (Điều 6 khoản 1). null khi hệ số phụ thuộc tuổi (nhóm A5A) mà không có ngày sinh: hãy truy vấn qua person { monthlyAllowance }. / Coefficient (Art. 6.1); null when it depends on age (A5A) and the birth date is not known here: query person { monthlyAllowance }.',
  })
  coefficient!: number | null;

  @Field(() => Int, { description: 'Mức chuẩn trợ giúp xã hội (đồng/tháng). / Base level, VND per month.' })
  baseLevel!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Số tiền hằng tháng = hệ số × mức chuẩn (đồng); null khi hệ số null. / Monthly amount in VND = coefficient × base level; null with the coefficient.',
  })
  monthlyAmount!: number | null;
}

@InputType({ description: 'Bộ lọc hồ sơ trợ cấp xã hội. / Filter for allowance cases.' })
export class AllowanceCaseFilter {
  @Field(() => String, { nullable: true, description: 'Mã xã/phường (5 chữ số). / 5-digit commune code.' })
  communeCode?: string | null;

  @Field(() => AllowanceGroupEnum, { nullable: true, description: 'Nhóm đối tượng. / Group.' })
  group?: AllowanceGroup | null;

  @Field(() => [AllowanceGroupEnum], { nullable: true, description: 'Một trong các nhóm (tối đa 6). / Any of these groups (at most 6).' })
  groups?: AllowanceGroup[] | null;

  @Field(() => BenefitCaseStatusEnum, { nullable: true, description: 'Trạng thái. / Status.' })
  status?: CaseStatus | null;
}

@InputType({
  description:
    'Danh tính ghi trên quyết định, chỉ để đối chiếu: ngày sinh, ngày mất, nơi cư trú và vùng ĐBKK lấy từ sổ đăng ký (Sở Nội vụ); giá trị nhập khác sổ đăng ký thì bị từ chối (IDENTITY_MISMATCH). / Identity as written on the decision, only compared: the birth date, death date, residence and disadvantaged status come from the register; a value that differs is refused (IDENTITY_MISMATCH).',
})
export class IdentityFactsInput {
  @Field(() => DateScalar, { nullable: true, description: 'Ngày sinh (đối chiếu). / Birth date (compared).' })
  birthDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày mất (đối chiếu). / Death date (compared).' })
  deathDate?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Nơi cư trú tháng bắt đầu thuộc xã/thôn ĐBKK (đối chiếu). / Residence in the start month especially disadvantaged (compared).',
  })
  disadvantagedCommune?: boolean | null;
}

@ObjectType({ description: 'Một trang hồ sơ trợ cấp xã hội, theo mã hồ sơ. / A page of allowance cases, by case ID.' })
export class AllowanceCaseConnection extends ConnectionType(AllowanceCase, 'AllowanceCase') {}

@InputType({ description: 'Mở hồ sơ trợ cấp xã hội hằng tháng theo quyết định. / Open an allowance case from a decision.' })
export class OpenAllowanceCaseInput {
  @Field(() => ID, { description: 'Số định danh cá nhân (12 chữ số). / 12-digit citizen ID.' })
  citizenId!: string;

  @Field(() => AllowanceGroupEnum, { description: 'Nhóm đối tượng. / Group.' })
  group!: AllowanceGroup;

  @Field({ description: 'Số quyết định (1-50 ký tự, duy nhất). / Decision number, 1-50 characters, unique.' })
  decisionNumber!: string;

  @Field(() => DateScalar, { description: 'Ngày quyết định (không ở tương lai). / Decision date, not in the future.' })
  decisionDate!: string;

  @Field(() => MonthScalar, {
    description:
      'Tháng bắt đầu hưởng (từ 2021-07, không quá 12 tháng sau tháng quyết định). / First month paid: from 2021-07, at most 12 months after the decision month.',
  })
  startMonth!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Mã xã/phường chi trả (đối chiếu): hồ sơ do xã nơi cư trú tháng bắt đầu theo sổ đăng ký chi trả. / Paying commune (compared): the case is paid by the register’s residence commune in the start month.',
  })
  communeCode?: string | null;

  @Field(() => IdentityFactsInput, {
    nullable: true,
    description: 'Danh tính ghi trên quyết định (đối chiếu). / Identity on the decision (compared).',
  })
  identity?: IdentityFactsInput | null;
}

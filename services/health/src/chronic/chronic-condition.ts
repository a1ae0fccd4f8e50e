import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';

@ObjectType({
  description:
    'Bệnh mạn tính của một người (dữ liệu nhạy cảm; không bao giờ chứa mã HIV). / A chronic condition of a person (sensitive; never an HIV code).',
})
export class ChronicCondition {
  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field({ description: 'Mã ICD-10 (ví dụ I10, E11.9). / ICD-10 code.' })
  code!: string;

  @Field({ description: 'Nhóm bệnh theo dõi (ví dụ HYPERTENSION). / Tracked condition group.' })
  condition!: string;

  @Field({ description: 'Tên nhóm bệnh. / Name of the condition group (Vietnamese).' })
  conditionName!: string;

  @Field(() => DateScalar, { description: 'Ngày chẩn đoán. / Date of diagnosis.' })
  diagnosedOn!: string;

  @Field({ description: 'Đang được quản lý điều trị. / Whether it is under management.' })
  underManagement!: boolean;

  @Field({ description: 'Cơ sở chẩn đoán hoặc quản lý. / Facility that diagnosed or manages it.' })
  facility!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Ngày kết thúc quản lý (ngày mất theo sổ đăng ký); null khi chưa kết thúc. / The day management ended (the date of death per the register); null otherwise.',
  })
  managementEndedOn!: string | null;
}

@ObjectType({
  description: 'Một nhóm bệnh mạn tính được theo dõi, với khoảng mã ICD-10. / A tracked chronic-condition group with its ICD-10 range.',
})
export class TrackedCondition {
  @Field({ description: 'Khóa nhóm bệnh. / Group key.' })
  key!: string;

  @Field({ description: 'Mã ICD-10 đầu khoảng. / First ICD-10 category.' })
  from!: string;

  @Field({ description: 'Mã ICD-10 cuối khoảng. / Last ICD-10 category.' })
  to!: string;

  @Field({ description: 'Tên tiếng Việt. / Vietnamese name.' })
  nameVi!: string;

  @Field({ description: 'Tên tiếng Anh. / English name.' })
  nameEn!: string;

  @Field(() => DateScalar, { description: 'Áp dụng từ ngày. / Effective from.' })
  effectiveFrom!: string;

  @Field({ description: 'Căn cứ. / Legal source.' })
  legalAct!: string;
}

@InputType({ description: 'Ghi nhận một bệnh mạn tính (mã HIV bị từ chối). / Record a chronic condition; HIV codes are refused.' })
export class RecordChronicConditionInput {
  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field({ description: 'Mã ICD-10 viết hoa, thuộc danh mục theo dõi. / ICD-10 code in capitals, from the tracked list.' })
  code!: string;

  @Field(() => DateScalar, { description: 'Ngày chẩn đoán (không ở tương lai). / Date of diagnosis, not in the future.' })
  diagnosedOn!: string;

  @Field({ description: 'Đang được quản lý điều trị. / Under management.' })
  underManagement!: boolean;

  @Field({ description: 'Cơ sở chẩn đoán hoặc quản lý (1-200 ký tự). / Facility, 1-200 characters.' })
  facility!: string;
}

@InputType({ description: 'Cập nhật tình trạng quản lý một bệnh mạn tính. / Set whether a chronic condition is under management.' })
export class SetChronicManagementInput {
  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field({ description: 'Mã ICD-10 đã ghi nhận. / The recorded ICD-10 code.' })
  code!: string;

  @Field({ description: 'Đang được quản lý điều trị. / Under management.' })
  underManagement!: boolean;
}

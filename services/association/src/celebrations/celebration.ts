import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';
import { AdministrativeUnit } from '../units/administrative-unit';
import type { CelebrationStatus } from './celebrations.rules';
import type { GiftLevel } from './rules/gift-levels';

export enum CelebrationStatusEnum {
  PLANNED = 'PLANNED',
  DELIVERED = 'DELIVERED',
  NOT_DELIVERED = 'NOT_DELIVERED',
  CANCELLED_DECEASED = 'CANCELLED_DECEASED',
}
registerEnumType(CelebrationStatusEnum, {
  name: 'CelebrationStatus',
  description: 'Tình trạng mừng thọ. / Status of a longevity celebration.',
  valuesConfig: {
    PLANNED: { description: 'Dự kiến (chưa trao). / Planned, not yet delivered.' },
    DELIVERED: { description: 'Đã trao quà. / Gift delivered.' },
    NOT_DELIVERED: { description: 'Không trao được (có lý do). / Not delivered, with a reason.' },
    CANCELLED_DECEASED: {
      description:
        'Hủy vì người được mừng thọ đã mất trước khi trao (do sổ đăng ký báo; không nhập tay). / Cancelled: the person died before it was delivered (set from the register, never by hand).',
    },
  },
});

export enum GiftLevelEnum {
  STATE_PRESIDENT = 'STATE_PRESIDENT',
  PROVINCE = 'PROVINCE',
  COMMUNE = 'COMMUNE',
}
registerEnumType(GiftLevelEnum, {
  name: 'GiftLevel',
  description: 'Cấp chúc thọ, tặng quà (Luật Người cao tuổi 2009, Điều 21). / Who congratulates and gives the gift.',
  valuesConfig: {
    STATE_PRESIDENT: { description: 'Chủ tịch nước (thọ 100 tuổi). / The State President (age 100).' },
    PROVINCE: {
      description:
        "Chủ tịch UBND tỉnh (thọ 90 tuổi; trên 100 tuổi theo tỉnh). / Provincial People's Committee chair (age 90; over 100 as the province sets).",
    },
    COMMUNE: { description: 'Cấp xã, Hội Người cao tuổi (70, 75, 80, 85, 95). / Commune and Association (70, 75, 80, 85, 95).' },
  },
});

@ObjectType({
  description: "Mừng thọ của một người trong một năm (tuổi tính theo năm). / A person's longevity celebration in a year (calendar age).",
})
export class LongevityCelebration {
  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field(() => Int, { description: 'Năm mừng thọ. / Celebration year.' })
  year!: number;

  @Field(() => Int, { description: 'Tuổi tính theo năm (năm mừng thọ - năm sinh). / Calendar age: year minus birth year.' })
  age!: number;

  @Field(() => GiftLevelEnum, {
    nullable: true,
    description: 'Cấp tặng quà (null khi tỉnh chưa có bảng). / Gift level, null when the province has no table.',
  })
  giftLevel!: GiftLevel | null;

  @Field(() => Int, { nullable: true, description: "Tiền quà (VND) theo bảng của tỉnh. / Cash gift in VND, from the province's table." })
  giftAmount!: number | null;

  @Field(() => String, { nullable: true, description: 'Văn bản quy định mức quà. / Legal act of the gift table.' })
  legalAct!: string | null;

  @Field(() => CelebrationStatusEnum, {
    description: 'Tình trạng (PLANNED khi chưa có ghi nhận). / Status, PLANNED when nothing is recorded.',
  })
  status!: CelebrationStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày trao quà. / Date delivered.' })
  deliveredOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Lý do chưa trao. / Reason it was not delivered.' })
  reason!: string | null;

  @Field(() => AdministrativeUnit, {
    nullable: true,
    description: 'Xã/phường đã ghi nhận (null khi chưa ghi nhận). / Commune that recorded it, null when nothing is recorded.',
  })
  commune!: AdministrativeUnit | null;

  communeCode!: string | null;
}

@ObjectType({ description: 'Quy định mừng thọ của một năm. / Longevity-celebration rule of a year.' })
export class LongevityCelebrationGift {
  @Field(() => Int, { description: 'Tuổi tính theo năm. / Calendar age.' })
  age!: number;

  @Field({ description: 'Áp dụng cho mọi tuổi từ tuổi này. / Applies to every age from this one.' })
  orOlder!: boolean;

  @Field(() => GiftLevelEnum, { description: 'Cấp tặng quà. / Gift level.' })
  level!: GiftLevel;

  @Field(() => Int, { description: 'Tiền quà (VND). / Cash gift, VND.' })
  amount!: number;
}

@ObjectType({ description: 'Các tuổi được mừng thọ và mức quà của một năm. / Celebrated ages and gifts of a year.' })
export class LongevityCelebrationRule {
  @Field(() => Int, { description: 'Năm. / Year.' })
  year!: number;

  @Field(() => [Int], { description: 'Các tuổi mừng thọ (tính theo năm): 70, 75, 80, 85, 90, 95. / Calendar ages celebrated once.' })
  calendarAges!: number[];

  @Field(() => Int, { description: 'Từ tuổi này mừng thọ hằng năm (100). / Every year from this calendar age (100).' })
  calendarAgeAtLeast!: number;

  @Field({ description: 'Căn cứ pháp lý về tuổi mừng thọ. / Legal basis of the ages.' })
  legalAct!: string;

  @Field(() => [LongevityCelebrationGift], {
    description: "Mức quà của tỉnh (rỗng khi tỉnh chưa có bảng). / The province's gifts, empty when none.",
  })
  gifts!: LongevityCelebrationGift[];

  @Field(() => String, { nullable: true, description: "Văn bản quy định mức quà của tỉnh. / Legal act of the province's gifts." })
  giftLegalAct!: string | null;
}

@InputType({ description: 'Ghi nhận mừng thọ (dự kiến, đã trao, chưa trao). / Record a celebration: planned, delivered or not delivered.' })
export class RecordCelebrationInput {
  @Field(() => ID, { description: 'Số định danh cá nhân (12 chữ số). / 12-digit citizen ID.' })
  citizenId!: string;

  @Field(() => Int, { description: 'Năm mừng thọ. / Celebration year.' })
  year!: number;

  @Field({ description: 'Mã xã/phường ghi nhận (5 chữ số). / 5-digit commune code of the recording commune.' })
  communeCode!: string;

  @Field(() => CelebrationStatusEnum, { description: 'Tình trạng. / Status.' })
  status!: CelebrationStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Ngày trao (bắt buộc khi DELIVERED). / Date delivered, required for DELIVERED.' })
  deliveredOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Lý do (bắt buộc khi NOT_DELIVERED, tối đa 300 ký tự). / Reason, required for NOT_DELIVERED, at most 300 characters.',
  })
  reason?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Ngày sinh theo hồ sơ của xã, chỉ để đối chiếu: tuổi tính theo sổ đăng ký; khác sổ thì bị từ chối (IDENTITY_MISMATCH). / Birth date as the commune has it, only compared: the age comes from the register; a different one is refused (IDENTITY_MISMATCH).',
  })
  birthDate?: string | null;
}

import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';

export enum AssociationDeathOutcomeEnum {
  APPLIED = 'APPLIED',
  ALREADY_APPLIED = 'ALREADY_APPLIED',
  NOT_DECEASED = 'NOT_DECEASED',
}
export type AssociationDeathOutcome = `${AssociationDeathOutcomeEnum}`;
registerEnumType(AssociationDeathOutcomeEnum, {
  name: 'AssociationDeathOutcome',
  description: 'Kết quả áp dụng một sự kiện tử vong ở Hội Người cao tuổi. / What applying a death did in the association.',
  valuesConfig: {
    APPLIED: {
      description:
        'Đã kết thúc tư cách hội viên, câu lạc bộ và hủy mừng thọ chưa trao. / Membership and club memberships ended, celebrations not delivered cancelled.',
    },
    ALREADY_APPLIED: { description: 'Đã áp dụng trước đó, không đổi gì. / Applied before; nothing changed.' },
    NOT_DECEASED: {
      description: 'Sổ đăng ký không ghi người này đã mất: không ghi gì. / The register has no death for this person; nothing written.',
    },
  },
});

@ObjectType({
  description:
    'Biên nhận của Hội Người cao tuổi cho một sự kiện tử vong từ sổ đăng ký. / The association’s receipt for a death event from the register.',
})
export class AssociationDeathReceipt {
  @Field(() => ID, { description: 'Mã sự kiện của sổ đăng ký. / The register’s event id.' })
  eventId!: string;

  @Field(() => ID, { description: 'Số định danh cá nhân. / Citizen ID.' })
  citizenId!: string;

  @Field(() => AssociationDeathOutcomeEnum, { description: 'Kết quả. / Outcome.' })
  outcome!: AssociationDeathOutcome;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày mất theo sổ đăng ký (null khi chưa mất). / The date of death per the register, null when none.',
  })
  deathDate!: string | null;

  @Field({ description: 'Tư cách hội viên kết thúc lần này (DECEASED). / Whether this call ended the membership (DECEASED).' })
  membershipEnded!: boolean;

  @Field(() => Int, { description: 'Số câu lạc bộ kết thúc tham gia lần này. / Club memberships this call ended.' })
  clubMembershipsEnded!: number;

  @Field(() => Int, {
    description: 'Số lần mừng thọ chưa trao bị hủy lần này (CANCELLED_DECEASED). / Celebrations not delivered that this call cancelled.',
  })
  celebrationsCancelled!: number;
}

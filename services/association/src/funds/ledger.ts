import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, DateScalar } from '@nct/subgraph-kit';
import type { EntryType, FundKind } from './ledger-entry.model';

export enum FundKindEnum {
  CLUB_INCOME_GENERATION = 'CLUB_INCOME_GENERATION',
  CLUB_ACTIVITY = 'CLUB_ACTIVITY',
  CARE = 'CARE',
}
registerEnumType(FundKindEnum, {
  name: 'FundKind',
  description: 'Loại quỹ. / Kind of fund.',
  valuesConfig: {
    CLUB_INCOME_GENERATION: { description: "Quỹ phát triển sinh kế của câu lạc bộ. / A club's income-generation fund." },
    CLUB_ACTIVITY: { description: "Quỹ hoạt động của câu lạc bộ. / A club's activity fund." },
    CARE: { description: 'Quỹ chăm sóc và phát huy vai trò người cao tuổi (tỉnh hoặc xã). / The care fund, of a province or commune.' },
  },
});

export enum EntryTypeEnum {
  CONTRIBUTION = 'CONTRIBUTION',
  DISBURSEMENT = 'DISBURSEMENT',
}
registerEnumType(EntryTypeEnum, {
  name: 'FundEntryType',
  description: 'Thu hay chi. / Contribution or disbursement.',
  valuesConfig: {
    CONTRIBUTION: { description: 'Thu (đóng góp). / Contribution.' },
    DISBURSEMENT: { description: 'Chi. / Disbursement.' },
  },
});

@ObjectType({ description: 'Một bút toán của sổ quỹ. / An entry of a fund book.' })
export class FundEntry {
  @Field(() => Int, { description: 'Số thứ tự trong sổ (1, 2, ...). / Position in the book.' })
  seq!: number;

  @Field({ description: 'Số tham chiếu do bên gửi đặt (duy nhất trong sổ). / Client reference, unique in the book.' })
  reference!: string;

  @Field(() => EntryTypeEnum, { description: 'Thu hay chi. / Contribution or disbursement.' })
  type!: EntryType;

  @Field(() => Float, { description: 'Số tiền (VND, dương), số nguyên VND. / Amount, positive VND, whole VND (may exceed 32-bit Int).' })
  amount!: number;

  @Field(() => Float, {
    description: 'Số dư sau bút toán (VND), số nguyên VND. / Balance after the entry, whole VND (may exceed 32-bit Int).',
  })
  balanceAfter!: number;

  @Field(() => DateScalar, { description: 'Ngày. / Date.' })
  date!: string;

  @Field({ description: 'Nội dung. / Description.' })
  description!: string;
}

@ObjectType({ description: 'Một trang bút toán. / A page of entries.' })
export class FundEntryConnection extends ConnectionType(FundEntry, 'FundEntry') {}

@ObjectType({ description: 'Sổ quỹ: số dư luôn bằng tổng các bút toán. / A fund book; its balance always equals the sum of its entries.' })
export class FundLedger {
  @Field(() => ID, { description: 'Mã sổ: <mã CLB>/INCOME_GENERATION, <mã CLB>/ACTIVITY, CARE/<mã đơn vị>. / Book ID.' })
  ledgerId!: string;

  @Field(() => FundKindEnum, { description: 'Loại quỹ. / Kind of fund.' })
  fund!: FundKind;

  @Field({ description: 'Mã câu lạc bộ hoặc mã đơn vị. / Club ID or unit code.' })
  ownerCode!: string;

  @Field(() => Float, { description: 'Số dư (VND), số nguyên VND. / Balance, VND, whole VND (may exceed 32-bit Int).' })
  balance!: number;

  @Field(() => Float, { description: 'Tổng thu, số nguyên VND. / Total contributions, whole VND (may exceed 32-bit Int).' })
  contributions!: number;

  @Field(() => Float, { description: 'Tổng chi, số nguyên VND. / Total disbursements, whole VND (may exceed 32-bit Int).' })
  disbursements!: number;

  @Field(() => Int, { description: 'Số bút toán. / Number of entries.' })
  entryCount!: number;
}

@InputType({
  description:
    'Sổ quỹ: quỹ câu lạc bộ (clubId) hoặc quỹ chăm sóc (unitCode). / A fund book: a club fund by clubId or the care fund by unitCode.',
})
export class FundRefInput {
  @Field(() => FundKindEnum, { description: 'Loại quỹ. / Kind of fund.' })
  fund!: FundKind;

  @Field(() => ID, { nullable: true, description: 'Mã câu lạc bộ (quỹ câu lạc bộ). / Club ID, for club funds.' })
  clubId?: string | null;

  @Field(() => String, { nullable: true, description: 'Mã tỉnh hoặc xã (quỹ chăm sóc). / Province or commune code, for the care fund.' })
  unitCode?: string | null;
}

@InputType({ description: 'Ghi một bút toán thu hoặc chi. / Record a contribution or a disbursement.' })
export class RecordFundEntryInput {
  @Field(() => FundRefInput, { description: 'Sổ quỹ. / The fund book.' })
  ledger!: FundRefInput;

  @Field({
    description:
      'Số tham chiếu (1-60 ký tự); gửi lại cùng nội dung không ghi thêm. / Client reference; sending the same entry again records nothing new.',
  })
  reference!: string;

  @Field(() => EntryTypeEnum, { description: 'Thu hay chi. / Contribution or disbursement.' })
  type!: EntryType;

  @Field(() => Float, { description: 'Số tiền (VND, dương), số nguyên VND. / Amount, positive VND, whole VND (may exceed 32-bit Int).' })
  amount!: number;

  @Field(() => DateScalar, { description: 'Ngày, không ở tương lai. / Date, not in the future.' })
  date!: string;

  @Field({ description: 'Nội dung (1-300 ký tự). / Description, 1-300 characters.' })
  description!: string;
}

import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Access, DateScalar } from '@nct/subgraph-kit';
import type { UnitKind, UnitLevel } from './administrative-unit.model';

export enum UnitKindEnum {
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  COMMUNE = 'COMMUNE',
  WARD = 'WARD',
  SPECIAL_ZONE = 'SPECIAL_ZONE',
  TOWNSHIP = 'TOWNSHIP',
}
registerEnumType(UnitKindEnum, {
  name: 'UnitKind',
  description: 'Loại đơn vị hành chính (tỉnh, huyện cũ, xã, phường, đặc khu, thị trấn cũ). / Kind of administrative unit.',
});

@ObjectType({ description: 'Liên kết kế thừa giữa đơn vị cũ và đơn vị mới. / A lineage link between an old and a new unit.' })
export class UnitLineage {
  @Field(() => ID, { description: 'Mã đơn vị cũ. / Code of the old unit.' })
  fromCode!: string;

  @Field(() => ID, { description: 'Mã đơn vị mới. / Code of the new unit.' })
  toCode!: string;

  @Field({ description: 'Văn bản pháp lý. / Legal act.' })
  legalAct!: string;

  @Field(() => DateScalar, { description: 'Ngày có hiệu lực. / Effective date.' })
  effectiveDate!: string;
}

@ObjectType({
  description:
    'Đơn vị hành chính (Quyết định 19/2025/QĐ-TTg): tỉnh 2 chữ số, xã 5 chữ số; huyện cũ 3 chữ số. / An administrative unit, keyed by its official code.',
})
@Directive('@key(fields: "code")')
export class AdministrativeUnit {
  @Field(() => ID, { description: 'Mã đơn vị. / Official code.' })
  code!: string;

  @Access('REFERENCE')
  @Field({ description: 'Tên đơn vị. / Name.' })
  name!: string;

  @Access('REFERENCE')
  @Field(() => UnitKindEnum)
  kind!: UnitKind;

  level!: UnitLevel;
  parentCode!: string | null;

  @Access('REFERENCE')
  @Field(() => DateScalar, { description: 'Có hiệu lực từ. / Valid from.' })
  validFrom!: string;

  @Access('REFERENCE')
  @Field(() => DateScalar, { nullable: true, description: 'Hết hiệu lực (null nếu còn hiệu lực). / Valid to, null while current.' })
  validTo!: string | null;

  @Access('REFERENCE')
  @Field({
    description:
      'Xã đặc biệt khó khăn vùng dân tộc thiểu số và miền núi hôm nay, theo danh sách có thời hạn (disadvantagedAreas; thôn đặc biệt khó khăn không làm cả xã thành đặc biệt khó khăn). / Especially disadvantaged ethnic-minority or mountain commune today, from the dated list (a listed village does not make its commune listed).',
  })
  disadvantaged!: boolean;

  @Access('REFERENCE')
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Xã miền núi, biên giới, hải đảo (Quyết định 1648/QĐ-TTg phân biệt). / Mountain, border or island unit (Decision 1648/QĐ-TTg).',
  })
  mountainous!: boolean | null;

  @Access('REFERENCE')
  @Field(() => [AdministrativeUnit], {
    nullable: true,
    description:
      'Các xã/phường/đặc khu hiện hành của tỉnh (null nếu không phải tỉnh). / Current communes of a province (null for other units).',
  })
  communes?: AdministrativeUnit[] | null;
}

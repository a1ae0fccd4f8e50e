import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';
import { AdministrativeUnit } from '../units/administrative-unit';
import type { AreaLevel } from './areas.model';

export enum AreaLevelEnum {
  COMMUNE = 'COMMUNE',
  VILLAGE = 'VILLAGE',
}
registerEnumType(AreaLevelEnum, {
  name: 'DisadvantagedLevel',
  description: 'Cấp được công nhận đặc biệt khó khăn: cả xã, hoặc một thôn. / What is listed: a whole commune, or one village.',
});

@ObjectType({
  description:
    'Một khoảng thời gian thuộc diện đặc biệt khó khăn, trong một giai đoạn cư trú, kèm văn bản quyết định. / A spell of especially disadvantaged status within a residence period, with the act that decided it.',
})
export class DisadvantagedSpell {
  @Field(() => DateScalar, { description: 'Từ ngày (không trước đầu giai đoạn cư trú). / From (not before the period starts).' })
  from!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Đến ngày (null: còn hiệu lực và giai đoạn cư trú chưa kết thúc). / To, null while both are open.',
  })
  to!: string | null;

  @Field(() => AreaLevelEnum, { description: 'Cả xã hay thôn nơi cư trú. / The whole commune or the village of residence.' })
  level!: AreaLevel;

  @Field({ description: 'Văn bản quyết định. / The act that decided it.' })
  legalAct!: string;
}

@ObjectType({
  description:
    'Thôn, bản, tổ dân phố của một xã/phường; mã = mã xã + "-" + số thứ tự 3 chữ số (03250-004). / A village (thôn, bản) or residential group of a commune; code = commune code, a dash, its 3-digit number.',
})
export class Village {
  @Field(() => ID, { description: 'Mã thôn (<mã xã>-NNN). / Village code.' })
  villageCode!: string;

  @Field({ description: 'Mã xã/phường. / Commune code.' })
  communeCode!: string;

  @Field({ description: 'Tên. / Name.' })
  name!: string;

  @Field(() => DateScalar, { description: 'Có hiệu lực từ. / In force from.' })
  from!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Hết hiệu lực (null nếu còn). / In force to, null while current.' })
  to!: string | null;
}

@ObjectType({
  description:
    'Một dòng của danh sách xã, thôn đặc biệt khó khăn, có thời hạn và văn bản quyết định. / One listing of the dated list of especially disadvantaged communes and villages.',
})
export class DisadvantagedArea {
  @Field(() => ID, { description: 'Mã dòng: <mã xã hoặc mã thôn>@<từ ngày>. / Listing id: <commune or village code>@<from>.' })
  id!: string;

  @Field(() => AreaLevelEnum)
  level!: AreaLevel;

  @Field({ description: 'Mã xã/phường (của thôn, nếu là thôn). / Commune code (the village’s commune for a village).' })
  unitCode!: string;

  @Field(() => String, { nullable: true, description: 'Mã thôn (null nếu cả xã). / Village code, null for a commune.' })
  villageCode!: string | null;

  @Field(() => DateScalar, { description: 'Từ ngày. / From.' })
  from!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Đến ngày (null: còn hiệu lực). / To, null while in force.' })
  to!: string | null;

  @Field({ description: 'Văn bản quyết định. / The act that decided it.' })
  legalAct!: string;

  @Field(() => AdministrativeUnit, { nullable: true, description: 'Xã/phường. / The commune.' })
  commune?: AdministrativeUnit | null;

  @Field(() => Village, { nullable: true, description: 'Thôn (null nếu cả xã). / The village, null for a commune.' })
  village?: Village | null;
}

@InputType({ description: 'Ghi một dòng vào danh sách đặc biệt khó khăn. / Add a listing to the especially disadvantaged list.' })
export class DisadvantagedAreaInput {
  @Field(() => AreaLevelEnum)
  level!: AreaLevel;

  @Field({ description: 'Mã xã/phường (5 chữ số). / 5-digit commune code.' })
  unitCode!: string;

  @Field(() => String, { nullable: true, description: 'Mã thôn, khi level = VILLAGE. / Village code, for a VILLAGE listing.' })
  villageCode?: string | null;

  @Field(() => DateScalar, { description: 'Từ ngày. / From.' })
  from!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Đến ngày (bỏ trống: chưa hết hạn). / To, empty while in force.' })
  to?: string | null;

  @Field({ description: 'Văn bản quyết định (số, ngày, cơ quan). / The act: number, date, issuing body.' })
  legalAct!: string;
}

@InputType({ description: 'Ghi một thôn mới của một xã. / Record a new village of a commune.' })
export class VillageInput {
  @Field({ description: 'Mã thôn <mã xã>-NNN. / Village code <commune code>-NNN.' })
  villageCode!: string;

  @Field({ description: 'Tên. / Name.' })
  name!: string;

  @Field(() => DateScalar, { description: 'Có hiệu lực từ. / In force from.' })
  from!: string;
}

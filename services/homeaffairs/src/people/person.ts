import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Access, ConnectionType, DateScalar, SexEnum } from '@nct/subgraph-kit';
import { AdministrativeUnit } from '../units/administrative-unit';
import { DisadvantagedSpell } from '../areas/areas';
import type { Sex } from './person.model';

@ObjectType({
  description:
    'Một giai đoạn cư trú (ngày tính cả hai đầu; to = null: hiện tại). / One residence period (inclusive dates; to null while current).',
})
export class ResidencePeriod {
  @Field({ description: 'Mã xã/phường (có hiệu lực vào ngày from). / Commune code, in force on `from`.' })
  communeCode!: string;

  @Field(() => String, { nullable: true, description: 'Mã thôn (<mã xã>-NNN), nếu biết. / Village code, when known.' })
  villageCode!: string | null;

  @Field(() => DateScalar, { description: 'Từ ngày. / From.' })
  from!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Đến ngày (null: hiện tại). / To, null while current.' })
  to!: string | null;

  @Field(() => AdministrativeUnit, { nullable: true, description: 'Xã/phường. / The commune.' })
  commune?: AdministrativeUnit | null;

  @Field(() => [DisadvantagedSpell], {
    description:
      'Các khoảng thời gian xã hoặc thôn nơi cư trú thuộc diện đặc biệt khó khăn trong giai đoạn này, kèm văn bản. / The spells of especially disadvantaged status of the commune or village within this period, with their acts.',
  })
  disadvantaged?: DisadvantagedSpell[];
}

@ObjectType({
  description:
    'Người cao tuổi trong sổ đăng ký cư trú (Sở Nội vụ là chủ sở hữu danh tính); các cơ quan khác bổ sung trường của mình. / An elderly person: identity owned by home affairs, other agencies add their fields.',
})
@Directive('@key(fields: "citizenId")')
export class Person {
  @Field(() => ID, { description: 'Số định danh cá nhân (12 chữ số). / 12-digit citizen ID.' })
  citizenId!: string;

  @Access('IDENTITY')
  @Field({ description: 'Họ và tên. / Full name, as written (NFC).' })
  fullName!: string;

  @Access('IDENTITY')
  @Field(() => DateScalar, { description: 'Ngày sinh. / Birth date.' })
  birthDate!: string;

  @Access('IDENTITY')
  @Field(() => SexEnum)
  sex!: Sex;

  @Access('IDENTITY')
  @Field({ description: 'Dân tộc. / Ethnicity.' })
  ethnicity!: string;

  @Access('IDENTITY')
  @Field(() => Int, {
    description: 'Tuổi tròn hôm nay (giờ Việt Nam), hoặc tuổi khi mất. / Age in full years today (Vietnam time), or at death.',
  })
  age!: number;

  @Access('IDENTITY')
  @Field(() => AdministrativeUnit, { description: 'Xã/phường nơi cư trú hiện nay. / Current residence commune.' })
  residence!: AdministrativeUnit;

  @Access('IDENTITY')
  @Field(() => [ResidencePeriod], {
    nullable: true,
    description:
      'Quá trình cư trú, cũ trước; giai đoạn cuối là nơi cư trú hiện tại. / Residence history, oldest first; the last period is the current residence.',
  })
  residenceHistory?: ResidencePeriod[] | null;

  @Access('IDENTITY')
  @Field(() => DateScalar, { nullable: true, description: 'Ngày mất. / Date of death.' })
  deathDate!: string | null;

  @Access('IDENTITY')
  @Field(() => String, {
    nullable: true,
    description: 'Mã đơn vị cũ (trước 01/7/2025) khi hồ sơ được lập. / Pre-July-2025 unit code the record was made under.',
  })
  legacyUnitCode!: string | null;

  communeCode!: string;
}

@InputType({ description: 'Bộ lọc danh sách người cao tuổi. / Filter for the list of people.' })
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Mã xã/phường (5 chữ số). / 5-digit commune code.' })
  communeCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Tuổi tối thiểu (tròn, hôm nay). / Minimum age today.' })
  minAge?: number | null;

  @Field(() => Int, { nullable: true, description: 'Tuổi tối đa (tròn, hôm nay). / Maximum age today.' })
  maxAge?: number | null;

  @Field(() => SexEnum, { nullable: true })
  sex?: Sex | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: chỉ người còn sống; false: chỉ người đã mất; bỏ trống: tất cả. / true: living only; false: deceased only; empty: all.',
  })
  alive?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Tìm theo tên, không phân biệt dấu ("nguyen van an"). / Name search, diacritics-insensitive.',
  })
  nameContains?: string | null;
}

@ObjectType({ description: 'Một trang người cao tuổi. / A page of people.' })
export class PersonConnection extends ConnectionType(Person, 'Person') {}

@InputType({ description: 'Đăng ký một người vào sổ. / Register a person.' })
export class RegisterPersonInput {
  @Field(() => ID)
  citizenId!: string;

  @Field()
  fullName!: string;

  @Field(() => DateScalar)
  birthDate!: string;

  @Field(() => SexEnum)
  sex!: Sex;

  @Field({ defaultValue: 'Kinh' })
  ethnicity!: string;

  @Field({ description: 'Mã xã/phường hiện hành (5 chữ số). / Current 5-digit commune code.' })
  communeCode!: string;

  @Field(() => String, { nullable: true, description: 'Mã thôn nơi cư trú (<mã xã>-NNN). / Village of residence.' })
  villageCode?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Cư trú tại xã này từ ngày (mặc định: ngày sinh, hoặc ngày xã được thành lập nếu muộn hơn). / Resident in this commune since (default: the birth date, or the day the commune was formed if later).',
  })
  residentSince?: string | null;
}

@InputType({
  description: 'Sửa thông tin một người trong sổ (chỉ các trường được nêu). / Correct a register entry (only the fields given).',
})
export class CorrectPersonInput {
  @Field(() => String, { nullable: true, description: 'Họ và tên. / Full name.' })
  fullName?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Ngày sinh (phải khớp số định danh). / Birth date (must agree with the citizen ID).',
  })
  birthDate?: string | null;

  @Field(() => SexEnum, { nullable: true, description: 'Giới tính (phải khớp số định danh). / Sex (must agree with the citizen ID).' })
  sex?: Sex | null;

  @Field(() => String, { nullable: true, description: 'Dân tộc. / Ethnicity.' })
  ethnicity?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Xã/phường cư trú hiện hành (5 chữ số); hồ sơ chuyển sang mã hiện hành. / Current residence commune; the record moves onto the current code.',
  })
  communeCode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: bỏ mã đơn vị cũ (trước 01/7/2025) của hồ sơ. / true: take the record off its pre-July-2025 unit code.',
  })
  clearLegacyUnitCode?: boolean | null;
}

import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@nct/subgraph-kit';
import type { RecognitionLevel } from './recognition.model';

export enum RecognitionLevelEnum {
  COMMUNE = 'COMMUNE',
  PROVINCE = 'PROVINCE',
  CENTRAL = 'CENTRAL',
}
registerEnumType(RecognitionLevelEnum, {
  name: 'RecognitionLevel',
  description: 'Cấp khen "Tuổi cao - Gương sáng". / Level of an exemplary-elderly recognition.',
  valuesConfig: {
    COMMUNE: { description: 'Cấp xã. / Commune.' },
    PROVINCE: { description: 'Cấp tỉnh. / Province.' },
    CENTRAL: { description: 'Trung ương Hội. / Central Association.' },
  },
});

@ObjectType({
  description: 'Khen thưởng phong trào "Tuổi cao - Gương sáng". / An exemplary-elderly ("Tuổi cao - Gương sáng") recognition.',
})
export class ExemplaryRecognition {
  @Field(() => ID, { description: 'Số định danh. / Citizen ID.' })
  citizenId!: string;

  @Field(() => Int, { description: 'Năm. / Year.' })
  year!: number;

  @Field(() => RecognitionLevelEnum, { description: 'Cấp khen. / Level.' })
  level!: RecognitionLevel;

  @Field({ description: 'Số quyết định. / Decision number.' })
  decisionNumber!: string;

  @Field(() => DateScalar, { description: 'Ngày quyết định. / Decision date.' })
  decisionDate!: string;

  @Field({ description: 'Mã xã/phường. / Commune code.' })
  communeCode!: string;
}

@InputType({ description: 'Ghi nhận khen thưởng "Tuổi cao - Gương sáng". / Record an exemplary-elderly recognition.' })
export class RecordRecognitionInput {
  @Field(() => ID, { description: 'Số định danh (12 chữ số). / 12-digit citizen ID.' })
  citizenId!: string;

  @Field(() => Int, { description: 'Năm khen (bằng năm của ngày quyết định). / Year, that of the decision.' })
  year!: number;

  @Field(() => RecognitionLevelEnum, { description: 'Cấp khen. / Level.' })
  level!: RecognitionLevel;

  @Field({ description: 'Số quyết định (1-50 ký tự). / Decision number.' })
  decisionNumber!: string;

  @Field(() => DateScalar, { description: 'Ngày quyết định, không ở tương lai. / Decision date, not in the future.' })
  decisionDate!: string;

  @Field({ description: 'Mã xã/phường (5 chữ số). / 5-digit commune code.' })
  communeCode!: string;
}

import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

/**
 * Sex as recorded in the resident register. Declared once here because more than one
 * subgraph takes it as input (an enum used in input must be identical across subgraphs).
 */
export enum SexEnum {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(SexEnum, { name: 'Sex', description: 'Giới tính. / Sex as recorded in the register.' });

export type Sex = `${SexEnum}`;

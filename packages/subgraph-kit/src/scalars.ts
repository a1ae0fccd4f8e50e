import { GraphQLScalarType, Kind } from 'graphql';
import { BadUserInputError } from '@nct/errors';
import { isIsoDate, isIsoMonth } from '@nct/dates';

function scalar(name: string, description: string, check: (v: unknown) => v is string, example: string) {
  const parse = (value: unknown): string => {
    if (!check(value)) {
      throw new BadUserInputError({
        vi: `Giá trị ${name} không hợp lệ: ${JSON.stringify(value)?.slice(0, 40)} (ví dụ đúng: ${example})`,
        en: `Invalid ${name}: ${JSON.stringify(value)?.slice(0, 40)} (expected e.g. ${example})`,
      });
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => {
      if (!check(value)) throw new TypeError(`${name} cannot represent ${String(value)}`);
      return value;
    },
    parseValue: parse,
    parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

export const DateScalar = scalar(
  'Date',
  'Ngày theo ISO 8601 (YYYY-MM-DD), không có giờ. / A calendar date, ISO 8601 YYYY-MM-DD, no time.',
  isIsoDate,
  '1950-06-06',
);

export const MonthScalar = scalar('Month', 'Tháng theo ISO 8601 (YYYY-MM). / A calendar month, ISO 8601 YYYY-MM.', isIsoMonth, '2025-07');

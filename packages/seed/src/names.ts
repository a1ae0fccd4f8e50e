/**
 * Vietnamese personal-name data (NFC) and a name builder. Kinh names follow the national
 * family-name distribution (Nguyễn ~38%); ethnic-minority people get family names common in
 * their group in the north-west (Thái: Lò, Lường, Tòng...; Mông: Giàng, Sùng, Vàng...).
 */
import { WeightedTable, type Rng } from './rng';
import type { Sex } from './types';

const nfc = (s: string): string => s.normalize('NFC');
const table = (entries: ReadonlyArray<readonly [string, number]>): WeightedTable<string> =>
  new WeightedTable(entries.map(([s, w]) => [nfc(s), w] as const));

/** Kinh family names, weights in percent (approximate national shares). */
export const KINH_FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 4.5],
  ['Huỳnh', 1.2],
  ['Phan', 4.5],
  ['Vũ', 3.5],
  ['Võ', 1.5],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.9],
  ['Đào', 0.8],
  ['Trịnh', 0.7],
  ['Lương', 0.6],
  ['Mai', 0.5],
  ['Cao', 0.5],
  ['Tạ', 0.4],
  ['Lâm', 0.4],
  ['Hà', 0.6],
];

const KINH_FAMILY = table(KINH_FAMILY_NAMES);

const ETHNIC_FAMILY: Record<string, WeightedTable<string>> = {
  Thái: table([
    ['Lò', 25],
    ['Lường', 15],
    ['Tòng', 12],
    ['Quàng', 10],
    ['Cầm', 8],
    ['Điêu', 8],
    ['Vì', 7],
    ['Hoàng', 8],
    ['Lê', 7],
  ]),
  Mông: table([
    ['Giàng', 22],
    ['Sùng', 16],
    ['Vàng', 16],
    ['Thào', 14],
    ['Hạng', 10],
    ['Mùa', 8],
    ['Lù', 7],
    ['Ly', 7],
  ]),
  Dao: table([
    ['Triệu', 25],
    ['Tẩn', 20],
    ['Chảo', 15],
    ['Phàn', 15],
    ['Lý', 15],
    ['Đặng', 10],
  ]),
  'Hà Nhì': table([
    ['Lỳ', 30],
    ['Chu', 25],
    ['Pờ', 20],
    ['Phu', 15],
    ['Lò', 10],
  ]),
  Giáy: table([
    ['Hoàng', 25],
    ['Lù', 20],
    ['Vàng', 20],
    ['Lò', 15],
    ['Sần', 10],
    ['Ly', 10],
  ]),
  Tày: table([
    ['Hoàng', 25],
    ['Nông', 20],
    ['Lương', 15],
    ['Ma', 15],
    ['Hà', 15],
    ['Triệu', 10],
  ]),
  Nùng: table([
    ['Hoàng', 25],
    ['Nông', 20],
    ['Lăng', 15],
    ['Vi', 15],
    ['Lục', 15],
    ['Triệu', 10],
  ]),
  Lự: table([
    ['Lò', 40],
    ['Tao', 30],
    ['Chang', 30],
  ]),
  'Khơ Mú': table([
    ['Lò', 35],
    ['Vì', 25],
    ['Lường', 20],
    ['Cút', 20],
  ]),
};

const MIDDLE_MALE = table([
  ['Văn', 55],
  ['Đức', 8],
  ['Hữu', 7],
  ['Minh', 6],
  ['Quang', 5],
  ['Công', 5],
  ['Xuân', 4],
  ['Ngọc', 3],
  ['Đình', 4],
  ['Thanh', 3],
]);
const MIDDLE_FEMALE = table([
  ['Thị', 72],
  ['Ngọc', 6],
  ['Thu', 5],
  ['Kim', 4],
  ['Minh', 3],
  ['Thanh', 4],
  ['Hồng', 3],
  ['Bích', 3],
]);
/** Ethnic-minority middle names are mostly 'Văn' / 'Thị' in civil records. */
const MIDDLE_MALE_MINORITY = table([
  ['Văn', 80],
  ['A', 12],
  ['Seo', 8],
]);
const MIDDLE_FEMALE_MINORITY = table([
  ['Thị', 85],
  ['Mí', 8],
  ['Thu', 7],
]);

const GIVEN_MALE = table([
  ['Hùng', 5],
  ['Dũng', 5],
  ['Thắng', 4],
  ['Hải', 4],
  ['Tuấn', 4],
  ['Sơn', 4],
  ['Minh', 4],
  ['Hòa', 3],
  ['Bình', 4],
  ['Cường', 3],
  ['Lâm', 2],
  ['Phúc', 2],
  ['Quý', 2],
  ['Thành', 4],
  ['Toàn', 2],
  ['Trung', 3],
  ['Vinh', 3],
  ['Long', 3],
  ['Nam', 3],
  ['Khánh', 2],
  ['Tiến', 3],
  ['Hưng', 3],
  ['Đạt', 2],
  ['Lợi', 2],
  ['Chiến', 2],
  ['Thịnh', 2],
  ['Tâm', 2],
  ['Hiếu', 2],
  ['Lộc', 2],
  ['Quang', 2],
  ['Phong', 2],
  ['Kiên', 2],
]);
const GIVEN_FEMALE = table([
  ['Lan', 5],
  ['Hương', 5],
  ['Hoa', 5],
  ['Mai', 4],
  ['Hằng', 4],
  ['Nga', 4],
  ['Thủy', 4],
  ['Hà', 4],
  ['Liên', 3],
  ['Loan', 3],
  ['Tuyết', 3],
  ['Cúc', 3],
  ['Huệ', 3],
  ['Yến', 3],
  ['Nhung', 3],
  ['Thảo', 3],
  ['Dung', 3],
  ['Phương', 3],
  ['Oanh', 2],
  ['Hạnh', 3],
  ['Xuân', 2],
  ['Vân', 3],
  ['Hồng', 3],
  ['Thu', 3],
  ['Bích', 2],
  ['Ngọc', 2],
  ['Tâm', 2],
  ['Nhàn', 2],
  ['Sen', 2],
  ['Đào', 2],
  ['Lý', 2],
  ['Thơm', 2],
]);
const GIVEN_MALE_MINORITY = table([
  ['Sình', 4],
  ['Páo', 4],
  ['Chứ', 3],
  ['Dế', 3],
  ['Lả', 3],
  ['Pó', 3],
  ['Khiêm', 2],
  ['Ún', 3],
  ['Xuân', 2],
  ['Phin', 3],
  ['Cương', 2],
  ['Chai', 3],
  ['Sài', 3],
  ['Vàng', 2],
  ['Dũng', 2],
  ['Thanh', 2],
  ['Pao', 3],
]);
const GIVEN_FEMALE_MINORITY = table([
  ['Mỷ', 4],
  ['Dợ', 3],
  ['Lả', 3],
  ['Xuân', 2],
  ['Sua', 3],
  ['Pàng', 3],
  ['Chía', 3],
  ['Mai', 2],
  ['Ón', 3],
  ['Phương', 2],
  ['Nga', 2],
  ['Dung', 2],
  ['Inh', 3],
  ['Ngân', 2],
  ['Xé', 3],
  ['Chỉa', 3],
  ['Lan', 2],
]);

/** Builds an NFC full name "Family Middle Given" for a person of the given ethnicity and sex. */
export function makeFullName(rng: Rng, ethnicity: string, sex: Sex): string {
  const female = sex === 'FEMALE';
  const minorityTable = ETHNIC_FAMILY[ethnicity];
  if (ethnicity === 'Kinh' || !minorityTable) {
    return `${KINH_FAMILY.pick(rng)} ${(female ? MIDDLE_FEMALE : MIDDLE_MALE).pick(rng)} ${(female ? GIVEN_FEMALE : GIVEN_MALE).pick(rng)}`;
  }
  const middle = (female ? MIDDLE_FEMALE_MINORITY : MIDDLE_MALE_MINORITY).pick(rng);
  const given = (female ? GIVEN_FEMALE_MINORITY : GIVEN_MALE_MINORITY).pick(rng);
  return `${minorityTable.pick(rng)} ${middle} ${given}`;
}

/** Ethnic-minority mix for Lai Châu-like communes (percent weights). */
export const MINORITY_ETHNICITIES: ReadonlyArray<readonly [string, number]> = [
  ['Thái', 34],
  ['Mông', 30],
  ['Dao', 13],
  ['Hà Nhì', 6],
  ['Giáy', 5],
  ['Tày', 4],
  ['Nùng', 3],
  ['Lự', 2],
  ['Khơ Mú', 3],
].map(([s, w]) => [nfc(s as string), w as number] as const);

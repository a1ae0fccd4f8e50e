/**
 * Citizen ID (số định danh cá nhân, printed on the CCCD card): 12 digits.
 * Circular 59/2021/TT-BCA, Art. 7:
 *  - digits 1-3: province (of the 63 pre-2025 provinces) where the birth was registered;
 *  - digit 4: century and sex: 1900s 0 male / 1 female, 2000s 2 / 3, 2100s 4 / 5,
 *    2200s 6 / 7, 2300s 8 / 9;
 *  - digits 5-6: last two digits of the birth year;
 *  - digits 7-12: random.
 * The prefix says where the birth was registered, not where the person lives now.
 */
export type Sex = 'MALE' | 'FEMALE';

export const CITIZEN_ID_LENGTH = 12;

/** Birth-registration province codes of the 63 pre-2025 provinces (Circular 59/2021, Annex I). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '001',
  '002',
  '004',
  '006',
  '008',
  '010',
  '011',
  '012',
  '014',
  '015',
  '017',
  '019',
  '020',
  '022',
  '024',
  '025',
  '026',
  '027',
  '030',
  '031',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '040',
  '042',
  '044',
  '045',
  '046',
  '048',
  '049',
  '051',
  '052',
  '054',
  '056',
  '058',
  '060',
  '062',
  '064',
  '066',
  '067',
  '068',
  '070',
  '072',
  '074',
  '075',
  '077',
  '079',
  '080',
  '082',
  '083',
  '084',
  '086',
  '087',
  '089',
  '091',
  '092',
  '093',
  '094',
  '095',
  '096',
]);

const CENTURY_BASE = [1900, 2000, 2100, 2200, 2300] as const;

export interface CitizenIdParts {
  provinceCode: string;
  sex: Sex;
  /** First possible birth year of the century digit, e.g. 1900. */
  century: number;
  /** Full birth year as encoded (century + two digits). */
  birthYear: number;
  serial: string;
}

export type CitizenIdProblem = 'NOT_12_DIGITS' | 'UNKNOWN_PROVINCE' | 'BIRTH_YEAR_MISMATCH' | 'SEX_MISMATCH';

/** Shape check only: 12 ASCII digits. */
export function isCitizenIdShape(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9]{12}$/.test(value);
}

/** Splits a well-shaped ID into its parts, or returns null when it is not 12 digits. */
export function parseCitizenId(value: string): CitizenIdParts | null {
  if (!isCitizenIdShape(value)) return null;
  const digit4 = Number(value[3]);
  const century = CENTURY_BASE[Math.floor(digit4 / 2)];
  return {
    provinceCode: value.slice(0, 3),
    sex: digit4 % 2 === 0 ? 'MALE' : 'FEMALE',
    century,
    birthYear: century + Number(value.slice(4, 6)),
    serial: value.slice(6),
  };
}

/**
 * Every problem with an ID, given what the register says about the person.
 * An empty list means the ID is consistent.
 */
export function checkCitizenId(value: string, person?: { birthDate?: string; sex?: Sex }): CitizenIdProblem[] {
  const parts = parseCitizenId(value);
  if (!parts) return ['NOT_12_DIGITS'];
  const problems: CitizenIdProblem[] = [];
  if (!PROVINCE_CODES.has(parts.provinceCode)) problems.push('UNKNOWN_PROVINCE');
  if (person?.birthDate && Number(person.birthDate.slice(0, 4)) !== parts.birthYear) problems.push('BIRTH_YEAR_MISMATCH');
  if (person?.sex && person.sex !== parts.sex) problems.push('SEX_MISMATCH');
  return problems;
}

export const PROBLEM_MESSAGES: Record<CitizenIdProblem, { vi: string; en: string }> = {
  NOT_12_DIGITS: {
    vi: 'Số định danh cá nhân phải gồm đúng 12 chữ số',
    en: 'A citizen ID must be exactly 12 digits',
  },
  UNKNOWN_PROVINCE: {
    vi: 'Ba chữ số đầu của số định danh không phải mã tỉnh hợp lệ',
    en: 'The first three digits of the citizen ID are not a valid province code',
  },
  BIRTH_YEAR_MISMATCH: {
    vi: 'Chữ số thứ 4-6 của số định danh không khớp với năm sinh',
    en: 'Digits 4-6 of the citizen ID do not match the birth year',
  },
  SEX_MISMATCH: {
    vi: 'Chữ số thứ 4 của số định danh không khớp với giới tính',
    en: 'Digit 4 of the citizen ID does not match the sex',
  },
};

/** Builds an ID from its parts (seed data and tests). `serial` is 0..999999. */
export function makeCitizenId(provinceCode: string, sex: Sex, birthYear: number, serial: number): string {
  const centuryIndex = CENTURY_BASE.findIndex((c) => birthYear >= c && birthYear < c + 100);
  if (centuryIndex < 0) throw new RangeError(`birth year ${birthYear} outside 1900-2399`);
  if (!/^[0-9]{3}$/.test(provinceCode)) throw new RangeError(`province code ${provinceCode} is not 3 digits`);
  if (!Number.isInteger(serial) || serial < 0 || serial > 999_999) throw new RangeError(`serial ${serial} outside 0-999999`);
  const digit4 = centuryIndex * 2 + (sex === 'FEMALE' ? 1 : 0);
  return `${provinceCode}${digit4}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;
}

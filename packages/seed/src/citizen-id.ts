/**
 * Local citizen-ID (số định danh cá nhân / CCCD) construction and checks, kept inside this
 * package on purpose so the seed does not depend on @nct/citizen-id.
 *
 * 12 digits: 1-3 birth-registration province (old 63-province codes), 4 century + sex
 * (1900s: 0 male / 1 female; 2000s: 2 / 3; 1800s: 8/9 is not needed here), 5-6 last two digits
 * of the birth year, 7-12 random.
 */
import type { Rng } from './rng';
import type { Sex } from './types';
// Module-level aliases: global lookups are slow inside jest's vm sandbox, locals are not.
const { floor } = Math;

/** The 63 pre-2025 province codes used as citizen-ID prefixes. */
export const OLD_PROVINCE_CODES: readonly string[] = [
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022',
  '024', '025', '026', '027', '030', '031', '033', '034', '035', '036', '037', '038', '040', '042',
  '044', '045', '046', '048', '049', '051', '052', '054', '056', '058', '060', '062', '064', '066',
  '067', '068', '070', '072', '074', '075', '077', '079', '080', '082', '083', '084', '086', '087',
  '089', '091', '092', '093', '094', '095', '096',
];

const OLD_CODE_SET = new Set(OLD_PROVINCE_CODES);

export function centurySexDigit(birthYear: number, sex: Sex): string {
  const female = sex === 'FEMALE' ? 1 : 0;
  if (birthYear >= 1900 && birthYear <= 1999) return `${female}`;
  if (birthYear >= 2000 && birthYear <= 2099) return `${2 + female}`;
  if (birthYear >= 2100 && birthYear <= 2199) return `${4 + female}`;
  if (birthYear >= 2200 && birthYear <= 2299) return `${6 + female}`;
  if (birthYear >= 1800 && birthYear <= 1899) return `${8 + female}`;
  throw new RangeError(`birth year out of range: ${birthYear}`);
}

/** Builds a citizen ID from its parts; `serial` is the 6-digit random tail (0..999999). */
export function buildCitizenId(provinceCode: string, birthYear: number, sex: Sex, serial: number): string {
  if (!OLD_CODE_SET.has(provinceCode)) throw new RangeError(`unknown old province code: ${provinceCode}`);
  if (!Number.isInteger(serial) || serial < 0 || serial > 999_999) throw new RangeError(`bad serial: ${serial}`);
  const yy = `${birthYear % 100}`.padStart(2, '0');
  return `${provinceCode}${centurySexDigit(birthYear, sex)}${yy}${`${serial}`.padStart(6, '0')}`;
}

/**
 * Issues citizen IDs that are unique within one generator run (one shared instance per seed,
 * so register people and generated club members never collide).
 */
export class CitizenIdIssuer {
  private readonly issued = new Set<string>();

  issue(rng: Rng, provinceCode: string, birthYear: number, sex: Sex): string {
    for (;;) {
      const id = buildCitizenId(provinceCode, birthYear, sex, floor(rng.next() * 1_000_000));
      if (!this.issued.has(id)) {
        this.issued.add(id);
        return id;
      }
    }
  }

  get size(): number {
    return this.issued.size;
  }
}

/** Shape check plus consistency of digits 4-6 with birth date and sex. */
export function isConsistentCitizenId(id: string, birthDate: string, sex: Sex): boolean {
  if (!/^\d{12}$/.test(id)) return false;
  if (!OLD_CODE_SET.has(id.slice(0, 3))) return false;
  const year = Number(birthDate.slice(0, 4));
  let expected: string;
  try {
    expected = centurySexDigit(year, sex);
  } catch {
    return false;
  }
  return id[3] === expected && id.slice(4, 6) === String(year % 100).padStart(2, '0');
}

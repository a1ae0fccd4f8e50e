/**
 * Citizen IDs for the seed: built and checked by @nct/citizen-id (the one implementation of
 * Circular 59/2021's rules), made unique per generator run here.
 */
import { checkCitizenId, makeCitizenId, PROVINCE_CODES } from '@nct/citizen-id';
import type { Rng } from './rng';
import type { Sex } from './types';
// Module-level alias: global lookups are slow inside jest's vm sandbox, locals are not.
const { floor } = Math;

/** The 63 pre-2025 province codes used as citizen-ID prefixes. */
export const OLD_PROVINCE_CODES: readonly string[] = [...PROVINCE_CODES];

/** Builds a citizen ID from its parts; `serial` is the 6-digit random tail (0..999999). */
export function buildCitizenId(provinceCode: string, birthYear: number, sex: Sex, serial: number): string {
  if (!PROVINCE_CODES.has(provinceCode)) throw new RangeError(`unknown old province code: ${provinceCode}`);
  return makeCitizenId(provinceCode, sex, birthYear, serial);
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

/** Shape, province prefix, and digits 4-6 consistent with birth year and sex. */
export function isConsistentCitizenId(id: string, birthDate: string, sex: Sex): boolean {
  return checkCitizenId(id, { birthDate, sex }).length === 0;
}

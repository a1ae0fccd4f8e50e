import type { Problem } from './problems';

/**
 * Checks on values several subgraphs take as input, returning Problems (empty: fine) so a
 * caller can collect every problem of an input before refusing it. Checks that throw at
 * once on a single argument (citizen ID, date, text, page size) are in
 * `@nct/subgraph-kit` (args.ts, pagination.ts).
 */

/** A commune (xã/phường) code: 5 digits (Decision 19/2025/QĐ-TTg). */
export const COMMUNE_CODE = /^\d{5}$/;

/** A problem unless `value` is a 5-digit commune code. */
export function communeCodeProblems(value: string, field = 'communeCode'): Problem[] {
  return COMMUNE_CODE.test(value) ? [] : [{ field, vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' }];
}

/** A whole, positive number of VND up to 100 million: a monthly amount a table may hold. */
export function isPositiveVnd(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 100_000_000;
}

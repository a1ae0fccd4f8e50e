import { refuse, type Problem } from '@nct/rules';

/** A fact a caller asserted that the register does not confirm. */
export interface Mismatch {
  field: string;
  given: string | boolean;
  register: string | boolean | null;
}

const shown = (v: string | boolean | null, none: string) => (v === null ? none : String(v));

/**
 * Refuses (BAD_USER_INPUT, reason IDENTITY_MISMATCH) when a caller's assertions differ from the
 * register: each field is named with both values (docs/consistency.md section 3). Nothing is
 * refused when there is no mismatch.
 */
export function refuseMismatches(mismatches: readonly Mismatch[]): void {
  if (!mismatches.length) return;
  const problems: Problem[] = mismatches.map((m) => ({
    field: m.field,
    problem: 'IDENTITY_MISMATCH',
    vi: `${m.field}: nhập ${shown(m.given, 'trống')}, sổ đăng ký ghi ${shown(m.register, 'không có')}`,
    en: `${m.field}: given ${shown(m.given, 'nothing')}, the register has ${shown(m.register, 'none')}`,
  }));
  refuse(problems, { reason: 'IDENTITY_MISMATCH', mismatches: mismatches.map((m) => ({ ...m })) });
}

/**
 * Unit codes (Decision 19/2025/QĐ-TTg on the list of administrative units): provinces 2
 * digits, communes/wards/special zones 5 digits; abolished districts kept their 3-digit codes.
 */
export type CodeLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

export function codeLevel(code: string): CodeLevel | null {
  if (/^\d{2}$/.test(code)) return 'PROVINCE';
  if (/^\d{3}$/.test(code)) return 'DISTRICT';
  if (/^\d{5}$/.test(code)) return 'COMMUNE';
  return null;
}

export function isCommuneCode(code: string): boolean {
  return codeLevel(code) === 'COMMUNE';
}

/** Whether a unit is in force on a date (validFrom inclusive, validTo inclusive). */
export function isValidOn(unit: { validFrom: string; validTo: string | null }, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || date <= unit.validTo);
}

export interface LineageUnit {
  code: string;
  validFrom: string;
  validTo: string | null;
}

export interface LineageLink {
  fromCode: string;
  toCode: string;
  effectiveDate: string;
}

/** Reads units by code and the lineage links leaving them (one step of the walk). */
export type LineageFetch = (codes: readonly string[]) => Promise<{ units: LineageUnit[]; links: LineageLink[] }>;

/** A lineage chain longer than this is a data error (a cycle is cut by `seen` anyway). */
export const MAX_LINEAGE_DEPTH = 20;

/**
 * The unit(s) in force on `onDate` that `code` stands for: the unit itself when it is in
 * force then; otherwise the successors reached through lineage links effective on or before
 * `onDate`, followed through chains (old commune -> merged commune -> today's commune).
 * A split unit gives several; merged ones give one. `known` is false for a code that is
 * neither a unit nor the start of a link (null result in the API).
 */
export async function resolveLineage(code: string, onDate: string, fetch: LineageFetch): Promise<{ known: boolean; codes: string[] }> {
  const result = new Set<string>();
  const seen = new Set<string>([code]);
  let frontier = [code];
  let known = false;
  for (let depth = 0; frontier.length > 0 && depth <= MAX_LINEAGE_DEPTH; depth++) {
    const { units, links } = await fetch(frontier);
    if (depth === 0) known = units.length > 0 || links.length > 0;
    const unitByCode = new Map(units.map((u) => [u.code, u]));
    const next: string[] = [];
    for (const c of frontier) {
      const unit = unitByCode.get(c);
      if (unit && isValidOn(unit, onDate)) {
        result.add(c);
        continue;
      }
      for (const l of links) {
        if (l.fromCode !== c || l.effectiveDate > onDate || seen.has(l.toCode)) continue;
        seen.add(l.toCode);
        next.push(l.toCode);
      }
    }
    frontier = next;
  }
  return { known, codes: [...result].sort() };
}

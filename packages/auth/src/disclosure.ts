/**
 * Statistical disclosure control for published figures (PDP Law 91/2025: statistics must not
 * let anyone identify a person). A cell counting 1 to 4 people is withheld; when a group of
 * cells whose total is shown has exactly one withheld cell, the next smallest non-zero cell is
 * withheld too, so that the total cannot give the first one back.
 */
export const SMALL_CELL_THRESHOLD = 5;

export interface Cell<K> {
  key: K;
  count: number;
}

export interface DisclosedCell<K> {
  key: K;
  /** null when withheld. */
  count: number | null;
  suppressed: boolean;
}

export function suppressSmallCells<K>(cells: Array<Cell<K>>, threshold = SMALL_CELL_THRESHOLD): Array<DisclosedCell<K>> {
  const out = cells.map((c) => ({ key: c.key, count: c.count as number | null, suppressed: c.count > 0 && c.count < threshold }));
  const withheld = out.filter((c) => c.suppressed);
  if (withheld.length === 1) {
    // Complementary suppression: the smallest other non-zero cell.
    const candidates = out.filter((c) => !c.suppressed && (c.count ?? 0) > 0).sort((a, b) => (a.count ?? 0) - (b.count ?? 0));
    if (candidates.length) candidates[0].suppressed = true;
  }
  for (const c of out) if (c.suppressed) c.count = null;
  return out;
}

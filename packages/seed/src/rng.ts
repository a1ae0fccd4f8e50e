/**
 * Small deterministic PRNG (mulberry32) with helpers. Never uses a global random source.
 */
// Module-level aliases: global lookups are slow inside jest's vm sandbox, locals are not.
const { floor, imul } = Math;
export interface Rng {
  /** uniform float in [0, 1) */
  next(): number;
  /** uniform integer in [lo, hi] (inclusive) */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** FNV-1a hash of a string, mixed with a numeric seed, used to derive independent streams. */
export function hashSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = imul(h, 0x01000193) >>> 0;
  }
  // extra avalanche so close seeds diverge
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[floor(next() * items.length)] as T,
  };
}

/** Precomputed weighted table: pick an item with probability proportional to its weight. */
export class WeightedTable<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    if (entries.length === 0) throw new RangeError('WeightedTable needs at least one entry');
    this.items = entries.map((e) => e[0]);
    this.cumulative = [];
    let sum = 0;
    for (const [, w] of entries) {
      if (!(w >= 0)) throw new RangeError('weights must be >= 0');
      sum += w;
      this.cumulative.push(sum);
    }
    if (sum <= 0) throw new RangeError('total weight must be > 0');
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    // binary search: first cumulative > x
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

/** Deterministic Fisher-Yates shuffle (returns a new array). */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = floor(rng.next() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

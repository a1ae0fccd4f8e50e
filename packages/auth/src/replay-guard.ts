/**
 * The credentials a subgraph process has already accepted (claim `jti`), until they expire
 * (docs/security.md, "The internal credential"): a captured credential sent again with its
 * body, within its 60 s lifetime, is refused like any invalid one.
 *
 * Memory is bounded twice: entries leave once expired, pruned incrementally from the front of
 * the Map (insertion order, i.e. roughly expiry order; an entry is only ever dropped once its
 * own expiry has passed), O(1) amortized per check, never a full scan; and beyond `maxEntries`
 * live entries new credentials are refused (the caller answers 401) rather than memory growing.
 */
export const REPLAY_GUARD_MAX_ENTRIES = 200_000;
/** Longest `jti` accepted (the gateway sends a 36-character UUID). */
export const JTI_MAX_LENGTH = 64;

export interface ReplayGuardOptions {
  /** Live entries beyond which new credentials are refused (default 200,000). */
  maxEntries?: number;
  /** The clock, in milliseconds since the epoch (tests); default Date.now. */
  now?: () => number;
}

export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: ReplayGuardOptions = {}) {
    this.maxEntries = options.maxEntries ?? REPLAY_GUARD_MAX_ENTRIES;
    this.now = options.now ?? Date.now;
  }

  /** Entries currently held (tests, metrics). */
  get size(): number {
    return this.seen.size;
  }

  /**
   * Records `jti`, valid until `expiresAt` (seconds since the epoch). False (refuse) when it
   * was already seen and has not expired, when it is malformed, or when the guard is full.
   */
  check(jti: unknown, expiresAt: number): boolean {
    if (typeof jti !== 'string' || jti.length === 0 || jti.length > JTI_MAX_LENGTH) return false;
    if (!Number.isFinite(expiresAt)) return false;
    const nowSeconds = this.now() / 1000;
    this.prune(nowSeconds);
    const previous = this.seen.get(jti);
    if (previous !== undefined) {
      if (previous > nowSeconds) return false;
      // Expired but still queued behind a longer-lived entry: forget it (its credential is
      // refused as expired anyway) and record it afresh at the back.
      this.seen.delete(jti);
    }
    if (expiresAt <= nowSeconds) return false;
    if (this.seen.size >= this.maxEntries) return false;
    this.seen.set(jti, expiresAt);
    return true;
  }

  /** Drops expired entries from the front; stops at the first live one. */
  private prune(nowSeconds: number): void {
    for (const [jti, expiresAt] of this.seen) {
      if (expiresAt > nowSeconds) break;
      this.seen.delete(jti);
    }
  }
}

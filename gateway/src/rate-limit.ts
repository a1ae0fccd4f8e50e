import { AppError } from '@nct/errors';

/**
 * Per-subject rate limit: a token bucket per verified subject (anonymous callers share one
 * bucket per client address). In memory, so per gateway instance; behind several instances
 * the effective limit is multiplied by their number.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`, or throws RATE_LIMITED (HTTP 429). */
  take(key: string): void {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 60_000) * this.perMinute);
    b.at = t;
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      const retry = Math.ceil(((1 - b.tokens) / this.perMinute) * 60);
      throw new AppError(
        'RATE_LIMITED',
        { vi: `Quá nhiều yêu cầu; thử lại sau ${retry} giây`, en: `Too many requests; retry in ${retry} s` },
        { retryAfterSeconds: retry, http: { status: 429, headers: new Map([['retry-after', String(retry)]]) } },
      );
    }
    b.tokens -= 1;
    this.buckets.set(key, b);
    if (this.buckets.size > 50_000) this.prune(t);
  }

  private prune(t: number): void {
    for (const [key, b] of this.buckets) if (t - b.at > 10 * 60_000) this.buckets.delete(key);
  }
}

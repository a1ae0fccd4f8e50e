import { MongoClient } from 'mongodb';
import { RateLimiterMemory, RateLimiterMongo, RateLimiterRes, RLWrapperTimeouts } from 'rate-limiter-flexible';
import { AppError } from '@nct/errors';

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
export const DEFAULT_RATE_LIMIT_BURST = 120;
export const RATE_LIMIT_STORES = ['memory', 'mongodb'] as const;

/**
 * Where the request counts live: this process's memory (default; each gateway replica then
 * has its own budget), or a MongoDB database shared by every replica, so that the budget is
 * the same however many replicas a caller's requests are spread over.
 */
export type RateLimitStore = { kind: 'memory' } | { kind: 'mongodb'; uri: string; dbName?: string; timeoutMs?: number };

export interface RateLimitOptions {
  /** Sustained requests per minute per subject. */
  perMinute: number;
  /** Requests a subject may send at once (the window's budget). */
  burst: number;
  store?: RateLimitStore;
}

/** Database and collection of the shared store (rate-limiter-flexible makes a TTL index on it). */
export const RATE_LIMIT_DB = 'nct_gateway';
export const RATE_LIMIT_COLLECTION = 'rate_limits';
/** A shared store slower than this is skipped for the request (this replica's memory decides). */
export const RATE_LIMIT_STORE_TIMEOUT_MS = 500;

/**
 * Per-subject rate limit on rate-limiter-flexible: a budget of `burst` requests per window of
 * `burst / perMinute` minutes per key, so `perMinute` a minute sustained (600/minute with a
 * burst of 120: 120 per 12 s). Keys are the verified subject (anonymous callers: the client
 * address). Counts expire with their window (a timer per key in memory, a TTL index in
 * MongoDB): nothing is scanned per request.
 */
export class RateLimiter {
  private constructor(
    private readonly limiter: { consume(key: string): Promise<RateLimiterRes> },
    private readonly onClose: () => Promise<void> = async () => undefined,
  ) {}

  /**
   * The limiter; with the MongoDB store, after its indexes exist (made once here, not while
   * requests write: the embedded test database stalls when both happen at once). A store that
   * cannot be reached at start is reported to `onStoreError` and does not stop the gateway.
   */
  static async create(options: RateLimitOptions, onStoreError: (err: unknown) => void = () => undefined): Promise<RateLimiter> {
    const base = {
      points: options.burst,
      duration: (options.burst * 60) / options.perMinute,
      keyPrefix: 'nct-gateway',
    };
    const store = options.store ?? { kind: 'memory' };
    if (store.kind === 'memory') return new RateLimiter(new RateLimiterMemory(base));
    // The driver connects on first use (the index creation below), giving up after 2 s.
    const client = new MongoClient(store.uri, { serverSelectionTimeoutMS: 2000 });
    const limiter = new RateLimiterMongo({
      ...base,
      storeClient: client,
      dbName: store.dbName ?? RATE_LIMIT_DB,
      tableName: RATE_LIMIT_COLLECTION,
      disableIndexesCreation: true,
      // A caller over budget is refused from memory until the window ends: a flood does not
      // become a flood of database writes.
      inMemoryBlockOnConsumed: options.burst + 1,
      // Database down: each replica goes on limiting on its own rather than failing open.
      insuranceLimiter: new RateLimiterMemory(base),
    });
    // The TTL index on `expire` is what removes ended windows; the unique one on `key` keeps one count per key.
    await limiter.createIndexes().catch(onStoreError);
    // ... and a slow database must not hold every request: past the timeout, the same insurance.
    return new RateLimiter(new RLWrapperTimeouts({ limiter, timeoutMs: store.timeoutMs ?? RATE_LIMIT_STORE_TIMEOUT_MS }), () =>
      client.close(),
    );
  }

  /** Takes one request from `key`'s budget, or throws RATE_LIMITED (HTTP 429, `retry-after`). */
  async take(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      const retry = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      throw new AppError(
        'RATE_LIMITED',
        { vi: `Quá nhiều yêu cầu; thử lại sau ${retry} giây`, en: `Too many requests; retry in ${retry} s` },
        { retryAfterSeconds: retry, http: { status: 429, headers: new Map([['retry-after', String(retry)]]) } },
      );
    }
  }

  /** Closes the shared store's connection (nothing to do in memory). */
  close(): Promise<void> {
    return this.onClose();
  }
}

/** Closed-loop load: `concurrency` workers share `n` requests; latencies in ms. */
export interface ScenarioResult {
  name: string;
  n: number;
  medianMs: number;
  p95Ms: number;
  rps: number;
  /** Requests that failed (typed GraphQL errors or transport errors); their latency is included. */
  errors?: number;
  /** Failures by error code (`extensions.code`, or `TRANSPORT`). */
  errorCodes?: Record<string, number>;
  /** Why the scenario measured nothing or less than asked (no target left, etc.). */
  note?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/**
 * Runs up to `n` measured requests (after a short warm-up), but starts no new request once
 * `maxSeconds` have passed: every loop is bounded in count and in time. `n` in the result is
 * the number actually measured. The measured requests use indices 0..n-1, the warm-up ones
 * n..n+warmup-1, so a write scenario can give each request its own target.
 */
export async function runScenario(
  name: string,
  n: number,
  concurrency: number,
  fn: (i: number) => Promise<unknown>,
  maxSeconds = Infinity,
  warmupRequests = 3,
): Promise<ScenarioResult> {
  const warmup = Math.min(warmupRequests, n);
  for (let i = 0; i < warmup; i++) await fn(n + i);
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + maxSeconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n && Date.now() < deadline) {
        const i = next++;
        const t0 = process.hrtime.bigint();
        await fn(i);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    name,
    n: latencies.length,
    medianMs: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    rps: latencies.length / seconds,
  };
}

/** A GraphQL answer with errors (or a non-200 status): `code` is the first error's `extensions.code`. */
export class GraphQLCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Like `runScenario`, but a failing request is counted (by error code) instead of ending the
 * run: a write refused with a typed error is a figure, not a crash.
 */
export async function runCountingErrors(
  name: string,
  n: number,
  concurrency: number,
  fn: (i: number) => Promise<unknown>,
  maxSeconds = Infinity,
  warmupRequests = 3,
): Promise<ScenarioResult & { firstError?: string }> {
  const codes: Record<string, number> = {};
  let errors = 0;
  let firstError: string | undefined;
  const r = await runScenario(
    name,
    n,
    concurrency,
    async (i) => {
      try {
        await fn(i);
      } catch (err) {
        const code = err instanceof GraphQLCallError ? err.code : 'TRANSPORT';
        firstError ??= err instanceof Error ? err.message.slice(0, 300) : String(err);
        // Warm-up failures are not counted: only measured requests are figures.
        if (i < n) {
          errors++;
          codes[code] = (codes[code] ?? 0) + 1;
        }
      }
    },
    maxSeconds,
    warmupRequests,
  );
  return { ...r, errors, errorCodes: codes, ...(firstError ? { firstError } : {}) };
}

/** a / b, or NaN when either is missing. */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN;
}

/** Relative growth from `before` to `after` in %, e.g. 10 -> 12 is 20. */
export function growthPercent(before: number, after: number): number {
  return Number.isFinite(before) && Number.isFinite(after) && before > 0 ? (100 * (after - before)) / before : NaN;
}

/** PASS / MISS against an upper bound; `n/a` when there is no figure. */
export function verdict(value: number, limit: number): 'PASS' | 'MISS' | 'n/a' {
  if (!Number.isFinite(value)) return 'n/a';
  return value < limit ? 'PASS' : 'MISS';
}

export function fmt(ms: number, digits = 1): string {
  return Number.isFinite(ms) ? ms.toFixed(digits) : '—';
}

/** People counts from `BENCH_SIZES=10000,100000`, or the defaults (plus 500,000 with `--with-500k`). */
export function benchSizes(env: NodeJS.ProcessEnv, argv: readonly string[], defaults: readonly number[] = [10_000, 100_000]): number[] {
  const raw = env.BENCH_SIZES ?? env.BENCH_PEOPLE;
  const sizes = raw
    ? raw.split(',').map((s) => Number(s.trim().replace(/_/g, '')))
    : [...defaults, ...(argv.includes('--with-500k') ? [500_000] : [])];
  for (const s of sizes) if (!Number.isInteger(s) || s <= 0) throw new Error(`BENCH_SIZES must be positive integers, got ${raw}`);
  if (raw && argv.includes('--with-500k') && !sizes.includes(500_000)) sizes.push(500_000);
  return [...new Set(sizes)];
}

/**
 * The person view every scenario asks for: what a commune officer may see (identity, social,
 * the BHYT card, association), per owning subgraph. Health records and check results are
 * for health staff only, so they are not part of this view.
 */
export const PERSON_FIELDS_DIRECT = {
  homeaffairs: 'citizenId fullName birthDate sex age deathDate residence { code name }',
  social: 'monthlyAllowance { group coefficient monthlyAmount status startMonth } socialPension { monthlyAmount status startMonth }',
  health: 'insuranceCard { code validFrom validTo }',
  association: 'membership { branchName joinedOn cardNumber } clubs { role club { clubId name } }',
};

export const PERSON_VIEW = Object.values(PERSON_FIELDS_DIRECT).join(' ');

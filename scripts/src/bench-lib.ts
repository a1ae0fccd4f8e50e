/** Closed-loop load: `concurrency` workers share `n` requests; latencies in ms. */
export interface ScenarioResult {
  name: string;
  n: number;
  medianMs: number;
  p95Ms: number;
  rps: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/**
 * Runs up to `n` measured requests (after a short warm-up), but starts no new request once
 * `maxSeconds` have passed: every loop is bounded in count and in time. `n` in the result is
 * the number actually measured.
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
  return { name, n: latencies.length, medianMs: percentile(latencies, 50), p95Ms: percentile(latencies, 95), rps: latencies.length / seconds };
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

import { benchSizes, GraphQLCallError, growthPercent, percentile, ratio, runCountingErrors, runScenario, verdict } from './bench-lib';

describe('bench statistics', () => {
  it.each([
    [[1, 2, 3, 4], 50, 2],
    [[1, 2, 3, 4, 5], 50, 3],
    [Array.from({ length: 100 }, (_, i) => i + 1), 95, 95],
    [[7], 95, 7],
  ])('percentile(%j, %i) = %i', (list, p, expected) => {
    expect(percentile(list, p)).toBe(expected);
  });

  it('runs exactly n measured requests', async () => {
    let calls = 0;
    const r = await runScenario('x', 10, 3, async () => {
      calls++;
    });
    expect(r.n).toBe(10);
    expect(calls).toBe(10 + 3); // plus warm-up
    expect(r.medianMs).toBeGreaterThanOrEqual(0);
  });

  it('starts no new request after the time budget', async () => {
    const r = await runScenario('slow', 1000, 2, () => new Promise((res) => setTimeout(res, 20)), 0.2);
    expect(r.n).toBeGreaterThan(2);
    expect(r.n).toBeLessThan(60);
  });
});

describe('bench helpers', () => {
  it('reads the sizes from BENCH_SIZES or the flag', () => {
    expect(benchSizes({}, [])).toEqual([10_000, 100_000]);
    expect(benchSizes({}, ['--with-500k'])).toEqual([10_000, 100_000, 500_000]);
    expect(benchSizes({ BENCH_SIZES: '2000' }, [])).toEqual([2000]);
    expect(benchSizes({ BENCH_SIZES: '10000,100000,500000' }, [])).toEqual([10_000, 100_000, 500_000]);
    expect(() => benchSizes({ BENCH_SIZES: '10k' }, [])).toThrow();
  });

  it('counts typed errors instead of failing the run', async () => {
    const r = await runCountingErrors(
      'w',
      10,
      2,
      async (i) => {
        if (i % 2) throw new GraphQLCallError('CONFLICT', 'taken');
      },
      Infinity,
      0,
    );
    expect(r.n).toBe(10);
    expect(r.errors).toBe(5);
    expect(r.errorCodes).toEqual({ CONFLICT: 5 });
  });

  it('computes ratios, growth and verdicts', () => {
    expect(ratio(115, 100)).toBeCloseTo(1.15);
    expect(growthPercent(10, 12)).toBeCloseTo(20);
    expect(verdict(49, 50)).toBe('PASS');
    expect(verdict(50, 50)).toBe('MISS');
    expect(verdict(NaN, 50)).toBe('n/a');
  });
});

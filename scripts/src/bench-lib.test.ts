import { percentile, runScenario } from './bench-lib';

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

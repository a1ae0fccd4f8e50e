import { BENCH_SEED_PEOPLE, DEFAULT_SEED_PEOPLE, generateSeed } from './index';

describe('performance', () => {
  it(`generates ${BENCH_SEED_PEOPLE} people in under 5 s`, () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const d = generateSeed({ people: BENCH_SEED_PEOPLE });
    const ms = performance.now() - t0;
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    console.log(`generateSeed(${BENCH_SEED_PEOPLE}) took ${ms.toFixed(0)} ms, heap +${heapMb.toFixed(0)} MB`);
    expect(ms).toBeLessThan(5000);
    expect(heapMb).toBeLessThan(1000);
    expect(d.people).toHaveLength(BENCH_SEED_PEOPLE);
    expect(new Set([...d.people.map((p) => p.citizenId), ...d.association.clubMemberships.map((m) => m.citizenId)]).size).toBe(
      BENCH_SEED_PEOPLE + d.association.clubMemberships.filter((m) => m.young).length,
    );
    const centenarians = d.people.filter((p) => !p.deathDate && p.birthDate <= '1926-11-01');
    expect(centenarians.length).toBeGreaterThan(10);
    expect(d.association.clubs.length).toBeGreaterThan(30);
  });

  it(`generates the default ${DEFAULT_SEED_PEOPLE} quickly`, () => {
    const t0 = performance.now();
    const d = generateSeed({ people: DEFAULT_SEED_PEOPLE });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(d.people).toHaveLength(DEFAULT_SEED_PEOPLE);
  });
});

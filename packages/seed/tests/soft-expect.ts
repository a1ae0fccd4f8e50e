/**
 * Cheap "soft" assertions for tests that check every record of a large seed: jest's expect()
 * costs tens of microseconds per call, which adds up to minutes over hundreds of thousands of
 * records. Failures are collected and reported by flushSoft() (called from afterEach).
 * Test-only module: lives in tests/, outside the build's src/ include.
 */
import { isDeepStrictEqual, inspect } from 'node:util';

const failures: string[] = [];
const MAX = 25;
const show = (v: unknown): string => inspect(v, { depth: 3, breakLength: Infinity });

function record(ok: boolean, msg: () => string): void {
  if (!ok && failures.length < MAX) failures.push(msg());
}

export interface Soft {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toMatch(re: RegExp | string): void;
  toBeGreaterThan(n: number): void;
  toBeGreaterThanOrEqual(n: number): void;
  toBeLessThan(n: number): void;
  toBeLessThanOrEqual(n: number): void;
  toContain(item: unknown): void;
  toBeDefined(): void;
  toBeNull(): void;
  toHaveLength(n: number): void;
  toMatchObject(expected: Record<string, unknown>): void;
  not: { toBe(expected: unknown): void };
}

export function soft(actual: unknown): Soft {
  const a = actual as never;
  return {
    toBe: (e) => record(Object.is(actual, e), () => `expected ${show(actual)} to be ${show(e)}`),
    toEqual: (e) => record(isDeepStrictEqual(actual, e), () => `expected ${show(actual)} to equal ${show(e)}`),
    toMatch: (re) =>
      record(typeof actual === 'string' && new RegExp(re).test(actual), () => `expected ${show(actual)} to match ${String(re)}`),
    toBeGreaterThan: (n) => record((a as number) > n, () => `expected ${show(actual)} > ${n}`),
    toBeGreaterThanOrEqual: (n) => record((a as number) >= n, () => `expected ${show(actual)} >= ${n}`),
    toBeLessThan: (n) => record((a as number) < n, () => `expected ${show(actual)} < ${n}`),
    toBeLessThanOrEqual: (n) => record((a as number) <= n, () => `expected ${show(actual)} <= ${n}`),
    toContain: (item) =>
      record(
        (typeof actual === 'string' && typeof item === 'string' && actual.includes(item)) ||
          (Array.isArray(actual) && actual.includes(item)) ||
          (actual instanceof Set && actual.has(item)),
        () => `expected ${show(actual)} to contain ${show(item)}`,
      ),
    toBeDefined: () => record(actual !== undefined, () => 'expected value to be defined'),
    toBeNull: () => record(actual === null, () => `expected ${show(actual)} to be null`),
    toHaveLength: (n) => record((actual as { length?: number } | null)?.length === n, () => `expected length ${n}, got ${show(actual)}`),
    toMatchObject: (e) =>
      record(
        actual !== null &&
          typeof actual === 'object' &&
          Object.entries(e).every(([k, v]) => isDeepStrictEqual((actual as Record<string, unknown>)[k], v)),
        () => `expected ${show(actual)} to match ${show(e)}`,
      ),
    not: { toBe: (e) => record(!Object.is(actual, e), () => `expected ${show(actual)} not to be ${show(e)}`) },
  };
}

/** Throws (failing the current test) if any soft assertion failed since the last flush. */
export function flushSoft(): void {
  if (failures.length === 0) return;
  const msg = failures.splice(0).join('\n');
  throw new Error(`soft assertions failed:\n${msg}`);
}

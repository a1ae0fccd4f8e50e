import { isIsoDate, todayInVietnam } from './dates';

/**
 * Where "today" comes from (kept in the date package so that the jest global setup, which
 * runs outside jest's module mapping, can load it by a relative path). Rules never read the wall clock: they take a date argument.
 * Resolvers take the date of the request from `ctx.today`, fixed once when the request
 * starts (a request that runs across midnight sees one date), from the clock the subgraph
 * was created with. Tests and demos pin it (`fixedClock`, or `NCT_TODAY`).
 */
export interface Clock {
  /** The calendar date in Vietnam, `YYYY-MM-DD`. */
  today(): string;
  /** True when the date is pinned rather than read from the system clock. */
  readonly pinned: boolean;
}

/** The system clock, read in Vietnam's time zone. The one place the wall clock is read for dates. */
export const systemClock: Clock = { today: () => todayInVietnam(new Date()), pinned: false };

/** A clock that always says `date` (tests at pinned dates, reproducible demos). */
export function fixedClock(date: string): Clock {
  if (!isIsoDate(date)) throw new Error(`fixedClock: ${JSON.stringify(date)} is not an ISO date (YYYY-MM-DD)`);
  return { today: () => date, pinned: true };
}

/**
 * `NCT_TODAY=YYYY-MM-DD` pins the date of every process of the system (the end-to-end tests
 * run it at several dates); otherwise the system clock. A malformed value stops the start.
 */
export function clockFromEnv(env: Record<string, string | undefined> = process.env): Clock {
  const pinned = env.NCT_TODAY?.trim();
  return pinned ? fixedClock(pinned) : systemClock;
}

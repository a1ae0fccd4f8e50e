import { clockFromEnv, fixedClock, systemClock } from './clock';
import { createContext } from './server';
import { createLogger } from '@nct/logger';

describe('the injected clock', () => {
  it.each(['2026-09-30', '2026-12-31', '2027-01-01', '2028-02-29'])('a fixed clock says %s, whatever the wall clock', (date) => {
    const clock = fixedClock(date);
    expect(clock.today()).toBe(date);
    expect(clock.pinned).toBe(true);
    expect(clockFromEnv({ NCT_TODAY: date }).today()).toBe(date);
  });

  it.each(['2027-02-29', '2026-13-01', '26-01-01', 'today', ' '])('refuses the impossible or malformed date %j', (date) => {
    if (date.trim() === '') {
      expect(clockFromEnv({ NCT_TODAY: date })).toBe(systemClock);
    } else {
      expect(() => clockFromEnv({ NCT_TODAY: date })).toThrow(/not an ISO date/);
    }
  });

  it('falls back to the system clock when nothing is pinned', () => {
    expect(clockFromEnv({})).toBe(systemClock);
    expect(systemClock.pinned).toBe(false);
    expect(systemClock.today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('fixes the date of a request once, when its context is made', () => {
    let day = '2026-12-31';
    const moving = { today: () => day, pinned: true };
    const ctx = createContext(createLogger('test'), undefined, undefined, moving);
    day = '2027-01-01';
    expect(ctx.today).toBe('2026-12-31');
    expect(ctx.clock.today()).toBe('2027-01-01');
  });
});

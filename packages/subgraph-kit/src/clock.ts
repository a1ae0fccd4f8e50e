/**
 * The injected clock: where "today" comes from. It lives in the date package
 * (packages/dates/src/clock.ts); resolvers get it here as `ctx.today`.
 */
export { systemClock, fixedClock, clockFromEnv } from '@nct/dates';
export type { Clock } from '@nct/dates';

/** @nct/dates: the one date module (see ./dates.ts for the rules and their legal source). */
export * from './dates';
export * from './clock';

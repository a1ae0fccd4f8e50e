export * from './types';
export { generateSeed, DEFAULT_SEED_PEOPLE, BENCH_SEED_PEOPLE, DEFAULT_AS_OF, DEFAULT_SEED, RATES, type SeedOptions } from './generate';
export { OLD_PROVINCE_CODES, buildCitizenId, isConsistentCitizenId, CitizenIdIssuer } from './citizen-id';
export { PROVINCE_CODE, REFORM_LEGAL_ACT, REFORM_DATE } from './fixtures/lai-chau';

export { provisionDatabase, freePort, DEFAULT_DATA_DIR, DEFAULT_EMBEDDED_PORT, EMBEDDED_VERSION, REPO_ROOT } from './embedded';
export type { DatabaseServer, ProvisionOptions } from './embedded';
export { connectDatabase, syncIndexes, trusted } from './connect';
export type { ConnectOptions } from './connect';
export { QueryCounter } from './query-counter';
export { QueryPlanRecorder, planStages } from './query-plans';
export type { QueryPlan } from './query-plans';
export { Tallies, sumThrough, tallyInto } from './tallies';
export type { TallyChange, TallyDocument } from './tallies';

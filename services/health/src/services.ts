import type { GraphCaller } from '@nct/subgraph-kit';
import type { Models } from './models';

/** What the resolvers are built with: the health database, and the graph for what a write needs from another agency. */
export type HealthDeps = Models & { graph: GraphCaller };

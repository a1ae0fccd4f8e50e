import type { GraphCaller } from '@nct/subgraph-kit';
import type { Models } from './models';

/** What the resolvers are built with: the association database, and the graph for the register's identity facts a write needs. */
export type AssociationDeps = Models & { graph: GraphCaller };

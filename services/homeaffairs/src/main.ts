import { subgraphInfo } from '@nct/registry';
import { runSubgraphMain } from '@nct/subgraph-kit';
import { definition } from './index';

runSubgraphMain(subgraphInfo('homeaffairs'), definition);

import { loader, RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { CoverageHistograms, readCoverageHistograms } from './coverage.tallies';

/**
 * The coverage histograms of every commune of one request: one `read` per tally (five finds
 * by `_id`), whatever the number of communes, years or people.
 */
export function communeTalliesLoader(models: Models, ctx: RequestContext) {
  return loader<string, CoverageHistograms>(ctx, 'commune-coverage-tallies', (codes) => readCoverageHistograms(models.Tallies, codes));
}

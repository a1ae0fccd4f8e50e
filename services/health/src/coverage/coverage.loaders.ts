import { loader, RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { CoverageHistograms, readCoverageHistograms } from './coverage.tallies';

/**
 * The coverage histograms of every (commune, reference month) of one request, keyed
 * `<commune>|<YYYY-MM>`: one `read` per tally (five finds by `_id`), whatever the number of
 * communes, years or people.
 */
export function communeTalliesLoader(models: Models, ctx: RequestContext) {
  return loader<string, CoverageHistograms>(ctx, 'commune-coverage-tallies', (keys) =>
    readCoverageHistograms(
      models.Tallies,
      keys.map((k) => {
        const [communeCode, month] = k.split('|');
        return { communeCode, month };
      }),
    ),
  );
}

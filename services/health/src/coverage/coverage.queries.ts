import { loader, RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import type { CoveragePerson } from './coverage.rules';

interface CoverageRow {
  communeCode: string;
  openedOn: string;
  checks?: Array<{ date: string }>;
  cards?: Array<{ validFrom: string; validTo: string }>;
  conditions?: Array<{ underManagement: boolean }>;
}

/**
 * The people whose health record a commune keeps, each with what coverage counts (check
 * dates, card periods, whether each chronic condition is managed), for every commune of one
 * request: ONE aggregate per batch of communes. It starts with `$match` on the index
 * (communeCode, citizenId) of `health_records`, then joins each record's rows by citizen ID
 * (`$lookup`, served by the citizenId-first index of each collection). Its cost grows with the
 * number of people in the communes asked for, not with the size of the province.
 */
export function communeCoverageLoader(models: Models, ctx: RequestContext) {
  return loader<string, CoveragePerson[]>(ctx, 'commune-coverage-people', async (codes) => {
    const join = (from: string, as: string) => ({ $lookup: { from, localField: 'citizenId', foreignField: 'citizenId', as } });
    const rows = await models.HealthRecord.aggregate<CoverageRow>([
      { $match: { communeCode: { $in: [...new Set(codes)] } } },
      join('health_checks', 'checks'),
      join('insurance_cards', 'cards'),
      join('chronic_conditions', 'conditions'),
      // only what coverage counts: no result, card code or diagnosis leaves the database
      { $project: { _id: 0, communeCode: 1, openedOn: 1, 'checks.date': 1, 'cards.validFrom': 1, 'cards.validTo': 1, 'conditions.underManagement': 1 } },
    ]);
    const byCommune = new Map<string, CoveragePerson[]>();
    for (const r of rows) {
      const person: CoveragePerson = {
        openedOn: r.openedOn,
        checks: r.checks ?? [],
        cards: r.cards ?? [],
        conditionsManaged: (r.conditions ?? []).map((c) => c.underManagement),
      };
      const list = byCommune.get(r.communeCode);
      if (list) list.push(person);
      else byCommune.set(r.communeCode, [person]);
    }
    return codes.map((c) => byCommune.get(c) ?? []);
  });
}

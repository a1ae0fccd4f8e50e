import { trusted } from '@nct/db';
import { loader, RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import type { CelebrationDoc } from './celebration.model';
import type { CelebrationRecord } from './celebrations.rules';

/**
 * Celebration records of one request by person (every year): one `$in` on the unique
 * `{citizenId, year}` index per batch, whatever the number of people.
 */
export function celebrationsByPersonLoader(models: Models, ctx: RequestContext) {
  return loader<string, CelebrationRecord[]>(ctx, 'celebrations-by-person', async (ids) => {
    const docs = await models.Celebration.find({ citizenId: trusted({ $in: [...ids] }) }).lean<CelebrationDoc[]>();
    const map = new Map<string, CelebrationRecord[]>();
    for (const d of docs) {
      const rec: CelebrationRecord = {
        citizenId: d.citizenId,
        year: d.year,
        age: d.age,
        status: d.status,
        deliveredOn: d.deliveredOn ?? null,
        reason: d.reason ?? null,
        communeCode: d.communeCode,
      };
      map.set(d.citizenId, [...(map.get(d.citizenId) ?? []), rec]);
    }
    return ids.map((id) => (map.get(id) ?? []).sort((a, b) => a.year - b.year));
  });
}

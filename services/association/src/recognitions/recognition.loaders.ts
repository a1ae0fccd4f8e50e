import { trusted } from '@nct/db';
import { loader, RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import type { RecognitionDoc } from './recognition.model';

/** Recognitions of one request by person: one query per batch. */
export function recognitionsLoader(models: Models, ctx: RequestContext) {
  return loader<string, RecognitionDoc[]>(ctx, 'recognitions', async (ids) => {
    const docs = await models.Recognition.find({ citizenId: trusted({ $in: [...ids] }) }).lean<RecognitionDoc[]>();
    const map = new Map<string, RecognitionDoc[]>();
    for (const d of docs) map.set(d.citizenId, [...(map.get(d.citizenId) ?? []), d]);
    return ids.map((id) => (map.get(id) ?? []).sort((a, b) => a.year - b.year || a.level.localeCompare(b.level)));
  });
}

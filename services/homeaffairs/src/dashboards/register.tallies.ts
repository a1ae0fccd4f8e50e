import { sumThrough, tallyInto, trusted, type TallyChange } from '@nct/db';
import { loader, type RequestContext } from '@nct/subgraph-kit';
import type { Models } from '../models';
import { indexedMatch } from '../queries';
import { countBounds } from './roster.rules';

/**
 * The register tallies (docs/tallies.md; README "Tallies"): their names, the change each register
 * write makes, the rebuild from `people`, and the per-commune counts read from them.
 *
 * | tally            | scope       | key            | +1 for each register entry ...          |
 * |------------------|-------------|----------------|-----------------------------------------|
 * | `living-births`  | communeCode | birthDate      | with no death recorded                  |
 * | `legacy-records` | communeCode | legacyUnitCode | still on a pre-2025 code (dead or alive) |
 *
 * "Aged a full N on D" is "born on or before `latestBirthDateForAge(N, D)`", so the living
 * elderly of a commune today are `sumThrough(living-births, latestBirthDateForAge(60, today))`.
 * On any date D (a past `asOf`): alive on D = no death recorded, or a death recorded after D;
 * the second group is read from `people` through the `{deathDate}` index (`diedAfter`): the
 * deaths after D are few (none at all after today, since a death in the future is refused).
 *
 * Every register write changes them in the transaction of the person write (person.resolver.ts,
 * residence.resolver.ts: a move is -1 in the old commune, +1 in the new one): the entry as it was
 * before (-1) and as it is after (+1), both read inside that transaction.
 */
export const TALLY = {
  livingBirths: 'living-births',
  legacyRecords: 'legacy-records',
} as const;
export const REGISTER_TALLY_NAMES: readonly string[] = Object.values(TALLY);

/** The fields of a register entry the tallies depend on. */
export interface TalliedEntry {
  communeCode: string;
  birthDate: string;
  deathDate: string | null;
  legacyUnitCode: string | null;
}

/** The keys one entry counts in. */
function entryChanges(e: TalliedEntry, by: number): TallyChange[] {
  const out: TallyChange[] = [];
  if (e.deathDate === null) out.push({ name: TALLY.livingBirths, scope: e.communeCode, key: e.birthDate, by });
  if (e.legacyUnitCode) out.push({ name: TALLY.legacyRecords, scope: e.communeCode, key: e.legacyUnitCode, by });
  return out;
}

/**
 * The change when an entry goes from `before` to `after` (null: absent), netted per key: a
 * correction of the name changes nothing, a move of commune is -1 in one and +1 in the other.
 */
export function registerChanges(before: TalliedEntry | null, after: TalliedEntry | null): TallyChange[] {
  const net = new Map<string, TallyChange>();
  for (const c of [...(before ? entryChanges(before, -1) : []), ...(after ? entryChanges(after, 1) : [])]) {
    const id = `${c.name}|${c.scope}|${c.key}`;
    const prev = net.get(id);
    net.set(id, prev ? { ...prev, by: prev.by + c.by } : c);
  }
  return [...net.values()].filter((c) => c.by !== 0);
}

/**
 * Applies the change of one register write inside that write's transaction (the running
 * transaction is joined without a session argument: @nct/db turns mongoose's transaction
 * context on).
 */
export async function applyRegisterChanges(models: Models, before: TalliedEntry | null, after: TalliedEntry | null): Promise<void> {
  const changes = registerChanges(before, after);
  if (changes.length) await models.Tallies.add(changes);
}

// ---- rebuild --------------------------------------------------------------------------------

const TALLIED_FIELDS = { _id: 0, communeCode: 1, birthDate: 1, deathDate: 1, legacyUnitCode: 1 } as const;

/**
 * Every register tally computed from `people` (the same changes the writes make, entry by entry).
 * Used after a seed or an import and by the tests to check the stored tallies. Reads every
 * entry once: run it offline, never on a request.
 */
export async function computeRegisterTallies(models: Models): Promise<Map<string, Map<string, Record<string, number>>>> {
  const out = new Map<string, Map<string, Record<string, number>>>(REGISTER_TALLY_NAMES.map((n) => [n, new Map()]));
  for await (const p of models.Person.find({}, TALLIED_FIELDS).lean<TalliedEntry[]>().cursor()) {
    const e = p as unknown as TalliedEntry;
    for (const c of entryChanges(
      { communeCode: e.communeCode, birthDate: e.birthDate, deathDate: e.deathDate ?? null, legacyUnitCode: e.legacyUnitCode ?? null },
      1,
    )) {
      tallyInto(out.get(c.name)!, c.scope, c.key, c.by);
    }
  }
  return out;
}

/** Replaces every register tally with one computed from `people` (after a seed or an import). */
export async function rebuildRegisterTallies(models: Models): Promise<void> {
  for (const [name, counts] of await computeRegisterTallies(models)) await models.Tallies.replace(name, counts);
}

/** Whether any register tally exists (a database seeded before they did has none). */
export async function hasRegisterTallies(models: Models): Promise<boolean> {
  return !!(await models.Tallies.model.findOne({ name: trusted({ $in: [...REGISTER_TALLY_NAMES] }) }, { _id: 1 }).lean());
}

// ---- reading --------------------------------------------------------------------------------

/**
 * A tally's histograms of every commune of a request, read together: one `read` (one `_id $in`
 * find) per tally and batch, and only the tallies a request's fields need (`living-births`
 * holds a key per birth date, `legacy-records` a few keys).
 */
export function tallyHistograms(models: Models, ctx: RequestContext, name: (typeof TALLY)[keyof typeof TALLY]) {
  return loader<string, Record<string, number>>(ctx, `tally:${name}`, async (codes) => {
    const hist = await models.Tallies.read(name, codes);
    return codes.map((c) => hist.get(c) ?? {});
  });
}

/**
 * Per commune, the birth dates of the people of these communes whose recorded death is after
 * `asOf` (alive on `asOf`, so not in `living-births`), born on or before `bornBy`: one
 * aggregation from the `{deathDate}` index, touching only the deaths after `asOf`.
 */
export function diedAfter(models: Models, ctx: RequestContext, asOf: string) {
  const { elderlyBornBy } = countBounds(asOf);
  return loader<string, string[]>(ctx, `died-after:${asOf}`, async (codes) => {
    const rows = await models.Person.aggregate<{ _id: string; births: string[] }>([
      ...indexedMatch({ deathDate: { $gt: asOf } }, { communeCode: { $in: [...codes] }, birthDate: { $lte: elderlyBornBy } }),
      { $group: { _id: '$communeCode', births: { $push: '$birthDate' } } },
    ]);
    const byCode = new Map(rows.map((r) => [r._id, r.births]));
    return codes.map((c) => byCode.get(c) ?? []);
  });
}

/** Living on `asOf` and born on or before `bornBy`: the living-births tally plus those who died after `asOf`. */
export function livingBornBy(livingBirths: Record<string, number>, diedLater: readonly string[], bornBy: string): number {
  return sumThrough(livingBirths, bornBy) + diedLater.filter((b) => b <= bornBy).length;
}

/** Records still on a pre-2025 code, dead or alive. */
export function legacyRecordTotal(legacyRecords: Record<string, number>): number {
  return Object.values(legacyRecords).reduce((a, b) => a + b, 0);
}

import { Connection, Schema } from 'mongoose';
import { inTransaction } from '@nct/subgraph-kit';
import { sumThrough, Tallies, tallyInto, trusted, type TallyChange } from '@nct/db';
import type { Models } from '../models';
import type { CommuneCoverageCounts } from './coverage.rules';

/**
 * The coverage tallies (docs/tallies.md; README "Tallies"): everything about them is in this
 * file: their names, the changes each write makes, the per-person guard that serialises those
 * writes, the rebuild from the collections and the reading of `coverageCounts` from them.
 *
 * Every tally counts only people whose health record a commune keeps (scope = the record's
 * communeCode), exactly as `coverageCounts` (coverage.rules.ts) counts them:
 *
 * | tally            | key             | +1 for each ...                                                       |
 * |------------------|-----------------|-----------------------------------------------------------------------|
 * | `records-opened` | openedOn        | record                                                                |
 * | `people-checked` | year `YYYY`     | person with at least one periodic check dated in that year            |
 * | `cards-from`     | validFrom       | card of a person with a record                                        |
 * | `cards-to`       | validTo         | card of a person with a record                                        |
 * | `chronic`        | `with`          | person with at least one chronic condition                            |
 * | `chronic`        | `all-managed`   | person with at least one chronic condition, all of them under management |
 *
 * A person's cards never overlap (issueInsuranceCard refuses it) and each has validFrom <=
 * validTo, so the people with a card valid on D are the cards with validFrom <= D minus the
 * cards with validTo < D.
 *
 * What a person did before their record was opened (checks, cards, conditions) is added when
 * the record is opened. Each write runs in ONE transaction that first increments the person's
 * guard document (`coverage_person_guards`, `_id` = citizen ID, a counter and nothing else):
 * two concurrent writes for one person (two first checks of a year, a check and the opening of
 * the record, two changes to the person's conditions) write the same document, so one commits
 * and the other is retried from the start and sees it. Without it, two writes whose state
 * before was the same could each compute a change from it (one of them zero, so touching no
 * tally document) and commit both.
 */
export const TALLY = {
  recordsOpened: 'records-opened',
  peopleChecked: 'people-checked',
  cardsFrom: 'cards-from',
  cardsTo: 'cards-to',
  chronic: 'chronic',
} as const;
export const COVERAGE_TALLY_NAMES: readonly string[] = Object.values(TALLY);
export const CHRONIC_WITH = 'with';
export const CHRONIC_ALL_MANAGED = 'all-managed';

// ---- the per-person guard -------------------------------------------------------------------

/** One counter per person a coverage write concerned (`_id` = citizen ID); holds no health data. */
export interface CoverageGuardDoc {
  _id: string;
  writes: number;
}

export const coverageGuardSchema = new Schema<CoverageGuardDoc>(
  { _id: { type: String, required: true, match: /^\d{12}$/ }, writes: { type: Number, required: true, min: 0 } },
  { collection: 'coverage_person_guards', versionKey: false },
);

export function createCoverageModels(conn: Connection) {
  return {
    CoverageGuard: conn.model('CoverageGuard', coverageGuardSchema),
    Tallies: new Tallies(conn),
  };
}

/**
 * Runs `fn` in a transaction that first increments the person's guard: every write that can
 * change a coverage tally goes through here, so concurrent writes for one person conflict and
 * are applied one after the other (mongoose retries the loser from the start). It joins the
 * transaction already running in this call (an idempotent create, `idempotent` of
 * @nct/subgraph-kit), so the write, its tallies and the idempotency record commit together;
 * every mongoose operation inside joins it without a `session` option.
 */
export async function inPersonTransaction<T>(models: Models, citizenId: string, fn: () => Promise<T>): Promise<T> {
  return inTransaction(models.HealthRecord.db, async () => {
    await models.CoverageGuard.updateOne({ _id: citizenId }, { $inc: { writes: 1 } }, { upsert: true });
    return fn();
  });
}

/** The commune whose record keeps the person, read inside the write's transaction; null without a record. */
export async function recordCommuneOf(models: Models, citizenId: string): Promise<{ communeCode: string; openedOn: string } | null> {
  return models.HealthRecord.findOne({ citizenId }, { _id: 0, communeCode: 1, openedOn: 1 }).lean<{ communeCode: string; openedOn: string }>();
}

// ---- the changes each write makes (pure) ----------------------------------------------------

export interface CardPeriod {
  validFrom: string;
  validTo: string;
}

/** What one person contributes to the tallies of the commune that keeps their record. */
export interface PersonCoverageFacts {
  openedOn: string;
  checkDates: readonly string[];
  cards: readonly CardPeriod[];
  conditionsManaged: readonly boolean[];
}

/** The chronic keys a person counts in: `with` (any condition) and `all-managed`. */
export function chronicState(managed: readonly boolean[]): Record<string, number> {
  const has = managed.length > 0;
  return { [CHRONIC_WITH]: has ? 1 : 0, [CHRONIC_ALL_MANAGED]: has && managed.every(Boolean) ? 1 : 0 };
}

/** The change to `chronic` when a person's conditions go from `before` to `after` (managed flags). */
export function chronicChanges(communeCode: string, before: readonly boolean[], after: readonly boolean[]): TallyChange[] {
  const b = chronicState(before);
  const a = chronicState(after);
  return [CHRONIC_WITH, CHRONIC_ALL_MANAGED].map((key) => ({ name: TALLY.chronic, scope: communeCode, key, by: a[key] - b[key] })).filter((c) => c.by !== 0);
}

/** A card of a person whose record the commune keeps. */
export function cardChanges(communeCode: string, card: CardPeriod, by = 1): TallyChange[] {
  return [
    { name: TALLY.cardsFrom, scope: communeCode, key: card.validFrom, by },
    { name: TALLY.cardsTo, scope: communeCode, key: card.validTo, by },
  ];
}

/** A check dated `date`: the person counts in its year when it is their first check of that year. */
export function checkChanges(communeCode: string, date: string, alreadyCheckedThatYear: boolean): TallyChange[] {
  return alreadyCheckedThatYear ? [] : [{ name: TALLY.peopleChecked, scope: communeCode, key: date.slice(0, 4), by: 1 }];
}

/** Everything a person counts for once their record is kept by `communeCode` (opening a record; the rebuild). */
export function personChanges(communeCode: string, person: PersonCoverageFacts, by = 1): TallyChange[] {
  const years = [...new Set(person.checkDates.map((d) => d.slice(0, 4)))];
  return [
    { name: TALLY.recordsOpened, scope: communeCode, key: person.openedOn, by },
    ...years.map((key) => ({ name: TALLY.peopleChecked, scope: communeCode, key, by })),
    ...person.cards.flatMap((c) => cardChanges(communeCode, c, by)),
    ...chronicChanges(communeCode, [], person.conditionsManaged).map((c) => ({ ...c, by: c.by * by })),
  ];
}

/** A person's checks, cards and conditions, read inside the write's transaction (three indexed finds). */
export async function personFacts(models: Models, citizenId: string, openedOn: string): Promise<PersonCoverageFacts> {
  const [checks, cards, conditions] = await Promise.all([
    models.HealthCheck.find({ citizenId }, { _id: 0, date: 1 }).lean<Array<{ date: string }>>(),
    models.InsuranceCard.find({ citizenId }, { _id: 0, validFrom: 1, validTo: 1 }).lean<CardPeriod[]>(),
    models.ChronicCondition.find({ citizenId }, { _id: 0, underManagement: 1 }).lean<Array<{ underManagement: boolean }>>(),
  ]);
  return { openedOn, checkDates: checks.map((c) => c.date), cards, conditionsManaged: conditions.map((c) => c.underManagement) };
}

// ---- rebuild --------------------------------------------------------------------------------

/**
 * Every coverage tally computed from the collections (the same changes as the writes make,
 * person by person). Used after a seed or an import, and by the tests to check the tallies.
 * Reads every record, check, card and condition once: run it offline, never on a request.
 */
export async function computeCoverageTallies(models: Models): Promise<Map<string, Map<string, Record<string, number>>>> {
  const people = new Map<string, { communeCode: string; openedOn: string; checkDates: string[]; cards: CardPeriod[]; conditionsManaged: boolean[] }>();
  for await (const r of models.HealthRecord.find({}, { _id: 0, citizenId: 1, communeCode: 1, openedOn: 1 }).lean<Array<{ citizenId: string; communeCode: string; openedOn: string }>>().cursor()) {
    people.set(r.citizenId, { communeCode: r.communeCode, openedOn: r.openedOn, checkDates: [], cards: [], conditionsManaged: [] });
  }
  for await (const c of models.HealthCheck.find({}, { _id: 0, citizenId: 1, date: 1 }).lean<Array<{ citizenId: string; date: string }>>().cursor()) {
    people.get(c.citizenId)?.checkDates.push(c.date);
  }
  for await (const c of models.InsuranceCard.find({}, { _id: 0, citizenId: 1, validFrom: 1, validTo: 1 }).lean<Array<{ citizenId: string } & CardPeriod>>().cursor()) {
    people.get(c.citizenId)?.cards.push({ validFrom: c.validFrom, validTo: c.validTo });
  }
  for await (const c of models.ChronicCondition.find({}, { _id: 0, citizenId: 1, underManagement: 1 }).lean<Array<{ citizenId: string; underManagement: boolean }>>().cursor()) {
    people.get(c.citizenId)?.conditionsManaged.push(c.underManagement);
  }
  const out = new Map<string, Map<string, Record<string, number>>>(COVERAGE_TALLY_NAMES.map((n) => [n, new Map()]));
  for (const p of people.values()) {
    for (const c of personChanges(p.communeCode, p)) tallyInto(out.get(c.name)!, c.scope, c.key, c.by);
  }
  return out;
}

/** Replaces every coverage tally with one computed from the collections (after a seed or an import). */
export async function rebuildCoverageTallies(models: Models): Promise<void> {
  const computed = await computeCoverageTallies(models);
  for (const [name, counts] of computed) await models.Tallies.replace(name, counts);
}

// ---- reading --------------------------------------------------------------------------------

/** A commune's coverage histograms, one per tally (read for all communes of a request at once). */
export interface CoverageHistograms {
  recordsOpened: Record<string, number>;
  peopleChecked: Record<string, number>;
  cardsFrom: Record<string, number>;
  cardsTo: Record<string, number>;
  chronic: Record<string, number>;
}

/** The histograms of every commune asked for: one `read` (one `_id $in` find) per tally, five in all. */
export async function readCoverageHistograms(tallies: Tallies, codes: readonly string[]): Promise<CoverageHistograms[]> {
  const [recordsOpened, peopleChecked, cardsFrom, cardsTo, chronic] = await Promise.all(
    [TALLY.recordsOpened, TALLY.peopleChecked, TALLY.cardsFrom, TALLY.cardsTo, TALLY.chronic].map((name) => tallies.read(name, codes)),
  );
  return codes.map((code) => ({
    recordsOpened: recordsOpened.get(code) ?? {},
    peopleChecked: peopleChecked.get(code) ?? {},
    cardsFrom: cardsFrom.get(code) ?? {},
    cardsTo: cardsTo.get(code) ?? {},
    chronic: chronic.get(code) ?? {},
  }));
}

/** The ISO date before `iso`. */
export function dayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** `coverageCounts` of a commune for a year and reference date, from its histograms. */
export function coverageCountsFromTallies(h: CoverageHistograms, year: number, onDate: string): CommuneCoverageCounts {
  return {
    withRecord: sumThrough(h.recordsOpened, onDate),
    checkedInYear: h.peopleChecked[String(year)] ?? 0,
    validCard: sumThrough(h.cardsFrom, onDate) - sumThrough(h.cardsTo, dayBefore(onDate)),
    withChronic: h.chronic[CHRONIC_WITH] ?? 0,
    chronicAllManaged: h.chronic[CHRONIC_ALL_MANAGED] ?? 0,
  };
}

/** Whether any coverage tally exists (a database seeded before they did has none). */
export async function hasCoverageTallies(models: Models): Promise<boolean> {
  return !!(await models.Tallies.model.findOne({ name: trusted({ $in: [...COVERAGE_TALLY_NAMES] }) }, { _id: 1 }).lean());
}

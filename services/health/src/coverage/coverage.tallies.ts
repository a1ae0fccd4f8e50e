import { Connection, Schema } from 'mongoose';
import { inTransaction } from '@nct/subgraph-kit';
import { Tallies, tallyInto, trusted, type TallyChange } from '@nct/db';
import type { Models } from '../models';
import type { CommuneCoverageCounts } from './coverage.rules';

/**
 * The coverage tallies (docs/tallies.md; README "Tallies"): everything about them is in this
 * file: their names, the changes each write makes, the per-person guard that serialises those
 * writes, the rebuild from the collections and the reading of `coverageCounts` from them.
 *
 * One tally, `coverage`, counts only people whose health record a commune keeps (the record's
 * communeCode), exactly as `coverageCounts` (coverage.rules.ts) counts them. It has two
 * documents per commune: the commune's (scope `<commune>`) and, per month, its days (scope
 * `<commune>:YYYY-MM`). Keys say what they count:
 *
 * | scope               | key                                       | +1 for each ...                                            |
 * |---------------------|-------------------------------------------|------------------------------------------------------------|
 * | commune             | `records:YYYY-MM`                         | record, by the month it was opened                         |
 * | commune `:YYYY-MM`  | `records:YYYY-MM-DD`                      | record opened in that month, by its day                    |
 * | commune (+ month)   | `cards-from:` / `cards-to:` month (day)   | card of a person with a record, by validFrom / by validTo  |
 * | commune             | `checked:YYYY`                            | person with at least one periodic check dated in that year |
 * | commune             | `chronic-with`                            | person with at least one chronic condition                 |
 * | commune             | `chronic-all-managed`                     | person with at least one condition, all under management   |
 *
 * The sum of a date-keyed count up to a date D is the months before D's month (commune
 * document) plus the days of D's month up to D (that month's document; `dateChanges` writes
 * both). So Q5 reads two small documents per commune (~450 and ~100 keys at 100,000 people) in
 * one find, whatever the date. The tallies kept before (one document per commune and count,
 * date keys since 2015, ~1 MB for 38 communes: reading them cost ~250 ms, docs/cross-agency.md
 * Q5) are deleted by the rebuild, which the seed runs when `coverage` is missing.
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
export const COVERAGE_TALLY = 'coverage';
export const COVERAGE_TALLY_NAMES: readonly string[] = [COVERAGE_TALLY];
/** The tallies the single `coverage` tally replaced: deleted by the rebuild. */
const RETIRED_TALLY_NAMES = ['records-opened', 'people-checked', 'cards-from', 'cards-to', 'chronic'];
/** Key prefixes of the counts kept by date (a month, or a day in the month's document). */
const DATED = { records: 'records', cardsFrom: 'cards-from', cardsTo: 'cards-to' } as const;
const CHECKED = 'checked';
export const CHRONIC_WITH = 'chronic-with';
export const CHRONIC_ALL_MANAGED = 'chronic-all-managed';

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
  return [CHRONIC_WITH, CHRONIC_ALL_MANAGED].map((key) => ({ name: COVERAGE_TALLY, scope: communeCode, key, by: a[key] - b[key] })).filter((c) => c.by !== 0);
}

/** The scope of a commune's day histogram for one month (`YYYY-MM`) of a date-keyed tally. */
const dayScope = (communeCode: string, month: string) => `${communeCode}:${month}`;

/** One date of a dated count: +by to its month in the commune's document and to its day in that month's document. */
function dateChanges(prefix: string, communeCode: string, isoDate: string, by: number): TallyChange[] {
  const month = isoDate.slice(0, 7);
  return [
    { name: COVERAGE_TALLY, scope: communeCode, key: `${prefix}:${month}`, by },
    { name: COVERAGE_TALLY, scope: dayScope(communeCode, month), key: `${prefix}:${isoDate}`, by },
  ];
}

/** A card of a person whose record the commune keeps. */
export function cardChanges(communeCode: string, card: CardPeriod, by = 1): TallyChange[] {
  return [...dateChanges(DATED.cardsFrom, communeCode, card.validFrom, by), ...dateChanges(DATED.cardsTo, communeCode, card.validTo, by)];
}

/** A check dated `date`: the person counts in its year when it is their first check of that year. */
export function checkChanges(communeCode: string, date: string, alreadyCheckedThatYear: boolean): TallyChange[] {
  return alreadyCheckedThatYear ? [] : [{ name: COVERAGE_TALLY, scope: communeCode, key: `${CHECKED}:${date.slice(0, 4)}`, by: 1 }];
}

/** Everything a person counts for once their record is kept by `communeCode` (opening a record; the rebuild). */
export function personChanges(communeCode: string, person: PersonCoverageFacts, by = 1): TallyChange[] {
  const years = [...new Set(person.checkDates.map((d) => d.slice(0, 4)))];
  return [
    ...dateChanges(DATED.records, communeCode, person.openedOn, by),
    ...years.map((year) => ({ name: COVERAGE_TALLY, scope: communeCode, key: `${CHECKED}:${year}`, by })),
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
  await models.Tallies.model.deleteMany({ name: trusted({ $in: RETIRED_TALLY_NAMES }) });
}

// ---- reading --------------------------------------------------------------------------------

/** A commune's coverage tally as read for one reference month: its own document and that month's days. */
export interface CoverageHistograms {
  month: string;
  commune: Record<string, number>;
  days: Record<string, number>;
}

/** What to read: a commune and the month (`YYYY-MM`) of the reference date. */
export interface CoverageRead {
  communeCode: string;
  month: string;
}

/**
 * The coverage tally of every (commune, month) asked for, in ONE find by `_id $in`: each
 * commune's document and its day document of the month asked for, never the other months'.
 */
export async function readCoverageHistograms(tallies: Tallies, asked: readonly CoverageRead[]): Promise<CoverageHistograms[]> {
  const scopes = [...new Set(asked.flatMap((a) => [a.communeCode, dayScope(a.communeCode, a.month)]))];
  const read = await tallies.read(COVERAGE_TALLY, scopes);
  return asked.map((a) => ({ month: a.month, commune: read.get(a.communeCode) ?? {}, days: read.get(dayScope(a.communeCode, a.month)) ?? {} }));
}

/**
 * A dated count up to `onDate` (inclusive) or before it: its months before `onDate`'s month
 * plus its days of that month up to it. `h` must have been read for that month.
 */
function dateTotal(h: CoverageHistograms, prefix: string, onDate: string, inclusive: boolean): number {
  const month = onDate.slice(0, 7);
  if (h.month !== month) throw new Error(`coverage tally read for ${h.month}, asked for ${onDate}`);
  const [from, before, last] = [`${prefix}:`, `${prefix}:${month}`, `${prefix}:${onDate}`];
  let n = 0;
  for (const [key, value] of Object.entries(h.commune)) if (key.startsWith(from) && key < before) n += value;
  for (const [key, value] of Object.entries(h.days)) if (key.startsWith(from) && (inclusive ? key <= last : key < last)) n += value;
  return n;
}

/** `coverageCounts` of a commune for a year and reference date, from its tally read for that date's month. */
export function coverageCountsFromTallies(h: CoverageHistograms, year: number, onDate: string): CommuneCoverageCounts {
  return {
    withRecord: dateTotal(h, DATED.records, onDate, true),
    checkedInYear: h.commune[`${CHECKED}:${year}`] ?? 0,
    // cards valid on D = cards from <= D minus cards to < D (a person's cards never overlap).
    validCard: dateTotal(h, DATED.cardsFrom, onDate, true) - dateTotal(h, DATED.cardsTo, onDate, false),
    withChronic: h.commune[CHRONIC_WITH] ?? 0,
    chronicAllManaged: h.commune[CHRONIC_ALL_MANAGED] ?? 0,
  };
}

/**
 * Whether the coverage tally exists in its current shape (every record counts in it): a
 * database with records and no `coverage` tally (seeded before it) is rebuilt by the seed.
 */
export async function hasCoverageTallies(models: Models): Promise<boolean> {
  return !!(await models.Tallies.model.findOne({ name: COVERAGE_TALLY }, { _id: 1 }).lean());
}

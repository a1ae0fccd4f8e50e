import { Schema } from 'mongoose';
import { trusted } from '@nct/db';
import { Digest, DigestSpec, loader, RequestContext } from '@nct/subgraph-kit';
import type { HealthCheckDoc } from '../checks/health-check.model';
import type { ChronicConditionDoc } from '../chronic/chronic-condition.model';
import type { InsuranceCardDoc } from '../insurance/insurance-card.model';
import { parseCardCode } from '../insurance/insurance-card.rules';
import type { Models } from '../models';
import type { HealthRecordDoc } from '../records/health-record.model';
import type { HomeVisitDoc } from '../visits/home-visit.model';
import { quarterOf } from '../visits/visits.rules';

/**
 * The `health` digest: one compact row per person the health database knows, grouped by the
 * commune of the person's health record. Dashboard questions (coverage per commune, check due,
 * card valid, home visit this quarter) read it instead of scanning the collections.
 *
 * Bucket of a person WITHOUT a health record (health does not know where people live; only
 * the register does): `province:<PP>` with PP the province code printed in their most recently
 * issued BHYT card (positions 4-5 of the code), else `unplaced` (only checks, visits or
 * conditions). These buckets are never a commune, so a commune's coverage counts only people
 * whose record that commune's health station keeps (docs/cross-agency.md).
 *
 * Rows are kept small because reading cost grows with what is stored (docs/cross-agency.md:
 * 58 bytes a row, 5.8 MB and ~1.4 s for the whole 100,000-person province on FerretDB v1):
 * dates are day numbers (days since 1970-01-01), and what the bucket already says (the
 * record's commune) is not repeated.
 * Holds no diagnosis, result class, card code or note: only days, years, quarters and counts.
 */
export interface HealthDigestRow {
  citizenId: string;
  /** day number the health record was opened; null without a record (the record's commune is the bucket) */
  recordOpenedOn: number | null;
  /** calendar years with at least one periodic check, ascending */
  checkYears: number[];
  /** every BHYT card's [validFrom, validTo] as day numbers, by validFrom ascending */
  cards: Array<[number, number]>;
  /** quarters ("2026-Q4") with at least one home visit, ascending */
  visitQuarters: string[];
  /** tracked chronic conditions recorded, and how many of them are under management */
  chronicTotal: number;
  chronicManaged: number;
}

export const HEALTH_DIGEST_SPEC: DigestSpec<HealthDigestRow> = {
  kind: 'health',
  fields: ['citizenId', 'recordOpenedOn', 'checkYears', 'cards', 'visitQuarters', 'chronicTotal', 'chronicManaged'],
  key: 'citizenId',
};

/** Days since 1970-01-01 of an ISO date (the digest's date form). */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** The ISO date of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export const UNPLACED_BUCKET = 'unplaced';
export const provinceBucket = (provinceCode: string): string => `province:${provinceCode}`;

export function healthDigest(models: Models): Digest<HealthDigestRow> {
  return new Digest<HealthDigestRow>(models.digests, HEALTH_DIGEST_SPEC);
}

/** What one person's rows in the collections say (only the fields the digest needs). */
export interface PersonHealthSources {
  record: Pick<HealthRecordDoc, 'communeCode' | 'openedOn'> | null;
  checks: Array<Pick<HealthCheckDoc, 'date'>>;
  cards: Array<Pick<InsuranceCardDoc, 'code' | 'validFrom' | 'validTo'>>;
  visits: Array<Pick<HomeVisitDoc, 'date'>>;
  conditions: Array<Pick<ChronicConditionDoc, 'underManagement'>>;
}

function byValidFrom<C extends Pick<InsuranceCardDoc, 'code' | 'validFrom'>>(cards: readonly C[]): C[] {
  return [...cards].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : a.code < b.code ? -1 : 1));
}

/** The digest row of one person from their source rows (pure: the rebuild and every write use it). */
export function digestRowOf(citizenId: string, s: PersonHealthSources): HealthDigestRow {
  return {
    citizenId,
    recordOpenedOn: s.record ? dayNumber(s.record.openedOn) : null,
    checkYears: [...new Set(s.checks.map((c) => Number(c.date.slice(0, 4))))].sort((a, b) => a - b),
    cards: byValidFrom(s.cards).map((c): [number, number] => [dayNumber(c.validFrom), dayNumber(c.validTo)]),
    visitQuarters: [...new Set(s.visits.map((v) => quarterOf(v.date)))].sort(),
    chronicTotal: s.conditions.length,
    chronicManaged: s.conditions.filter((c) => c.underManagement).length,
  };
}

/** The digest document a person belongs in (see the bucket rule above). */
export function bucketOf(s: PersonHealthSources): string {
  if (s.record) return s.record.communeCode;
  const cards = byValidFrom(s.cards);
  if (cards.length) return provinceBucket(parseCardCode(cards[cards.length - 1].code).provinceCode);
  return UNPLACED_BUCKET;
}

const SOURCE_PROJECTION = {
  record: { _id: 0, citizenId: 1, communeCode: 1, openedOn: 1 },
  check: { _id: 0, citizenId: 1, date: 1 },
  card: { _id: 0, citizenId: 1, code: 1, validFrom: 1, validTo: 1 },
  visit: { _id: 0, citizenId: 1, date: 1 },
  condition: { _id: 0, citizenId: 1, underManagement: 1 },
} as const;

function emptySources(): PersonHealthSources {
  return { record: null, checks: [], cards: [], visits: [], conditions: [] };
}

/** Source rows of every person (`ids` undefined) or of the given people: one read per collection. */
async function readSources(models: Models, ids?: readonly string[]): Promise<Map<string, PersonHealthSources>> {
  const filter = ids === undefined ? {} : { citizenId: ids.length === 1 ? ids[0] : trusted({ $in: [...ids] }) };
  const [records, checks, cards, visits, conditions] = await Promise.all([
    models.HealthRecord.find(filter, SOURCE_PROJECTION.record).lean<Array<HealthRecordDoc>>(),
    models.HealthCheck.find(filter, SOURCE_PROJECTION.check).lean<Array<HealthCheckDoc>>(),
    models.InsuranceCard.find(filter, SOURCE_PROJECTION.card).lean<Array<InsuranceCardDoc>>(),
    models.HomeVisit.find(filter, SOURCE_PROJECTION.visit).lean<Array<HomeVisitDoc>>(),
    models.ChronicCondition.find(filter, SOURCE_PROJECTION.condition).lean<Array<ChronicConditionDoc>>(),
  ]);
  const out = new Map<string, PersonHealthSources>();
  const of = (id: string) => {
    let s = out.get(id);
    if (!s) out.set(id, (s = emptySources()));
    return s;
  };
  for (const id of ids ?? []) of(id);
  for (const r of records) of(r.citizenId).record = r;
  for (const c of checks) of(c.citizenId).checks.push(c);
  for (const c of cards) of(c.citizenId).cards.push(c);
  for (const v of visits) of(v.citizenId).visits.push(v);
  for (const c of conditions) of(c.citizenId).conditions.push(c);
  return out;
}

/** Every digest row recomputed from the collections (the rebuild's input; tests compare with it). */
export async function computeHealthDigestRows(models: Models): Promise<Array<{ commune: string; row: HealthDigestRow }>> {
  const sources = await readSources(models);
  return [...sources].map(([citizenId, s]) => ({ commune: bucketOf(s), row: digestRowOf(citizenId, s) }));
}

/**
 * Where each person's row is (`_id` = citizen ID, the one filter FerretDB v1 pushes down), so
 * that a write finds and changes one row without scanning a collection.
 */
export interface DigestLocatorDoc {
  _id: string;
  bucket: string;
}

export const digestLocatorSchema = new Schema<DigestLocatorDoc>(
  { _id: { type: String, required: true }, bucket: { type: String, required: true } },
  { collection: 'health_digest_locator', versionKey: false },
);

/** Replaces the whole `health` digest (and its locator) with what the collections say. Returns the row count. */
export async function rebuildHealthDigest(models: Models): Promise<number> {
  const rows = await computeHealthDigestRows(models);
  const count = await healthDigest(models).rebuild(rows);
  await models.DigestLocator.deleteMany({});
  for (let i = 0; i < rows.length; i += 5000) {
    await models.DigestLocator.insertMany(
      rows.slice(i, i + 5000).map((r) => ({ _id: r.row.citizenId, bucket: r.commune })),
      { ordered: false, lean: true },
    );
  }
  return count;
}

/**
 * Writers changing the same person run one after another within the process, so that each
 * reads the row the previous one wrote. (Across processes, two writes to one person at the same
 * instant could leave a stale row until a rebuild; see README, known limits.)
 */
const personQueues = new Map<string, Promise<unknown>>();
function serializedForPerson<T>(models: Models, citizenId: string, task: () => Promise<T>): Promise<T> {
  const key = `${models.digests.db.name}/${citizenId}`;
  const previous = personQueues.get(key) ?? Promise.resolve();
  const next = previous.then(task, task);
  const settled = next.catch(() => undefined);
  personQueues.set(key, settled);
  void settled.then(() => {
    if (personQueues.get(key) === settled) personQueues.delete(key);
  });
  return next;
}

async function putRow(models: Models, row: HealthDigestRow, bucket: string, previousBucket: string | null): Promise<void> {
  const digest = healthDigest(models);
  await digest.put(bucket, row);
  if (previousBucket !== null && previousBucket !== bucket) await digest.remove(previousBucket, row.citizenId);
  if (previousBucket !== bucket) await models.DigestLocator.updateOne({ _id: row.citizenId }, { $set: { bucket } }, { upsert: true });
}

/**
 * Recomputes one person's row from the collections (one read per collection, filtered on the
 * citizen ID) and puts it in its bucket. The slow, self-healing path: used after a refused
 * duplicate write (a retry of a write whose digest update failed) and when the row is missing.
 */
export function refreshPersonDigest(models: Models, citizenId: string): Promise<void> {
  return serializedForPerson(models, citizenId, () => refreshNow(models, citizenId));
}

async function refreshNow(models: Models, citizenId: string): Promise<void> {
  const sources = (await readSources(models, [citizenId])).get(citizenId) ?? emptySources();
  const located = await models.DigestLocator.findOne({ _id: citizenId }).lean<DigestLocatorDoc>();
  await putRow(models, digestRowOf(citizenId, sources), bucketOf(sources), located?.bucket ?? null);
}

/**
 * A change to one person's row after a successful write: `apply` updates the row in place and
 * returns the bucket it belongs in now. Costs reads by `_id` only (the locator, the commune's
 * digest document), never a collection scan: on FerretDB v1 a recompute reads five whole
 * collections (about 8 s per write at 20,000 people, measured), this about 0.1 s.
 */
export type RowChange = (row: HealthDigestRow, bucket: string) => string;

export function changePersonDigest(models: Models, citizenId: string, apply: RowChange): Promise<void> {
  return serializedForPerson(models, citizenId, async () => {
    const located = await models.DigestLocator.findOne({ _id: citizenId }).lean<DigestLocatorDoc>();
    let row: HealthDigestRow | undefined = emptyRow(citizenId);
    if (located) {
      const found = ((await healthDigest(models).read([located.bucket])).get(located.bucket) ?? []).find((r) => r.citizenId === citizenId);
      // located but not there: the digest drifted; recompute instead of guessing
      if (!found) return refreshNow(models, citizenId);
      row = structuredClone(found); // digest rows are shared, frozen copies: change a copy

    }
    const current = located?.bucket ?? UNPLACED_BUCKET;
    await putRow(models, row, apply(row, current), located?.bucket ?? null);
  });
}

function emptyRow(citizenId: string): HealthDigestRow {
  return { citizenId, recordOpenedOn: null, checkYears: [], cards: [], visitQuarters: [], chronicTotal: 0, chronicManaged: 0 };
}

const isCommune = (bucket: string): boolean => /^\d{5}$/.test(bucket);
const addSorted = <T>(list: T[], value: T): T[] => (list.includes(value) ? list : [...list, value].sort());

/** The row changes of each write (the incremental form of `digestRowOf` and `bucketOf`; a rebuild equals them, tested). */
export const ROW_CHANGES = {
  recordOpened: (openedOn: string, communeCode: string): RowChange => (row) => {
    row.recordOpenedOn = dayNumber(openedOn);
    return communeCode;
  },
  checkRecorded: (date: string): RowChange => (row, bucket) => {
    row.checkYears = [...new Set([...row.checkYears, Number(date.slice(0, 4))])].sort((a, b) => a - b);
    return bucket;
  },
  cardIssued: (code: string, validFrom: string, validTo: string): RowChange => (row, bucket) => {
    const from = dayNumber(validFrom);
    // the latest-issued card decides the bucket of a person without a record (validity periods never overlap)
    const latest = row.cards.length ? Math.max(...row.cards.map((c) => c[0])) : null;
    row.cards = [...row.cards, [from, dayNumber(validTo)] as [number, number]].sort((a, b) => a[0] - b[0]);
    if (isCommune(bucket)) return bucket;
    return latest === null || from > latest ? provinceBucket(parseCardCode(code).provinceCode) : bucket;
  },
  visitRecorded: (date: string): RowChange => (row, bucket) => {
    row.visitQuarters = addSorted(row.visitQuarters, quarterOf(date));
    return bucket;
  },
  conditionRecorded: (underManagement: boolean): RowChange => (row, bucket) => {
    row.chronicTotal += 1;
    if (underManagement) row.chronicManaged += 1;
    return bucket;
  },
  managementChanged: (delta: -1 | 0 | 1): RowChange => (row, bucket) => {
    row.chronicManaged = Math.min(row.chronicTotal, Math.max(0, row.chronicManaged + delta));
    return bucket;
  },
};

/** Batches from this size on read the digest instead of the collections. */

/** The whole province's digest rows by citizen ID, read once per request. */
export function provinceDigestLoader(models: Models, ctx: RequestContext) {
  return loader<'all', Map<string, HealthDigestRow>>(ctx, 'health-digest-province', async (keys) => {
    const rows = await healthDigest(models).readAll();
    const map = new Map<string, HealthDigestRow>();
    for (const r of rows) map.set(r.citizenId, r);
    return keys.map(() => map);
  });
}

/** One commune's (or several communes') digest rows, for coverage: one read per batch of units. */
export function communeDigestLoader(models: Models, ctx: RequestContext) {
  return loader<string, HealthDigestRow[]>(ctx, 'health-digest-communes', async (communes) => {
    const byCommune = await healthDigest(models).read([...new Set(communes)]);
    return communes.map((c) => byCommune.get(c) ?? []);
  });
}

import { Connection, Model, Schema } from 'mongoose';
import type { Purpose } from '@nct/auth';
import { isIsoDate } from '@nct/dates';
import { BadUserInputError } from '@nct/errors';
import { citizenIdArg } from './args';
import type { RequestContext } from './context';
import { graphUnavailable, type GraphCaller } from './graph-client';
import { inTransaction } from './idempotency';

/**
 * The receiving end of the register's events (docs/consistency.md section 2): the register's
 * outbox calls `<subgraph>ApplyDeath(eventId, citizenId)` through the gateway as
 * `svc-homeaffairs`; the subgraph reads the date of death from the register itself (the event
 * carries only the person) and applies it once. What a subgraph closes is its own (the `apply`
 * step of `receiveDeath`); the rest is here.
 */

/** The register's event ids as the outbox sends them. */
const EVENT_ID = /^[A-Za-z0-9._:|-]{1,128}$/;

/** The `eventId` argument of a receiver, or BAD_USER_INPUT naming it. */
export function eventIdArg(eventId: unknown): string {
  if (typeof eventId !== 'string' || !EVENT_ID.test(eventId)) {
    throw new BadUserInputError(
      { vi: 'Mã sự kiện gồm 1-128 ký tự A-Z a-z 0-9 . _ : | -', en: 'eventId must be 1-128 characters of A-Z a-z 0-9 . _ : | -' },
      { argument: 'eventId' },
    );
  }
  return eventId;
}

// ---- the register's date of death, through the graph ----------------------------------------

const THE_REGISTER = { vi: 'sổ đăng ký (Sở Nội vụ)', en: 'the register (home affairs)' };

const DEATH_QUERY = 'query RegisterDeathDate($citizenId: ID!) { person(citizenId: $citizenId) { deathDate } }';

/**
 * The register's date of death of one person, read through the gateway as the subgraph's
 * service for `purpose`: null while alive, or when the register does not know the citizen ID.
 * The register, not the event that asked, is the truth. Throws DEPENDENCY_UNAVAILABLE when the
 * graph cannot answer (or answers something that is not a date): the caller writes nothing.
 */
export async function registerDeathDate(
  graph: GraphCaller,
  ctx: RequestContext,
  citizenId: string,
  purpose: Purpose,
): Promise<string | null> {
  const data = await graph.request<{ person?: { deathDate?: unknown } | null } | null>({
    query: DEATH_QUERY,
    variables: { citizenId },
    purpose,
    requestId: ctx.requestId,
    what: THE_REGISTER,
  });
  const deathDate = data?.person?.deathDate ?? null;
  if (deathDate !== null && !isIsoDate(deathDate)) throw graphUnavailable(THE_REGISTER, 'REGISTER_ANSWER_MALFORMED');
  return deathDate;
}

// ---- the deaths a subgraph applied -----------------------------------------------------------

/** Where a receiving subgraph keeps the deaths it applied (one collection in its own database). */
export const APPLIED_DEATHS_COLLECTION = 'applied_deaths';

/**
 * A death that reached the subgraph from the register: one document per person, `_id` =
 * citizen ID, with the date the register gave. It says that what the subgraph closes at a death
 * was closed on that date, so that a repeated delivery changes nothing (ALREADY_APPLIED). No
 * agency data.
 */
export interface AppliedDeathDoc {
  _id: string;
  deathDate: string;
  /** The register's event that applied it last (for tracing a delivery). */
  eventId: string;
  /** The request's date when it was applied. */
  appliedOn: string;
}

const schema = new Schema<AppliedDeathDoc>(
  {
    _id: { type: String, required: true, match: /^\d{12}$/ },
    deathDate: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    eventId: { type: String, required: true, maxlength: 128 },
    appliedOn: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
  },
  { collection: APPLIED_DEATHS_COLLECTION, versionKey: false },
);

const MODEL = 'AppliedDeath';

/** The applied-deaths model of a subgraph's connection, registered on first use (read by `_id` only). */
export function appliedDeaths(conn: Connection): Model<AppliedDeathDoc> {
  return (conn.models[MODEL] as Model<AppliedDeathDoc> | undefined) ?? conn.model<AppliedDeathDoc>(MODEL, schema);
}

// ---- the receiver ----------------------------------------------------------------------------

export type DeathOutcome = 'APPLIED' | 'ALREADY_APPLIED' | 'NOT_DECEASED';

/** A receiver's answer: the event, the person, what happened, the register's date, and the subgraph's own counts. */
export type DeathReceipt<D> = { eventId: string; citizenId: string; outcome: DeathOutcome; deathDate: string | null } & D;

export interface DeathEvent<D> {
  /** The arguments as the caller sent them (checked here: BAD_USER_INPUT). */
  eventId: unknown;
  citizenId: unknown;
  /** The purpose the subgraph's service reads the register for (HEALTH_CARE...). */
  purpose: Purpose;
  /** The subgraph's details of a receipt that changed nothing (NOT_DECEASED, ALREADY_APPLIED). */
  unchanged: D;
}

/**
 * The death receiver: checks `eventId` and `citizenId`; reads the date of death from the
 * register through the graph; NOT_DECEASED when it has none (nothing written); ALREADY_APPLIED
 * when the applied-deaths record has that date (nothing written, no transaction); else, in one
 * transaction on `db`, runs the subgraph's `apply(deathDate, citizenId)` and records the death,
 * APPLIED with what `apply` returned. A corrected date is applied again. `apply` may run more
 * than once (transaction retries): it re-reads what it changes; a transaction it opens on `db`
 * joins this one.
 */
export async function receiveDeath<D extends object>(
  ctx: RequestContext,
  db: Connection,
  graph: GraphCaller,
  event: DeathEvent<D>,
  apply: (deathDate: string, citizenId: string) => Promise<D>,
): Promise<DeathReceipt<D>> {
  const eventId = eventIdArg(event.eventId);
  const citizenId = citizenIdArg(event.citizenId);
  const deathDate = await registerDeathDate(graph, ctx, citizenId, event.purpose);
  const receipt = (outcome: DeathOutcome, details: D): DeathReceipt<D> => ({ ...details, eventId, citizenId, outcome, deathDate });
  if (deathDate === null) return receipt('NOT_DECEASED', event.unchanged);
  const Applied = appliedDeaths(db);
  const applied = async () =>
    (await Applied.findById(citizenId, { _id: 0, deathDate: 1 }).lean<Pick<AppliedDeathDoc, 'deathDate'>>())?.deathDate === deathDate;
  // A repeated delivery is answered without writing anything.
  if (await applied()) return receipt('ALREADY_APPLIED', event.unchanged);
  return inTransaction(db, async () => {
    if (await applied()) return receipt('ALREADY_APPLIED', event.unchanged);
    const details = await apply(deathDate, citizenId);
    await Applied.updateOne({ _id: citizenId }, { $set: { deathDate, eventId, appliedOn: ctx.today } }, { upsert: true });
    return receipt('APPLIED', details);
  });
}

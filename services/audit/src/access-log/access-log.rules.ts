import { isCitizenIdShape } from '@nct/citizen-id';
import { isPurpose, isRole } from '@nct/auth';
import { ACCESS_FIELD_PATTERN } from '@nct/subgraph-kit';
import { isIsoDate } from '@nct/dates';
import type { AccessEntryDoc } from './access-entry.model';
import type { AccessLogEntryInput, AccessLogFilter } from './access-entry';

/** At most this many entries in one write (one request's people; a commune roster is ~6,000). */
export const MAX_ENTRIES_PER_WRITE = 20_000;
export const MAX_FIELDS_PER_ENTRY = 500;
const PLAIN = /^[\p{L}\p{N}._:@|-]{1,200}$/u;
/** The client's correlation id, as the gateway accepts it (gateway/src/context.ts). */
const CORRELATION = /^[A-Za-z0-9._:-]{1,64}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** Why an entry the gateway sent is not acceptable, or null. */
export function entryProblem(e: AccessLogEntryInput): string | null {
  if (!INSTANT.test(e.at) || Number.isNaN(Date.parse(e.at))) return `at: not an ISO instant in UTC: ${e.at.slice(0, 40)}`;
  if (!PLAIN.test(e.requestId)) return 'requestId: empty, too long or unusual characters';
  if (e.correlationId != null && !CORRELATION.test(e.correlationId)) return 'correlationId: too long or unusual characters';
  if (!PLAIN.test(e.subject)) return 'subject: empty, too long or unusual characters';
  if (!isRole(e.role)) return `role: unknown ${e.role.slice(0, 40)}`;
  if (e.commune != null && !/^\d{5}$/.test(e.commune)) return 'commune: not a 5-digit code';
  if (!isPurpose(e.purpose)) return `purpose: unknown ${e.purpose.slice(0, 40)}`;
  if (!/^\d{12}$/.test(e.citizenId)) return 'citizenId: not 12 digits';
  if (e.fields.length === 0 || e.fields.length > MAX_FIELDS_PER_ENTRY) return `fields: 1 to ${MAX_FIELDS_PER_ENTRY} names`;
  const bad = e.fields.find((f) => !ACCESS_FIELD_PATTERN.test(f) || f.length > 200);
  if (bad) return `fields: not "subgraph:Type.field": ${bad.slice(0, 60)}`;
  if (e.operationName != null && !/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(e.operationName)) return 'operationName: not a GraphQL name';
  return null;
}

export function toDoc(e: AccessLogEntryInput): AccessEntryDoc {
  return {
    _id: `${e.requestId}|${e.citizenId}`,
    key: `${e.at}|${e.requestId}|${e.citizenId}`,
    at: e.at,
    requestId: e.requestId,
    correlationId: e.correlationId ?? null,
    subject: e.subject,
    role: e.role,
    commune: e.commune ?? null,
    purpose: e.purpose,
    citizenId: e.citizenId,
    fields: [...new Set(e.fields)].sort(),
    operationName: e.operationName ?? null,
  };
}

/** Vietnam is UTC+7 all year: the first instant of a Vietnamese calendar day, in UTC. */
export function startOfVietnamDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+07:00`)).toISOString();
}

/** Problems with an auditor's filter (each one named), or an empty list. */
export function filterProblems(f: AccessLogFilter): string[] {
  const problems: string[] = [];
  if (f.citizenId != null && !isCitizenIdShape(f.citizenId)) problems.push('citizenId');
  if (f.subject != null && !PLAIN.test(f.subject)) problems.push('subject');
  if (f.role != null && !isRole(f.role)) problems.push('role');
  if (f.requestId != null && !PLAIN.test(f.requestId)) problems.push('requestId');
  if (f.correlationId != null && !CORRELATION.test(f.correlationId)) problems.push('correlationId');
  if (f.from != null && !isIsoDate(f.from)) problems.push('from');
  if (f.to != null && !isIsoDate(f.to)) problems.push('to');
  if (f.from != null && f.to != null && f.from > f.to) problems.push('from after to');
  return problems;
}

import type { ApolloServerPlugin } from '@apollo/server';
import { ANONYMOUS, INTERNAL_HEADER, signInternal } from '@nct/auth';
import type { Logger } from '@nct/logger';
import { ACCESS_FIELD_PATTERN, ACCESS_LOG_EXTENSION } from '@nct/subgraph-kit';
import type { GatewayContext } from './context';
import { accessLogSeconds, accessLogWrites } from './metrics';

/**
 * The gateway half of the access log (docs/security.md, "The access log").
 *
 * Each subgraph reports, in its response extensions, the people whose personal data it
 * returned and the fields read (`@nct/subgraph-kit` access-record.ts). The gateway merges
 * the reports of one client request into one entry per person and writes them to the
 * `audit` subgraph with one call BEFORE it sends the response. If the write fails, the
 * response is replaced by an error (503 AUDIT_UNAVAILABLE): personal data is never sent
 * unlogged (fail closed).
 */
export const AUDIT_UNAVAILABLE = 'AUDIT_UNAVAILABLE';
export const DEFAULT_AUDIT_TIMEOUT_MS = 5_000;
/**
 * One write call carries at most this many bytes of entries: every HTTP listener refuses
 * bodies over 256 KiB (a commune's roster can name thousands of people).
 */
const MAX_CALL_BYTES = 200_000;
/** Write calls of one request in flight at once. */
const PARALLEL_CALLS = 4;

/** Splits entries into calls of at most `maxBytes` of JSON each. */
export function chunkBySize<T>(entries: readonly T[], maxBytes = MAX_CALL_BYTES): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const e of entries) {
    const bytes = Buffer.byteLength(JSON.stringify(e)) + 1;
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(e);
    size += bytes;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/** Adds one subgraph's report to the request's reads; anything malformed is ignored and logged. */
export function mergeReads(target: Map<string, Set<string>>, report: unknown, logger?: Logger): void {
  if (!Array.isArray(report)) return;
  for (const item of report) {
    const { citizenId, fields } = (item ?? {}) as { citizenId?: unknown; fields?: unknown };
    if (typeof citizenId !== 'string' || !/^\d{12}$/.test(citizenId) || !Array.isArray(fields)) {
      logger?.warn({ item: JSON.stringify(item).slice(0, 200) }, 'malformed access-log report item');
      continue;
    }
    const set = target.get(citizenId) ?? new Set<string>();
    for (const f of fields) if (typeof f === 'string' && ACCESS_FIELD_PATTERN.test(f)) set.add(f);
    if (set.size) target.set(citizenId, set);
  }
}

export { ACCESS_LOG_EXTENSION };

const RECORD = 'mutation RecordAccess($entries: [AccessLogEntryInput!]!) { recordAccess(entries: $entries) }';

export class AccessLogWriter {
  constructor(
    /** The audit subgraph's GraphQL URL, or null when the supergraph has none. */
    readonly url: string | null,
    private readonly timeoutMs: number = DEFAULT_AUDIT_TIMEOUT_MS,
  ) {}

  /** Writes one entry per person read in this request; throws when it cannot. */
  async write(ctx: GatewayContext, operationName: string | null): Promise<number> {
    if (!this.url) throw new Error('no audit subgraph in the supergraph');
    const at = new Date().toISOString();
    const entries = [...ctx.accessReads].map(([citizenId, fields]) => ({
      at,
      requestId: ctx.requestId,
      correlationId: ctx.correlationId,
      subject: ctx.identity.subject,
      role: ctx.identity.role,
      commune: ctx.identity.commune,
      purpose: ctx.purpose,
      citizenId,
      fields: [...fields].sort(),
      operationName: operationName && /^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(operationName) ? operationName : null,
    }));
    const claims = { identity: { ...ANONYMOUS, subject: 'gateway' }, purpose: null, requestId: ctx.requestId, service: 'gateway' as const };
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const send = async (chunk: unknown[]) => {
      // One credential per call: it is bound to this exact body and to the audit subgraph.
      const payload = JSON.stringify({ query: RECORD, variables: { entries: chunk } });
      const credential = await signInternal(claims, ctx.auth.internalKey, { subgraph: 'audit', body: payload });
      const res = await fetch(this.url!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_HEADER]: credential, 'x-request-id': ctx.requestId },
        body: payload,
        signal: deadline,
      });
      const body = (await res.json().catch(() => null)) as { data?: { recordAccess?: number }; errors?: unknown[] } | null;
      if (!res.ok || !body || body.errors?.length || typeof body.data?.recordAccess !== 'number') {
        // Status and error codes only: a validation message can echo the entries (citizen ids).
        const codes = (body?.errors ?? []).map((e) => String((e as { extensions?: { code?: unknown } })?.extensions?.code ?? 'UNKNOWN'));
        throw new Error(`audit write refused: HTTP ${res.status}${codes.length ? ` (${[...new Set(codes)].join(', ')})` : ''}`);
      }
    };
    const chunks = chunkBySize(entries);
    for (let i = 0; i < chunks.length; i += PARALLEL_CALLS) await Promise.all(chunks.slice(i, i + PARALLEL_CALLS).map(send));
    return entries.length;
  }
}

/** The audit subgraph's URL as the supergraph names it (`join__Graph` value `audit`). */
export function auditUrlFromSupergraph(supergraphSdl: string): string | null {
  return /@join__graph\(name:\s*"audit",\s*url:\s*"([^"]+)"\)/.exec(supergraphSdl)?.[1] ?? null;
}

/**
 * Writes the request's entries before the response leaves; on failure the response becomes
 * a 503 with no data. The time the write took is in the `Server-Timing` header (`audit`),
 * which the benchmark reads.
 */
export function accessLogPlugin(writer: AccessLogWriter): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operationName }) {
          if (contextValue.accessReads.size === 0) return;
          const started = performance.now();
          let outcome = 'ok';
          try {
            await writer.write(contextValue, operationName ?? null);
          } catch (err) {
            outcome = 'failed';
            contextValue.logger.error(
              { err: (err as Error).message, people: contextValue.accessReads.size },
              'access log not written: response withheld',
            );
            const vi = 'Không ghi được nhật ký truy cập nên dữ liệu cá nhân không được gửi; hãy thử lại sau';
            const en = 'The access log could not be written, so no personal data was sent; try again later';
            response.body = {
              kind: 'single',
              singleResult: {
                errors: [{ message: `${vi} / ${en}`, extensions: { code: AUDIT_UNAVAILABLE, messageVi: vi, messageEn: en } }],
              },
            };
            response.http.status = 503;
          } finally {
            accessLogWrites.inc({ outcome });
            accessLogSeconds.observe({ outcome }, (performance.now() - started) / 1000);
            response.http.headers.set('server-timing', `audit;dur=${(performance.now() - started).toFixed(1)}`);
          }
        },
      };
    },
  };
}

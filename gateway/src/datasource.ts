import { randomUUID } from 'node:crypto';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLDataSourceProcessOptions, GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { INTERNAL_HEADER, InternalClaims, InternalSigningKey, signInternal } from '@nct/auth';
import type { Logger } from '@nct/logger';
import type { GatewayContext } from './context';
import { outcomeUnknown, subgraphUnavailable, UnknownCause } from './errors';
import { ACCESS_LOG_EXTENSION, mergeReads } from './access-log';
import { codeLabel, statusClass } from '@nct/subgraph-kit';
import { subgraphErrors, subgraphFetchSeconds } from './metrics';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** Marks a fetch whose credential is signed in the fetcher, once the exact body exists. */
const PENDING = 'pending:';

/**
 * One subgraph as the gateway sees it: every fetch has a deadline, carries the request id and
 * the internal credential, and any transport failure (refused, timed out,
 * HTTP error status, non-JSON body) becomes a SUBGRAPH_UNAVAILABLE error naming the
 * subgraph, except for a mutation that may have run: OUTCOME_UNKNOWN (`fetchFailure`). The
 * cause, with the URL, goes to the log only.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /**
   * Credentials to sign, by ticket. `willSendRequest` runs before Apollo serializes the body,
   * and the credential is bound to that body (claim `bh`): so it leaves a ticket in the header
   * and the fetcher, which gets the exact body string, signs and replaces it.
   */
  private readonly pending = new Map<string, { claims: InternalClaims; key: InternalSigningKey }>();

  constructor(
    readonly serviceName: string,
    url: string,
    timeoutMs: number,
    private readonly log: Logger,
  ) {
    super({ url });
    // Node's fetch; the signal also bounds reading the body.
    this.fetcher = (async (input: string, init?: RequestInit) => {
      const headers = { ...((init?.headers ?? {}) as Record<string, string>) };
      const marker = headers[INTERNAL_HEADER];
      delete headers[INTERNAL_HEADER];
      const job = marker?.startsWith(PENDING) ? this.pending.get(marker.slice(PENDING.length)) : undefined;
      if (job) {
        this.pending.delete(marker!.slice(PENDING.length));
        // The credential is bound to the exact body: never sign anything else (an empty body).
        if (typeof init?.body !== 'string')
          throw new Error(`subgraph ${this.serviceName}: refusing to sign a request whose body is not a string`);
        const body = init.body;
        headers[INTERNAL_HEADER] = await signInternal(job.claims, job.key, { subgraph: this.serviceName, body });
      }
      const started = performance.now();
      const observe = (outcome: string) =>
        subgraphFetchSeconds.observe({ subgraph: this.serviceName, outcome }, (performance.now() - started) / 1000);
      try {
        const res = await fetch(input, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) });
        observe(statusClass(res.status));
        return res;
      } catch (err) {
        observe('error');
        throw err;
      }
    }) as unknown as Fetcher;
  }

  /**
   * Client headers are not passed on: the subgraph learns who is calling only from a fresh,
   * short-lived internal credential the gateway signs for this fetch (this subgraph, this body).
   */
  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return;
    const headers = options.request.http?.headers;
    const context = options.context;
    if (!headers || !context?.requestId) return;
    headers.set('x-request-id', context.requestId);
    const ticket = randomUUID();
    this.pending.set(ticket, {
      claims: { identity: context.identity, purpose: context.purpose, requestId: context.requestId },
      key: context.auth.internalKey,
    });
    headers.set(INTERNAL_HEADER, PENDING + ticket);
  }

  /** Collects the subgraph's report of personal data it returned, for the access log. */
  override async didReceiveResponse({
    response,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
    for (const e of response.errors ?? [])
      subgraphErrors.inc({ subgraph: this.serviceName, code: codeLabel(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
    const report = response.extensions?.[ACCESS_LOG_EXTENSION];
    if (report !== undefined && context?.accessReads) mergeReads(context.accessReads, report, context.logger);
    return response;
  }

  /**
   * Called by `sendRequest` for every failure of the HTTP exchange, before the gateway
   * records it. Without this the raw error ("request to http://host:port/graphql failed,
   * reason: connect ECONNREFUSED", or `errorFromResponse` with the URL in its extensions)
   * would reach the response with no `serviceName` at all.
   */
  override didEncounterError(
    error: Error,
    _fetchRequest: unknown,
    fetchResponse?: { status: number },
    context?: GatewayContext,
    request?: { query?: string },
  ): void {
    const failure = fetchFailure(error, fetchResponse, isMutation(request?.query));
    const answer =
      failure.kind === 'unknown'
        ? outcomeUnknown(this.serviceName, failure.cause)
        : subgraphUnavailable(this.serviceName, failure.kind === 'not-sent');
    const code = answer.extensions.code as string;
    (context?.logger ?? this.log).warn(
      { serviceName: this.serviceName, url: this.url, status: fetchResponse?.status, err: error.message, cause: describe(error), code },
      'subgraph fetch failed',
    );
    subgraphErrors.inc({ subgraph: this.serviceName, code });
    throw answer;
  }
}

/** A subgraph operation that writes (the gateway sends each fetch as one operation). */
export function isMutation(query: string | undefined): boolean {
  return typeof query === 'string' && /^\s*mutation\b/.test(query);
}

/** Connection errors before anything was sent: the subgraph never saw the request. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

export type FetchFailure = { kind: 'not-sent' } | { kind: 'unavailable' } | { kind: 'unknown'; cause: UnknownCause };

/**
 * What a failed subgraph fetch means for the client. Nothing sent (connection refused, name
 * not resolved): SUBGRAPH_UNAVAILABLE, "nothing was sent". A refusal by HTTP status 4xx (bad
 * credential, bad request: no resolver ran) or any failure of a query: SUBGRAPH_UNAVAILABLE.
 * A mutation that was sent and then timed out, lost its connection, or got no readable
 * answer (5xx, broken body): OUTCOME_UNKNOWN, since the write may have happened.
 */
export function fetchFailure(error: Error, fetchResponse: { status: number } | undefined, mutation: boolean): FetchFailure {
  const codes = causeCodes(error);
  if (!fetchResponse && codes.length > 0 && codes.every((c) => NOT_SENT.has(c))) return { kind: 'not-sent' };
  if (!mutation) return { kind: 'unavailable' };
  if (fetchResponse && fetchResponse.status >= 400 && fetchResponse.status < 500) return { kind: 'unavailable' };
  if (error.name === 'TimeoutError' || codes.includes('ETIMEDOUT') || codes.includes('UND_ERR_BODY_TIMEOUT')) {
    return { kind: 'unknown', cause: 'timeout' };
  }
  return { kind: 'unknown', cause: fetchResponse ? 'answer' : 'connection' };
}

/** The error codes of a fetch failure (`cause.code`, or every code of an AggregateError of attempts). */
function causeCodes(error: Error): string[] {
  const cause = (error as { cause?: { code?: unknown; errors?: Array<{ code?: unknown }> } }).cause;
  const codes = [cause?.code, ...(cause?.errors ?? []).map((e) => e?.code)];
  return codes.filter((c): c is string => typeof c === 'string');
}

function describe(error: Error): string | undefined {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return error.name === 'TimeoutError' ? 'timeout' : (cause?.code ?? cause?.message);
}

import { randomUUID } from 'node:crypto';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLDataSourceProcessOptions, GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { INTERNAL_HEADER, InternalClaims, InternalSigningKey, signInternal } from '@nct/auth';
import type { Logger } from '@nct/logger';
import type { GatewayContext } from './context';
import { subgraphUnavailable } from './errors';
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
 * subgraph. The cause, with the URL, goes to the log only.
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
  override didEncounterError(error: Error, _fetchRequest: unknown, fetchResponse?: { status: number }, context?: GatewayContext): void {
    (context?.logger ?? this.log).warn(
      { serviceName: this.serviceName, url: this.url, status: fetchResponse?.status, err: error.message, cause: describe(error) },
      'subgraph fetch failed',
    );
    subgraphErrors.inc({ subgraph: this.serviceName, code: 'SUBGRAPH_UNAVAILABLE' });
    throw subgraphUnavailable(this.serviceName);
  }
}

function describe(error: Error): string | undefined {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return error.name === 'TimeoutError' ? 'timeout' : (cause?.code ?? cause?.message);
}

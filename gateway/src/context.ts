import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Identity, Purpose } from '@nct/auth';
import type { Logger } from '@nct/logger';
import { callerOf, GatewayAuth } from './auth';
import type { RateLimiter } from './rate-limit';

export interface GatewayContext {
  /**
   * The gateway's own id for this request (a fresh UUID, never the client's): the access log's
   * entry ids are built from it, so nothing a client sends can merge or suppress entries.
   */
  requestId: string;
  /** The client's `x-request-id`, when short and plain: kept for correlation only. */
  correlationId: string | null;
  logger: Logger;
  /** The verified caller (anonymous without a token). Subgraphs get it in the internal credential. */
  identity: Identity;
  purpose: Purpose | null;
  auth: GatewayAuth;
  /** citizenId -> fields read, reported by the subgraphs, for the access log (access-log.ts). */
  accessReads: Map<string, Set<string>>;
}

/** The client's `x-request-id`, if it is 1-64 characters of `A-Z a-z 0-9 . _ : -`; otherwise null. */
export function correlationIdFrom(req?: IncomingMessage): string | null {
  const given = req?.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : null;
}

export async function createGatewayContext(
  logger: Logger,
  req: IncomingMessage | undefined,
  auth: GatewayAuth,
  limiter?: RateLimiter,
): Promise<GatewayContext> {
  const requestId = randomUUID();
  const correlationId = correlationIdFrom(req);
  const { identity, purpose } = await callerOf(req, auth);
  await limiter?.take(identity.role ? `sub:${identity.subject}` : `anon:${req?.socket.remoteAddress ?? 'unknown'}`);
  return {
    requestId,
    correlationId,
    logger: logger.child({ requestId, ...(correlationId ? { correlationId } : {}), subject: identity.subject }),
    identity,
    purpose,
    auth,
    accessReads: new Map(),
  };
}

/** Echoes the gateway's request id in the `x-request-id` response header, so a caller can quote it. */
export function requestIdHeaderPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('x-request-id', contextValue.requestId);
        },
      };
    },
  };
}

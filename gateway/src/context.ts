import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
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

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is `10.0.0.1`. */
const plainAddress = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/**
 * The client's address: the socket's peer, unless that peer is one of `trustedProxies` (the load
 * balancers, TRUSTED_PROXIES); then the right-most `X-Forwarded-For` hop that is not a trusted
 * proxy (hops to its left are written by the client and may be anything). Without trusted
 * proxies `X-Forwarded-For` is ignored.
 */
export function clientAddress(req: IncomingMessage | undefined, trustedProxies: ReadonlySet<string> = new Set()): string {
  const peer = req?.socket.remoteAddress ? plainAddress(req.socket.remoteAddress) : 'unknown';
  if (!trustedProxies.has(peer)) return peer;
  const header = req?.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map(plainAddress).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (trustedProxies.has(hops[i])) continue;
    return isIP(hops[i]) ? hops[i] : peer; // garbage where an address should be: count it on the proxy
  }
  return peer;
}

export async function createGatewayContext(
  logger: Logger,
  req: IncomingMessage | undefined,
  auth: GatewayAuth,
  limiter?: RateLimiter,
  trustedProxies?: ReadonlySet<string>,
): Promise<GatewayContext> {
  const requestId = randomUUID();
  const correlationId = correlationIdFrom(req);
  // One point per client address before the token is looked at: invalid tokens (each a
  // signature check, perhaps a JWKS fetch) are limited too. Anonymous callers have only this one.
  await limiter?.take(`addr:${clientAddress(req, trustedProxies)}`);
  const { identity, purpose } = await callerOf(req, auth);
  if (identity.role) await limiter?.take(`sub:${identity.subject}`);
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

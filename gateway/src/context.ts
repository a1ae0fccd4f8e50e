import type { IncomingMessage } from 'node:http';
import type { Identity, Purpose } from '@nct/auth';
import type { Logger } from '@nct/logger';
import { requestIdFrom } from '@nct/subgraph-kit';
import { callerOf, GatewayAuth } from './auth';
import type { RateLimiter } from './rate-limit';

export interface GatewayContext {
  requestId: string;
  logger: Logger;
  /** The verified caller (anonymous without a token). Subgraphs get it in the internal credential. */
  identity: Identity;
  purpose: Purpose | null;
  auth: GatewayAuth;
  /** citizenId -> fields read, reported by the subgraphs, for the access log (access-log.ts). */
  accessReads: Map<string, Set<string>>;
}

export async function createGatewayContext(
  logger: Logger,
  req: IncomingMessage | undefined,
  auth: GatewayAuth,
  limiter?: RateLimiter,
): Promise<GatewayContext> {
  const requestId = requestIdFrom(req);
  const { identity, purpose } = await callerOf(req, auth);
  limiter?.take(identity.role ? `sub:${identity.subject}` : `anon:${req?.socket.remoteAddress ?? 'unknown'}`);
  return { requestId, logger: logger.child({ requestId, subject: identity.subject }), identity, purpose, auth, accessReads: new Map() };
}

import type { IncomingMessage } from 'node:http';
import type { Logger } from '@nct/logger';
import { requestIdFrom } from '@nct/subgraph-kit';

/** Incoming headers the gateway passes on to subgraphs (besides `x-request-id`). */
export const FORWARDED_HEADERS = ['authorization', 'x-access-purpose'] as const;

export interface GatewayContext {
  requestId: string;
  logger: Logger;
  /** Allow-listed incoming headers, forwarded to every subgraph fetch. */
  forwardedHeaders: Record<string, string>;
}

export function createGatewayContext(logger: Logger, req?: IncomingMessage): GatewayContext {
  const requestId = requestIdFrom(req);
  const forwardedHeaders: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = req?.headers[name];
    if (typeof value === 'string' && value.length > 0) forwardedHeaders[name] = value;
  }
  return { requestId, logger: logger.child({ requestId }), forwardedHeaders };
}

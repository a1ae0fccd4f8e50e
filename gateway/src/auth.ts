import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import {
  ANONYMOUS,
  createTokenVerifier,
  DEV_AUDIENCE,
  DEV_ISSUER,
  ensureDevIssuer,
  Identity,
  InternalSigningKey,
  isPurpose,
  Purpose,
  PURPOSE_HEADER,
  PURPOSES,
  TokenVerifier,
} from '@nct/auth';
import { AppError } from '@nct/errors';

/** Where the local development issuer keeps its keys (ignored by git). */
export const DEV_ISSUER_DIR = path.resolve(__dirname, '..', '..', '.data', 'dev-issuer');

export interface AuthSettings {
  /** The identity provider's JWKS URL (production). */
  jwksUrl?: string;
  /** A JWKS file; default: the local development issuer's. */
  jwksFile?: string;
  issuer: string;
  audience: string;
  /**
   * The private Ed25519 key that signs the internal credential (INTERNAL_SIGNING_KEY). Only the
   * gateway holds it; subgraphs hold its public key.
   */
  internalSigningKey: InternalSigningKey;
}

export interface GatewayAuth {
  verify: TokenVerifier;
  /** Signs the internal credential of every subgraph call (datasource.ts, access-log.ts). */
  internalKey: InternalSigningKey;
}

/** Development defaults: the local issuer (created on first use) and its audience. */
export async function gatewayAuth(settings: AuthSettings): Promise<GatewayAuth> {
  let jwksFile = settings.jwksFile;
  if (!settings.jwksUrl && !jwksFile) jwksFile = (await ensureDevIssuer(DEV_ISSUER_DIR)).jwksFile;
  return {
    verify: createTokenVerifier({ jwksUrl: settings.jwksUrl, jwksFile, issuer: settings.issuer, audience: settings.audience }),
    internalKey: settings.internalSigningKey,
  };
}

export const DEV_AUTH_DEFAULTS = { issuer: DEV_ISSUER, audience: DEV_AUDIENCE };

function refuse(status: number, code: 'UNAUTHENTICATED' | 'BAD_USER_INPUT', vi: string, en: string): never {
  throw new AppError(code, { vi, en }, { http: { status } });
}

/**
 * Who is calling and why: a bearer token, when present, must verify (otherwise 401 for the
 * whole request: a bad token is never treated as anonymous); a purpose, when present, must be
 * one of the fixed list (400). No token: anonymous, who may read nothing personal.
 */
export async function callerOf(
  req: IncomingMessage | undefined,
  auth: GatewayAuth,
): Promise<{ identity: Identity; purpose: Purpose | null }> {
  const header = req?.headers.authorization;
  let identity: Identity = ANONYMOUS;
  if (header !== undefined) {
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
    if (!match)
      refuse(401, 'UNAUTHENTICATED', 'Tiêu đề Authorization phải là "Bearer <token>"', 'The Authorization header must be "Bearer <token>"');
    const result = await auth.verify(match[1]);
    if (!result.ok) refuse(401, 'UNAUTHENTICATED', 'Mã truy cập không hợp lệ hoặc đã hết hạn', 'Invalid or expired access token');
    identity = result.identity;
  }
  const rawPurpose = req?.headers[PURPOSE_HEADER];
  let purpose: Purpose | null = null;
  if (rawPurpose !== undefined) {
    if (!isPurpose(rawPurpose)) {
      refuse(
        400,
        'BAD_USER_INPUT',
        `Mục đích truy cập không hợp lệ; dùng một trong: ${Object.keys(PURPOSES).join(', ')}`,
        `Unknown access purpose; use one of: ${Object.keys(PURPOSES).join(', ')}`,
      );
    }
    purpose = rawPurpose;
  }
  return { identity, purpose };
}

import { jwtVerify, SignJWT } from 'jose';
import { identityFromClaims, Identity, ANONYMOUS } from './roles';
import { isPurpose, Purpose } from './purposes';

/**
 * The gateway -> subgraph credential: a JWT signed (HS256) with a secret only the gateway and
 * the subgraphs hold, living 60 seconds, carrying the identity the gateway verified and the
 * declared purpose. Subgraphs trust nothing else a client could send.
 * Several secrets may be configured (comma-separated): the first signs, any verifies, so a
 * secret can be rotated without downtime.
 */
export const INTERNAL_HEADER = 'x-nct-internal';
const ISSUER = 'nct-gateway';
const AUDIENCE = 'nct-subgraph';
export const INTERNAL_TTL_SECONDS = 60;

export interface InternalClaims {
  identity: Identity;
  purpose: Purpose | null;
  requestId: string;
  /**
   * Set only when the gateway calls a subgraph on its own behalf (writing the access log),
   * never when it relays a client's operation.
   */
  service?: 'gateway';
}

export function parseSecrets(raw: string | undefined): Uint8Array[] {
  const secrets = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of secrets) {
    if (s.length < 32) throw new Error('INTERNAL_AUTH_SECRET: every secret must be at least 32 characters');
  }
  return secrets.map((s) => new TextEncoder().encode(s));
}

export async function signInternal(claims: InternalClaims, secret: Uint8Array): Promise<string> {
  const { identity, purpose, requestId, service } = claims;
  return new SignJWT({
    role: identity.role,
    commune: identity.commune,
    agency: identity.agency,
    purpose,
    rid: requestId,
    ...(service ? { svc: service } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(identity.subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${INTERNAL_TTL_SECONDS}s`)
    .sign(secret);
}

/** The claims of a valid credential, or null for a missing, forged, expired or malformed one. */
export async function verifyInternal(token: string | undefined, secrets: Uint8Array[]): Promise<InternalClaims | null> {
  if (!token || token.length > 4096) return null;
  for (const secret of secrets) {
    try {
      const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      const purpose = payload.purpose ?? null;
      if (purpose !== null && !isPurpose(purpose)) return null;
      if (typeof payload.rid !== 'string') return null;
      const identity = payload.role === null ? { ...ANONYMOUS } : identityFromClaims(payload as Record<string, unknown>);
      if (!identity) return null;
      if (payload.svc !== undefined && payload.svc !== 'gateway') return null;
      return { identity, purpose, requestId: payload.rid, ...(payload.svc === 'gateway' ? { service: 'gateway' as const } : {}) };
    } catch {
      /* try the next secret */
    }
  }
  return null;
}

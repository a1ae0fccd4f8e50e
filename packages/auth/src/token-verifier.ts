import fs from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, JSONWebKeySet, jwtVerify, JWTVerifyGetKey } from 'jose';
import { identityFromClaims, Identity } from './roles';

/**
 * Verifies the bearer JWT of a client as an OIDC identity provider issues it: signature
 * against the provider's JWKS (fetched, cached and re-fetched when a token names a key id it
 * does not know — that is how key rotation is picked up), issuer, audience, expiry.
 */
export interface VerifierOptions {
  /** `https://idp.example/.well-known/jwks.json` */
  jwksUrl?: string;
  /** A JWKS file (the local development issuer's). */
  jwksFile?: string;
  issuer: string;
  audience: string;
  /** Allowed clock skew. */
  clockToleranceSeconds?: number;
}

export type VerifyResult = { ok: true; identity: Identity } | { ok: false; reason: string };

export type TokenVerifier = (token: string) => Promise<VerifyResult>;

export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  let keys: JWTVerifyGetKey;
  if (options.jwksUrl) {
    keys = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 5000 });
  } else if (options.jwksFile) {
    const file = options.jwksFile;
    // Re-read the file when a token names an unknown key (the local issuer rotated).
    let local = createLocalJWKSet(JSON.parse(fs.readFileSync(file, 'utf8')) as JSONWebKeySet);
    keys = async (header, token) => {
      try {
        return await local(header, token);
      } catch (err) {
        local = createLocalJWKSet(JSON.parse(fs.readFileSync(file, 'utf8')) as JSONWebKeySet);
        return local(header, token);
      }
    };
  } else {
    throw new Error('createTokenVerifier needs jwksUrl or jwksFile');
  }
  return async (token) => {
    if (token.length > 8192) return { ok: false, reason: 'token too long' };
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256', 'ES256', 'EdDSA'],
        clockTolerance: options.clockToleranceSeconds ?? 30,
        requiredClaims: ['exp', 'sub'],
      });
      const identity = identityFromClaims(payload as Record<string, unknown>);
      return identity ? { ok: true, identity } : { ok: false, reason: 'claims do not describe a known role' };
    } catch (err) {
      return { ok: false, reason: (err as { code?: string }).code ?? 'invalid token' };
    }
  };
}

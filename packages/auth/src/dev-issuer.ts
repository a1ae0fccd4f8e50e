import fs from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, JWK, SignJWT } from 'jose';
import type { Role } from './roles';

/**
 * The local development issuer: an ES256 key pair kept in an ignored folder (created on
 * first use), its public JWKS beside it. The embedded default gateway trusts this JWKS;
 * production configures a real identity provider instead (docs/security.md).
 */
export const DEV_ISSUER = 'urn:nct:dev-issuer';
export const DEV_AUDIENCE = 'nct-gateway';

export interface DevIssuerFiles {
  privateKeyFile: string;
  jwksFile: string;
}

export function devIssuerFiles(dir: string): DevIssuerFiles {
  return { privateKeyFile: path.join(dir, 'private.jwk.json'), jwksFile: path.join(dir, 'jwks.json') };
}

/** Creates the key pair if missing; returns the file paths. */
export async function ensureDevIssuer(dir: string): Promise<DevIssuerFiles> {
  const files = devIssuerFiles(dir);
  if (fs.existsSync(files.privateKeyFile) && fs.existsSync(files.jwksFile)) return files;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  const priv = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
  const pub = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  fs.writeFileSync(files.privateKeyFile, JSON.stringify(priv), { mode: 0o600 });
  fs.writeFileSync(files.jwksFile, JSON.stringify({ keys: [pub] }));
  return files;
}

export interface DevTokenOptions {
  role: Role;
  subject?: string;
  commune?: string;
  agency?: string;
  ttlSeconds?: number;
  audience?: string;
  /** OpenID Connect `nonce` (an ID token of the development sign-in, gateway/src/web-app/dev-issuer.ts). */
  nonce?: string;
}

export async function issueDevToken(dir: string, options: DevTokenOptions): Promise<string> {
  const files = await ensureDevIssuer(dir);
  const jwk = JSON.parse(fs.readFileSync(files.privateKeyFile, 'utf8')) as JWK & { kid: string };
  const key = await importJWK(jwk, 'ES256');
  const claims: Record<string, unknown> = { role: options.role };
  if (options.commune) claims.commune = options.commune;
  if (options.agency) claims.agency = options.agency;
  if (options.nonce) claims.nonce = options.nonce;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid, typ: 'JWT' })
    .setSubject(options.subject ?? `dev-${options.role}${options.commune ? `-${options.commune}` : ''}`)
    .setIssuer(DEV_ISSUER)
    .setAudience(options.audience ?? DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${options.ttlSeconds ?? 8 * 3600}s`)
    .sign(key);
}

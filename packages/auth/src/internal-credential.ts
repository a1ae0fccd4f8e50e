import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { identityFromClaims, Identity, ANONYMOUS } from './roles';
import { isPurpose, Purpose } from './purposes';
import { JTI_MAX_LENGTH, ReplayGuard } from './replay-guard';

/**
 * The gateway -> subgraph credential (docs/security.md, "The internal credential").
 *
 * A JWT signed with EdDSA (Ed25519): only the gateway holds the private key
 * (`INTERNAL_SIGNING_KEY`); subgraphs hold public keys only (`INTERNAL_VERIFY_KEYS`), so a
 * subgraph that leaks its configuration leaks nothing that can mint a credential. Each
 * credential is made for ONE subgraph (audience `nct-subgraph:<name>`) and ONE request body
 * (claim `bh`, the base64url SHA-256 of the exact HTTP body), and lives 60 seconds: replayed to
 * another subgraph, or with another query or variables, it is refused. Each also carries a
 * random `jti`; a subgraph's `ReplayGuard` (./replay-guard.ts) accepts each `jti` once, so the
 * same credential with the same body sent again within its lifetime is refused too.
 * It carries the identity the gateway verified, the declared purpose and the gateway's request
 * id (`rid`). Key rotation: the header's `kid` (the key's RFC 7638 thumbprint) picks the
 * public key; subgraphs accept a list of them.
 */
export const INTERNAL_HEADER = 'x-nct-internal';
const ISSUER = 'nct-gateway';
const ALG = 'EdDSA';
const TYP = 'nct-internal+jwt';
export const INTERNAL_TTL_SECONDS = 60;
/** Allowed clock difference between the gateway's host and a subgraph's. */
const CLOCK_TOLERANCE_SECONDS = 5;

export interface InternalClaims {
  identity: Identity;
  purpose: Purpose | null;
  /** The gateway's own request id (never a client's). */
  requestId: string;
  /**
   * Set only when the gateway calls a subgraph on its own behalf (writing the access log),
   * never when it relays a client's operation.
   */
  service?: 'gateway';
}

/** The gateway's private key and its key id. */
export interface InternalSigningKey {
  kid: string;
  key: KeyObject;
}

/** One public key a subgraph accepts. */
export interface InternalVerifyKey {
  kid: string;
  key: KeyObject;
}

/** What the credential is made for: the subgraph it goes to and the exact body it travels with. */
export interface InternalTarget {
  subgraph: string;
  body: string | Uint8Array;
}

/** What a subgraph checks a credential against. */
export interface InternalVerification extends InternalTarget {
  keys: readonly InternalVerifyKey[];
  /** The verifier's clock (tests); default now. */
  now?: Date;
  /**
   * The process's seen-set of `jti`s (one per subgraph process): a credential already accepted
   * once is refused. Without it (unit checks of a single credential) only the shape of `jti` is checked.
   */
  replayGuard?: ReplayGuard;
}

/** The audience of a credential for subgraph `name`: each subgraph accepts only its own. */
export function subgraphAudience(name: string): string {
  return `nct-subgraph:${name}`;
}

/** base64url SHA-256 of the exact bytes of an HTTP body (claim `bh`). */
export function bodyHash(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

/** RFC 7638 thumbprint of an Ed25519 public key: the key id, derived, never configured. */
function thumbprint(publicKey: KeyObject): string {
  const { crv, kty, x } = publicKey.export({ format: 'jwk' }) as { crv: string; kty: string; x: string };
  return createHash('sha256').update(JSON.stringify({ crv, kty, x })).digest('base64url');
}

function requireEd25519(key: KeyObject, name: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${name}: not an Ed25519 key`);
  return key;
}

/**
 * The gateway's signing key (`INTERNAL_SIGNING_KEY`): a private Ed25519 JWK (JSON, with `d`)
 * or a PKCS#8 PEM.
 */
export function parseSigningKey(raw: string): InternalSigningKey {
  const text = raw.trim();
  let key: KeyObject;
  try {
    key = text.startsWith('{') ? createPrivateKey({ key: JSON.parse(text), format: 'jwk' }) : createPrivateKey(text);
  } catch {
    throw new Error('INTERNAL_SIGNING_KEY: not a private Ed25519 JWK or PKCS#8 PEM');
  }
  requireEd25519(key, 'INTERNAL_SIGNING_KEY');
  return { kid: thumbprint(createPublicKey(key)), key };
}

function publicKeyFrom(entry: unknown, name: string): InternalVerifyKey {
  let key: KeyObject;
  try {
    if (typeof entry === 'object' && entry !== null) {
      if ('d' in entry) throw new Error('private');
      key = createPublicKey({ key: entry as any, format: 'jwk' });
    } else {
      const s = String(entry).trim();
      if (s.includes('PRIVATE KEY')) throw new Error('private');
      key = s.startsWith('-----') ? createPublicKey(s) : createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: s }, format: 'jwk' });
    }
  } catch (err) {
    if ((err as Error).message === 'private') throw new Error(`${name}: a subgraph must be given public keys only, never the private key`);
    throw new Error(`${name}: not an Ed25519 public key (JWK, JWKS, base64url "x" or SPKI PEM)`);
  }
  requireEd25519(key, name);
  return { kid: thumbprint(key), key };
}

/**
 * The public keys a subgraph accepts: a JWKS (`{"keys": [...]}`) or one JWK, or a
 * comma-separated list of base64url raw public keys (a JWK's `x`) or SPKI PEMs.
 */
export function parseVerifyKeys(raw: string | undefined, name = 'INTERNAL_VERIFY_KEYS'): InternalVerifyKey[] {
  const text = (raw ?? '').trim();
  if (!text) return [];
  if (text.startsWith('{')) {
    let json: { keys?: unknown[] };
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${name}: not valid JSON`);
    }
    const list = Array.isArray(json.keys) ? json.keys : [json];
    return list.map((k) => publicKeyFrom(k, name));
  }
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => publicKeyFrom(s, name));
}

/** `INTERNAL_VERIFY_KEYS`, or the JWKS file named by `INTERNAL_VERIFY_KEYS_FILE`. */
export function verifyKeysFromEnv(env: Record<string, string | undefined> = process.env): InternalVerifyKey[] {
  if (env.INTERNAL_VERIFY_KEYS_FILE) {
    let text: string;
    try {
      text = fs.readFileSync(env.INTERNAL_VERIFY_KEYS_FILE, 'utf8');
    } catch (err) {
      throw new Error(`INTERNAL_VERIFY_KEYS_FILE: cannot read ${env.INTERNAL_VERIFY_KEYS_FILE}: ${(err as Error).message}`);
    }
    return parseVerifyKeys(text, 'INTERNAL_VERIFY_KEYS_FILE');
  }
  return parseVerifyKeys(env.INTERNAL_VERIFY_KEYS);
}

/** The public half of a signing key, as a subgraph would hold it. */
export function verifyKeyOf(signing: InternalSigningKey): InternalVerifyKey {
  return { kid: signing.kid, key: createPublicKey(signing.key) };
}

/**
 * A fresh key pair, as configuration text: `signingKey` (private JWK JSON, for the gateway
 * only) and `verifyKey` (base64url public key, for the subgraphs). `npm start` makes one per run.
 */
export function generateInternalKeyPair(): { signingKey: string; verifyKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signingKey: JSON.stringify(privateKey.export({ format: 'jwk' })),
    verifyKey: (publicKey.export({ format: 'jwk' }) as { x: string }).x,
  };
}

/**
 * Signs a credential for one call: `target.subgraph` is the subgraph it goes to, and
 * `target.body` the exact HTTP body sent with it. `now` only for tests.
 */
export async function signInternal(
  claims: InternalClaims,
  signing: InternalSigningKey,
  target: InternalTarget,
  now: Date = new Date(),
): Promise<string> {
  const { identity, purpose, requestId, service } = claims;
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    role: identity.role,
    commune: identity.commune,
    agency: identity.agency,
    purpose,
    rid: requestId,
    bh: bodyHash(target.body),
    ...(service ? { svc: service } : {}),
  })
    .setProtectedHeader({ alg: ALG, kid: signing.kid, typ: TYP })
    .setSubject(identity.subject)
    .setIssuer(ISSUER)
    .setAudience(subgraphAudience(target.subgraph))
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + INTERNAL_TTL_SECONDS)
    .sign(signing.key);
}

/**
 * The claims of a valid credential, or null for a missing, forged, expired or malformed one,
 * one signed by a key not in `keys` or with another algorithm, one made for another subgraph,
 * one that came with another body, one without a `jti`, or (with `replayGuard`) one already
 * accepted before.
 */
export async function verifyInternal(token: string | undefined, v: InternalVerification): Promise<InternalClaims | null> {
  if (!token || token.length > 4096) return null;
  let kid: unknown;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== ALG || header.typ !== TYP) return null;
    kid = header.kid;
  } catch {
    return null;
  }
  const key = v.keys.find((k) => k.kid === kid);
  if (!key) return null;
  try {
    const { payload } = await jwtVerify(token, key.key, {
      issuer: ISSUER,
      audience: subgraphAudience(v.subgraph),
      algorithms: [ALG],
      typ: TYP,
      requiredClaims: ['iat', 'exp', 'sub', 'rid', 'bh', 'jti'],
      maxTokenAge: INTERNAL_TTL_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      ...(v.now ? { currentDate: v.now } : {}),
    });
    if (payload.bh !== bodyHash(v.body)) return null;
    const purpose = payload.purpose ?? null;
    if (purpose !== null && !isPurpose(purpose)) return null;
    if (typeof payload.rid !== 'string') return null;
    const identity =
      payload.role === null ? { ...ANONYMOUS, subject: String(payload.sub) } : identityFromClaims(payload as Record<string, unknown>);
    if (!identity) return null;
    if (payload.svc !== undefined && payload.svc !== 'gateway') return null;
    if (typeof payload.jti !== 'string' || payload.jti.length === 0 || payload.jti.length > JTI_MAX_LENGTH) return null;
    // Last, so only a credential valid in every other respect takes a place in the seen-set.
    // It is remembered for as long as this verifier would accept it.
    if (v.replayGuard) {
      const acceptedUntil = Math.min(payload.exp!, payload.iat! + INTERNAL_TTL_SECONDS) + CLOCK_TOLERANCE_SECONDS;
      if (!v.replayGuard.check(payload.jti, acceptedUntil)) return null;
    }
    return { identity, purpose, requestId: payload.rid, ...(payload.svc === 'gateway' ? { service: 'gateway' as const } : {}) };
  } catch {
    return null;
  }
}

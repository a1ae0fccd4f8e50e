import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import {
  bodyHash,
  generateInternalKeyPair,
  INTERNAL_TTL_SECONDS,
  InternalSigningKey,
  parseSigningKey,
  parseVerifyKeys,
  signInternal,
  verifyInternal,
  verifyKeyOf,
  verifyKeysFromEnv,
} from './index';

const person = { subject: 'u-officer', role: 'commune-officer' as const, commune: '03199', agency: null };
const claims = { identity: person, purpose: 'CARE_COORDINATION' as const, requestId: 'r-1' };
const BODY = JSON.stringify({ query: '{ person(citizenId: "012140000001") { fullName } }' });
const target = { subgraph: 'social', body: BODY };

function keyPair(): { signing: InternalSigningKey; verifyText: string } {
  const { signingKey, verifyKey } = generateInternalKeyPair();
  return { signing: parseSigningKey(signingKey), verifyText: verifyKey };
}

describe('the internal credential (EdDSA, per subgraph, bound to the body)', () => {
  const current = keyPair();
  const keys = parseVerifyKeys(current.verifyText);
  const check = (token: string | undefined, over: Partial<Parameters<typeof verifyInternal>[1]> = {}) =>
    verifyInternal(token, { keys, ...target, ...over });

  it('round-trips identity, purpose and the gateway request id for the subgraph and body it was made for', async () => {
    expect(await check(await signInternal(claims, current.signing, target))).toEqual(claims);
  });

  it('carries the gateway-service marker only when the gateway signs for itself', async () => {
    const own = {
      identity: { subject: 'gateway', role: null, commune: null, agency: null },
      purpose: null,
      requestId: 'r-2',
      service: 'gateway' as const,
    };
    expect(await check(await signInternal(own, current.signing, target))).toEqual(own);
    expect((await check(await signInternal(claims, current.signing, target)))?.service).toBeUndefined();
  });

  it('is refused by another subgraph (audience nct-subgraph:<name>)', async () => {
    const token = await signInternal(claims, current.signing, target);
    expect(await check(token, { subgraph: 'health' })).toBeNull();
    expect(await check(token, { subgraph: 'audit' })).toBeNull();
  });

  it('is refused with another body (other query or variables), even one byte', async () => {
    const token = await signInternal(claims, current.signing, target);
    expect(await check(token, { body: BODY.replace('012140000001', '012140000002') })).toBeNull();
    expect(await check(token, { body: `${BODY} ` })).toBeNull();
    expect(await check(token, { body: '' })).toBeNull();
    // The same bytes as a Buffer (what the subgraph reads off the socket) are accepted.
    expect(await check(token, { body: Buffer.from(BODY, 'utf8') })).toEqual(claims);
  });

  it(`is refused after its ${INTERNAL_TTL_SECONDS} s lifetime (fixed clock, no sleeping)`, async () => {
    const issued = new Date('2026-03-01T08:00:00Z');
    const token = await signInternal(claims, current.signing, target, issued);
    expect(await check(token, { now: new Date(issued.getTime() + 30_000) })).toEqual(claims);
    expect(await check(token, { now: new Date(issued.getTime() + (INTERNAL_TTL_SECONDS + 10) * 1000) })).toBeNull();
    // And one issued "in the future" beyond the clock tolerance.
    expect(await check(token, { now: new Date(issued.getTime() - 60_000) })).toBeNull();
  });

  it('is refused when its lifetime is longer than 60 s even if the signature is genuine', async () => {
    const iat = Math.floor(Date.now() / 1000) - 120;
    const long = await new SignJWT({ role: 'health', rid: 'r', bh: bodyHash(BODY) })
      .setProtectedHeader({ alg: 'EdDSA', kid: current.signing.kid, typ: 'nct-internal+jwt' })
      .setSubject('x')
      .setIssuer('nct-gateway')
      .setAudience('nct-subgraph:social')
      .setIssuedAt(iat)
      .setExpirationTime(iat + 3600)
      .sign(current.signing.key);
    expect(await check(long)).toBeNull();
  });

  it.each([
    ['missing', async () => undefined],
    ['garbage', async () => 'abc.def.ghi'],
    ['signed with another Ed25519 key', async () => signInternal(claims, keyPair().signing, target)],
    [
      'signed with another key that claims our kid',
      async () => signInternal(claims, { ...keyPair().signing, kid: current.signing.kid }, target),
    ],
    [
      'signed with an HS256 secret (the old scheme), even naming our kid',
      async () =>
        new SignJWT({ role: 'admin', rid: 'r', bh: bodyHash(BODY) })
          .setProtectedHeader({ alg: 'HS256', kid: current.signing.kid, typ: 'nct-internal+jwt' })
          .setSubject('x')
          .setIssuer('nct-gateway')
          .setAudience('nct-subgraph:social')
          .setIssuedAt()
          .setExpirationTime('1m')
          .sign(new TextEncoder().encode('a'.repeat(40))),
    ],
    [
      'HS256 keyed with the public key (algorithm confusion)',
      async () =>
        new SignJWT({ role: 'admin', rid: 'r', bh: bodyHash(BODY) })
          .setProtectedHeader({ alg: 'HS256', kid: current.signing.kid, typ: 'nct-internal+jwt' })
          .setSubject('x')
          .setIssuer('nct-gateway')
          .setAudience('nct-subgraph:social')
          .setIssuedAt()
          .setExpirationTime('1m')
          .sign(new TextEncoder().encode(current.verifyText)),
    ],
    [
      'alg none',
      async () =>
        `${Buffer.from('{"alg":"none","typ":"nct-internal+jwt"}').toString('base64url')}.${Buffer.from('{"sub":"x","role":"admin"}').toString('base64url')}.`,
    ],
    [
      'without a body hash',
      async () =>
        new SignJWT({ role: 'health', rid: 'r' })
          .setProtectedHeader({ alg: 'EdDSA', kid: current.signing.kid, typ: 'nct-internal+jwt' })
          .setSubject('x')
          .setIssuer('nct-gateway')
          .setAudience('nct-subgraph:social')
          .setIssuedAt()
          .setExpirationTime('1m')
          .sign(current.signing.key),
    ],
  ])('refuses a credential %s', async (_name, make) => {
    expect(await check(await make())).toBeNull();
  });

  it('key rotation: accepts old and new keys while both are configured; the old one is refused once dropped', async () => {
    const next = keyPair();
    const both = parseVerifyKeys(`${next.verifyText},${current.verifyText}`);
    const oldToken = await signInternal(claims, current.signing, target);
    const newToken = await signInternal(claims, next.signing, target);
    expect(await verifyInternal(oldToken, { keys: both, ...target })).toEqual(claims);
    expect(await verifyInternal(newToken, { keys: both, ...target })).toEqual(claims);
    const onlyNew = parseVerifyKeys(next.verifyText);
    expect(await verifyInternal(newToken, { keys: onlyNew, ...target })).toEqual(claims);
    expect(await verifyInternal(oldToken, { keys: onlyNew, ...target })).toBeNull();
  });

  it('reads public keys as base64url, JWK, JWKS, SPKI PEM or a JWKS file, all with the same key id', async () => {
    const pub = verifyKeyOf(current.signing);
    const jwk = pub.key.export({ format: 'jwk' });
    const pem = pub.key.export({ format: 'pem', type: 'spki' }).toString();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nct-keys-'));
    const file = path.join(dir, 'jwks.json');
    fs.writeFileSync(file, JSON.stringify({ keys: [jwk] }));
    try {
      for (const parsed of [
        parseVerifyKeys(current.verifyText),
        parseVerifyKeys(JSON.stringify(jwk)),
        parseVerifyKeys(JSON.stringify({ keys: [jwk] })),
        parseVerifyKeys(pem),
        verifyKeysFromEnv({ INTERNAL_VERIFY_KEYS_FILE: file }),
      ]) {
        expect(parsed.map((k) => k.kid)).toEqual([current.signing.kid]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the signing key as a JWK or a PKCS#8 PEM, and refuses anything else', () => {
    const pem = current.signing.key.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(parseSigningKey(pem).kid).toBe(current.signing.kid);
    expect(() => parseSigningKey('a'.repeat(40))).toThrow(/INTERNAL_SIGNING_KEY/);
    const ec = createPrivateKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        d: '870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE',
        x: 'MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4',
        y: '4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM',
      },
      format: 'jwk',
    });
    expect(() => parseSigningKey(ec.export({ format: 'pem', type: 'pkcs8' }).toString())).toThrow(/not an Ed25519 key/);
  });

  it('refuses to give a subgraph the private key as a verify key', () => {
    const { signingKey } = generateInternalKeyPair();
    expect(() => parseVerifyKeys(signingKey)).toThrow(/public keys only/);
    expect(() => parseVerifyKeys('not-a-key')).toThrow(/INTERNAL_VERIFY_KEYS/);
  });
});

import { decodeJwt, SignJWT } from 'jose';
import {
  bodyHash,
  generateInternalKeyPair,
  INTERNAL_TTL_SECONDS,
  parseSigningKey,
  parseVerifyKeys,
  ReplayGuard,
  signInternal,
  verifyInternal,
} from './index';

const claims = {
  identity: { subject: 'u', role: 'social' as const, commune: null, agency: null },
  purpose: 'CARE_COORDINATION' as const,
  requestId: 'r-1',
};
const BODY = JSON.stringify({ query: '{ people(first: 1) { totalCount } }' });
const target = { subgraph: 'social', body: BODY };

/** A clock the test moves by hand (milliseconds). */
function manualClock(start = Date.parse('2026-03-01T08:00:00Z')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('the credential id (jti) and the replay guard', () => {
  const { signingKey, verifyKey } = generateInternalKeyPair();
  const signing = parseSigningKey(signingKey);
  const keys = parseVerifyKeys(verifyKey);

  it('the gateway puts a fresh random jti in every credential it signs', async () => {
    const a = decodeJwt(await signInternal(claims, signing, target));
    const b = decodeJwt(await signInternal(claims, signing, target));
    expect(typeof a.jti).toBe('string');
    expect(a.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.jti).not.toBe(b.jti);
  });

  it.each([
    ['without a jti', undefined],
    ['with an empty jti', ''],
    ['with a jti longer than 64 characters', 'j'.repeat(65)],
  ])('refuses a genuinely signed credential %s', async (_name, jti) => {
    const iat = Math.floor(Date.now() / 1000);
    let jwt = new SignJWT({ role: 'social', rid: 'r', bh: bodyHash(BODY) })
      .setProtectedHeader({ alg: 'EdDSA', kid: signing.kid, typ: 'nct-internal+jwt' })
      .setSubject('x')
      .setIssuer('nct-gateway')
      .setAudience('nct-subgraph:social')
      .setIssuedAt(iat)
      .setExpirationTime(iat + INTERNAL_TTL_SECONDS);
    if (jti !== undefined) jwt = jwt.setJti(jti);
    const token = await jwt.sign(signing.key);
    expect(await verifyInternal(token, { keys, ...target })).toBeNull();
    expect(await verifyInternal(token, { keys, ...target, replayGuard: new ReplayGuard() })).toBeNull();
  });

  it('accepts a credential once; the same credential with the same body is refused on every repeat', async () => {
    const replayGuard = new ReplayGuard();
    const token = await signInternal(claims, signing, target);
    expect(await verifyInternal(token, { keys, ...target, replayGuard })).toEqual(claims);
    expect(await verifyInternal(token, { keys, ...target, replayGuard })).toBeNull();
    expect(await verifyInternal(token, { keys, ...target, body: Buffer.from(BODY), replayGuard })).toBeNull();
    // A new credential for the same body (a legitimate retry signs again) is accepted.
    expect(await verifyInternal(await signInternal(claims, signing, target), { keys, ...target, replayGuard })).toEqual(claims);
    expect(replayGuard.size).toBe(2);
  });

  it('records only credentials valid in every other respect (a forged or mismatched one takes no place)', async () => {
    const replayGuard = new ReplayGuard();
    const token = await signInternal(claims, signing, target);
    expect(await verifyInternal(token, { keys, ...target, body: `${BODY} `, replayGuard })).toBeNull();
    expect(await verifyInternal(token, { keys, ...target, subgraph: 'health', replayGuard })).toBeNull();
    expect(replayGuard.size).toBe(0);
    // So the genuine request, arriving after the forgeries, is still accepted once.
    expect(await verifyInternal(token, { keys, ...target, replayGuard })).toEqual(claims);
  });

  it('never accepts a jti again while it is remembered, then forgets it once expired', () => {
    const clock = manualClock();
    const guard = new ReplayGuard({ now: clock.now });
    const exp = clock.now() / 1000 + 65;
    expect(guard.check('a', exp)).toBe(true);
    expect(guard.check('a', exp)).toBe(false);
    clock.advance(64_000);
    expect(guard.check('a', exp)).toBe(false);
    expect(guard.check('b', exp)).toBe(true);
    clock.advance(2_000);
    // Past its expiry: the verifier itself refuses such a credential (exp), and the guard refuses it too.
    expect(guard.check('a', exp)).toBe(false);
  });

  it('prunes expired entries incrementally from the front, without a full scan: the size drops once time passes', () => {
    const clock = manualClock();
    const guard = new ReplayGuard({ now: clock.now });
    const t0 = clock.now() / 1000;
    for (let i = 0; i < 1000; i++) expect(guard.check(`early-${i}`, t0 + 65)).toBe(true);
    clock.advance(30_000);
    for (let i = 0; i < 500; i++) expect(guard.check(`late-${i}`, t0 + 95)).toBe(true);
    expect(guard.size).toBe(1500);
    clock.advance(36_000); // t0 + 66: the early ones have expired, the late ones have not.
    expect(guard.check('next', t0 + 126)).toBe(true);
    expect(guard.size).toBe(501);
    clock.advance(30_000); // t0 + 96: the late ones too.
    expect(guard.check('last', t0 + 156)).toBe(true);
    expect(guard.size).toBe(2);
  });

  it('stops at the first live entry: a check visits the expired entries and one live entry, never the whole set', () => {
    const clock = manualClock();
    const guard = new ReplayGuard({ now: clock.now });
    const t0 = clock.now() / 1000;
    for (let i = 0; i < 100; i++) guard.check(`old-${i}`, t0 + 10);
    for (let i = 0; i < 50_000; i++) guard.check(`live-${i}`, t0 + 65);
    clock.advance(11_000);
    const seen = (guard as unknown as { seen: Map<string, number> }).seen;
    const original = Map.prototype[Symbol.iterator];
    let steps = 0;
    seen[Symbol.iterator] = function () {
      const it = original.call(this);
      return {
        next: () => {
          steps++;
          return it.next();
        },
        [Symbol.iterator]() {
          return this;
        },
      } as never;
    };
    expect(guard.check('one-more', t0 + 76)).toBe(true);
    expect(steps).toBe(101); // 100 expired entries dropped, then the first live one ends the loop
    steps = 0;
    expect(guard.check('and-another', t0 + 76)).toBe(true);
    expect(steps).toBe(1);
    expect(guard.size).toBe(50_002);
  });

  it('refuses new credentials once the cap is reached (memory does not grow), and takes them again as entries expire', async () => {
    const clock = manualClock(Date.now());
    const replayGuard = new ReplayGuard({ maxEntries: 3, now: clock.now });
    const t0 = clock.now() / 1000;
    expect(replayGuard.check('a', t0 + 65)).toBe(true);
    expect(replayGuard.check('b', t0 + 65)).toBe(true);
    expect(replayGuard.check('c', t0 + 65)).toBe(true);
    expect(replayGuard.check('d', t0 + 65)).toBe(false);
    expect(replayGuard.size).toBe(3);
    // A genuine new credential is refused too (the subgraph answers 401).
    expect(await verifyInternal(await signInternal(claims, signing, target), { keys, ...target, replayGuard })).toBeNull();
    expect(replayGuard.size).toBe(3);
    clock.advance(66_000);
    expect(replayGuard.check('d', t0 + 131)).toBe(true);
    expect(replayGuard.size).toBe(1);
  });
});
